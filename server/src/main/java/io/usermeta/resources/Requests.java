package io.usermeta.resources;

import io.usermeta.core.Identifiers;
import io.usermeta.core.Limits;
import io.usermeta.core.Text;
import io.usermeta.errors.ApiException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/** Checks of the path and query values the cluster API takes, each failing with a 400 that names it. */
final class Requests {
    private static final Pattern SEGMENT_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private Requests() {}

    static void requireKey(String key, Limits limits) {
        if (!Identifiers.isKey(key) || key.length() > limits.maxKeyLength()) {
            throw ApiException.badRequest("key '" + Text.quote(key) + "' in the path must be 1-"
                    + limits.maxKeyLength() + " letters, digits, '_' or '-'");
        }
    }

    /** A source given as a query parameter, or {@code null} when none was. */
    static String optionalSource(String source) {
        if (source != null && !Identifiers.isSource(source)) {
            throw ApiException.badRequest("query parameter source '" + Text.quote(source)
                    + "' must be 1-64 letters, digits, '_', '-' or '.'");
        }
        return source;
    }

    /** Names are path segments, so "." and "..", which HTTP clients remove from paths, are refused. */
    static void requireSegmentName(String name) {
        if (name == null || !SEGMENT_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw ApiException.badRequest("segment name '" + Text.quote(name)
                    + "' must be 1-64 letters, digits, '_', '-' or '.', and not . or ..");
        }
    }

    /**
     * The cursor that continues after {@code userId}: its UTF-8 bytes and their CRC-32, in unpadded
     * URL-safe Base64. The checksum catches a cursor cut or changed on its way back; cursors are not
     * secret, and one made by hand can only start a page after some id.
     */
    static String cursorAfter(String userId) {
        byte[] id = userId.getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ByteBuffer.allocate(id.length + Integer.BYTES).put(id).putInt(checksum(id)).array());
    }

    private static int checksum(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    /** The user id a cursor continues after, or {@code null} for none; a cursor not made here is a 400. */
    static String afterCursor(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            int length = bytes.length - Integer.BYTES;
            if (length > 0 && ByteBuffer.wrap(bytes, length, Integer.BYTES).getInt()
                    == checksum(Arrays.copyOf(bytes, length))) {
                String userId = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length))
                        .toString();
                if (Identifiers.userIdProblem(userId) == null) {
                    return userId;
                }
            }
        } catch (IllegalArgumentException | CharacterCodingException e) {
            // reported below
        }
        throw ApiException.badRequest("query parameter cursor '" + Text.quote(cursor)
                + "' is not a cursor this API gave out; pass the next of the previous page unchanged");
    }
}
