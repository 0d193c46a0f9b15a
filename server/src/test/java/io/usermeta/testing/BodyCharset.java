package io.usermeta.testing;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The character encoding of an XML body as the API decides it: the Content-Type's charset parameter,
 * else a byte order mark, else the XML declaration, else UTF-8.
 */
final class BodyCharset {
    private static final Pattern CHARSET_PARAMETER =
            Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([^\"']+)[\"']");

    private BodyCharset() {}

    /** The encoding of {@code body} sent with {@code contentType} (may be null); null when it names none Java knows. */
    static Charset of(byte[] body, String contentType) {
        Matcher parameter = contentType == null ? null : CHARSET_PARAMETER.matcher(contentType);
        if (parameter != null && parameter.find()) {
            return named(parameter.group(1));
        }
        if (startsWith(body, 0xFE, 0xFF) || startsWith(body, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16;
        }
        // An ASCII-compatible prefix is enough to read the declaration, which must come first.
        String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
        Matcher declaration = DECLARED_ENCODING.matcher(startsWith(body, 0xEF, 0xBB, 0xBF) ? head.substring(3) : head);
        return declaration.find() ? named(declaration.group(1)) : StandardCharsets.UTF_8;
    }

    /** {@code body} decoded with {@code charset}, without a byte order mark. */
    static String text(byte[] body, Charset charset) {
        String text = new String(body, charset);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Charset named(String name) {
        try {
            return Charset.forName(name.toUpperCase(Locale.ROOT));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return null;
        }
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
