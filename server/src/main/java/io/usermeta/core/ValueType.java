package io.usermeta.core;

/** The type of an attribute value, as named in the XML {@code type} attribute. */
public enum ValueType {
    DATE,
    DATETIME,
    NOMINAL,
    NUMERIC,
    TEXT;

    /** The type named exactly {@code name}, or {@code null} for any other text. */
    public static ValueType named(String name) {
        for (ValueType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
