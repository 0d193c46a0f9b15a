package io.usermeta.core;

import io.usermeta.errors.ApiException;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules for customer ids, source ids, user ids and attribute keys. */
public final class Identifiers {
    private static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private Identifiers() {}

    public static boolean isCustomerId(String candidate) {
        return candidate != null && CUSTOMER_ID.matcher(candidate).matches();
    }

    /** Fails with a 400 unless {@code customerId} is alphanumeric, 1–64 characters. */
    public static void requireCustomerId(String customerId) {
        if (!isCustomerId(customerId)) {
            throw ApiException.badRequest("customer id '" + Text.quote(customerId)
                    + "' must be 1-64 letters or digits");
        }
    }

    /**
     * Source names that are path segments of the cluster API, so that a path like
     * {@code /api/00000/segments/user} can mean only one thing.
     */
    public static final Set<String> RESERVED_SOURCES = Set.of("attributes", "memberships", "segments");

    /** Whether {@code source} is 1–64 letters, digits, '_', '-' or '.' (reserved names included). */
    public static boolean isSource(String source) {
        return source != null && SOURCE.matcher(source).matches();
    }

    /**
     * Fails with a 400 unless {@code source} is 1–64 letters, digits, '_', '-' or '.', and not one of
     * the {@link #RESERVED_SOURCES}.
     */
    public static void requireSource(String source) {
        if (!isSource(source)) {
            throw ApiException.badRequest("source '" + Text.quote(source)
                    + "' must be 1-64 letters, digits, '_', '-' or '.'");
        }
        if (RESERVED_SOURCES.contains(source)) {
            throw ApiException.badRequest("source '" + source + "' is reserved for the cluster API;"
                    + " the reserved names are attributes, memberships and segments");
        }
    }

    public static boolean isKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /**
     * Why {@code userId} is not a valid user id, or {@code null} when it is: 1–256 characters, none
     * of them slash, backslash, space, a control character or a character XML cannot carry.
     */
    public static String userIdProblem(String userId) {
        if (userId == null || userId.isEmpty()) {
            return "is empty";
        }
        int length = userId.codePointCount(0, userId.length());
        if (length > Limits.MAX_USER_ID_LENGTH) {
            return "has " + length + " characters; the limit is " + Limits.MAX_USER_ID_LENGTH;
        }
        for (int i = 0; i < userId.length(); ) {
            int c = userId.codePointAt(i);
            if (c == '/' || c == '\\' || c == ' ') {
                return "contains " + Text.describe(c) + ", which user ids may not contain";
            }
            if (Character.isISOControl(c) || !Text.isXmlChar(c)) {
                return "contains the control or non-XML character " + Text.describe(c);
            }
            i += Character.charCount(c);
        }
        return null;
    }
}
