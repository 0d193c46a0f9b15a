package io.usermeta.core;

/**
 * The configurable size limits of the API. Lengths count characters (Unicode code points).
 *
 * @param maxBodyBytes the largest request body accepted
 * @param maxIdsPerRequest the most user ids one GET or DELETE may list
 * @param maxAttributesPerSet the most attributes one user may have in one source
 * @param maxKeyLength the longest attribute key
 * @param maxValueLength the longest NOMINAL, NUMERIC, DATE or DATETIME value
 * @param maxTextLength the longest TEXT value
 * @param maxUriLength the longest request URI, in bytes as sent
 */
public record Limits(
        long maxBodyBytes,
        int maxIdsPerRequest,
        int maxAttributesPerSet,
        int maxKeyLength,
        int maxValueLength,
        int maxTextLength,
        int maxUriLength) {

    public static final int MAX_USER_ID_LENGTH = 256;
    /** The longest attribute key the database columns hold; a configured limit may not exceed it. */
    public static final int STORED_KEY_LENGTH = 128;
    /**
     * The longest value of any type, in characters, that the database columns hold; a configured limit
     * may not exceed it. The columns take 262,144 UTF-16 units, and a character may take two: one
     * outside the Basic Multilingual Plane (an emoji), or one whose lower case, kept for
     * {@code contains}, is two characters (U+0130).
     */
    public static final int STORED_VALUE_LENGTH = 131_072;

    /** The defaults the reference documents. */
    public static Limits defaults() {
        return new Limits(64L * 1024 * 1024, 1_000, 1_000, 128, 1_024, 65_536, 2 * 1024 * 1024);
    }

    /** The longest value allowed for the given type. */
    public int maxValueLength(ValueType type) {
        return type == ValueType.TEXT ? maxTextLength : maxValueLength;
    }
}
