package io.usermeta.testing;

/**
 * Builds request documents from fragments. Ids, keys and values are written as given, so a test can
 * pass text that is already XML-escaped (for example {@code Customer&lt;12.2014&gt;}).
 */
public final class Documents {
    private Documents() {}

    public static String users(String... users) {
        return "<users>" + String.join("", users) + "</users>";
    }

    public static String user(String id, String... attributes) {
        return "<user id=\"" + id + "\"><attributes>" + String.join("", attributes) + "</attributes></user>";
    }

    /** An attribute without a {@code type}, which makes it NOMINAL. */
    public static String attribute(String key, String value) {
        return "<attribute key=\"" + key + "\" value=\"" + value + "\"/>";
    }

    public static String attribute(String key, String value, String type) {
        return "<attribute key=\"" + key + "\" value=\"" + value + "\" type=\"" + type + "\"/>";
    }

    /** {@code count} NOMINAL attributes with distinct keys. */
    public static String[] attributes(int count) {
        String[] attributes = new String[count];
        for (int i = 0; i < count; i++) {
            attributes[i] = attribute("key" + i, "value" + i);
        }
        return attributes;
    }
}
