package io.usermeta.testing;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes {@code <condition>} elements for segment and evaluation requests. Keys, values and bounds are
 * XML-escaped here, so a test passes them as plain text ({@code >50K}, {@code Trinadad&Tobago}).
 */
public final class ConditionText {
    private ConditionText() {}

    public static String allOf(String... children) {
        return "<condition op=\"allOf\">" + String.join("", children) + "</condition>";
    }

    public static String anyOf(String... children) {
        return "<condition op=\"anyOf\">" + String.join("", children) + "</condition>";
    }

    public static String not(String child) {
        return "<condition op=\"not\">" + child + "</condition>";
    }

    /** A NOMINAL {@code equals} over every source. */
    public static String equalTo(String key, String value) {
        return "<condition op=\"equals\" key=\"" + escape(key) + "\" value=\"" + escape(value) + "\"/>";
    }

    /** A NOMINAL {@code equals} over the values of one source only. */
    public static String equalTo(String key, String value, String source) {
        return "<condition op=\"equals\" key=\"" + escape(key) + "\" value=\"" + escape(value) + "\" source=\""
                + escape(source) + "\"/>";
    }

    /** A NOMINAL {@code in} over every source. */
    public static String in(String key, String... values) {
        String children = Arrays.stream(values).map(value -> "<value>" + escape(value) + "</value>")
                .collect(Collectors.joining());
        return "<condition op=\"in\" key=\"" + escape(key) + "\">" + children + "</condition>";
    }

    /**
     * A {@code range} of {@code type}; {@code bounds} are pairs of a bound name ({@code gt}, {@code gte},
     * {@code lt}, {@code lte}) and its value, e.g. {@code range("age", "NUMERIC", "gte", "25", "lt", "35")}.
     */
    public static String range(String key, String type, String... bounds) {
        StringBuilder condition = new StringBuilder("<condition op=\"range\" key=\"").append(escape(key))
                .append("\" type=\"").append(type).append('"');
        for (int i = 0; i < bounds.length; i += 2) {
            condition.append(' ').append(bounds[i]).append("=\"").append(escape(bounds[i + 1])).append('"');
        }
        return condition.append("/>").toString();
    }

    public static String present(String key, String source) {
        return "<condition op=\"present\" key=\"" + escape(key) + "\" source=\"" + escape(source) + "\"/>";
    }

    public static String absent(String key) {
        return "<condition op=\"absent\" key=\"" + escape(key) + "\"/>";
    }

    /** A {@code <segment>} body for a PUT, holding {@code condition}. */
    public static String segment(String condition) {
        return "<segment>" + condition + "</segment>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
