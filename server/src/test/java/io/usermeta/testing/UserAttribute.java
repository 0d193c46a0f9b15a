package io.usermeta.testing;

/**
 * One attribute as a test posts it or reads it back.
 *
 * @param key the attribute key
 * @param value the value, unescaped
 * @param type the type name, e.g. {@code NOMINAL}
 */
public record UserAttribute(String key, String value, String type) {
    public static UserAttribute nominal(String key, String value) {
        return new UserAttribute(key, value, "NOMINAL");
    }

    public static UserAttribute numeric(String key, String value) {
        return new UserAttribute(key, value, "NUMERIC");
    }
}
