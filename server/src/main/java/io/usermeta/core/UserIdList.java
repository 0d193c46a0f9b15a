package io.usermeta.core;

import io.usermeta.errors.ApiException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Parses the user id list of a path from its raw, still percent-encoded form. The list is split on
 * literal commas before decoding, so an encoded comma belongs to an id, and {@code +} stays a plus.
 */
public final class UserIdList {
    private UserIdList() {}

    /** The distinct ids of {@code encoded} in the order listed; fails with a 4xx on any bad id. */
    public static List<String> parse(String encoded, int maxIds) {
        String[] parts = encoded.split(",", -1);
        if (parts.length > maxIds) {
            throw new ApiException(414, parts.length + " user ids in the path; the limit is " + maxIds);
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < parts.length; i++) {
            ids.add(decodeOne(parts[i], i + 1));
        }
        return new ArrayList<>(ids);
    }

    /**
     * The one id of a path segment that holds a single user id, percent-decoded like the ids of a
     * list; a literal comma is an error there too, since a comma in an id is sent as %2C.
     */
    public static String parseOne(String encoded) {
        if (encoded.indexOf(',') >= 0) {
            throw ApiException.badRequest("the path holds one user id; send a comma within an id as %2C");
        }
        return decodeOne(encoded, 1);
    }

    private static String decodeOne(String part, int position) {
        if (part.isEmpty()) {
            throw ApiException.badRequest("user id #" + position + " in the path is empty"
                    + " (two commas in a row, or a comma at an end)");
        }
        String id = percentDecode(part, position);
        String problem = Identifiers.userIdProblem(id);
        if (problem != null) {
            throw ApiException.badRequest("user id #" + position + " in the path '"
                    + Text.quote(id) + "' " + problem);
        }
        return id;
    }

    /** Decodes %XX escapes as UTF-8 and nothing else: '+' is a literal plus. */
    static String percentDecode(String part, int position) {
        if (part.indexOf('%') < 0) {
            return part;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                int high = i + 2 < part.length() ? Character.digit(part.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(part.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    throw ApiException.badRequest("user id #" + position
                            + " in the path has a malformed percent escape");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("user id #" + position
                    + " in the path is not valid UTF-8 once percent-decoded");
        }
    }
}
