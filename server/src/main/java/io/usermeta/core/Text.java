package io.usermeta.core;

/** Small text helpers for validation messages and XML character rules. */
public final class Text {
    private static final int QUOTE_LIMIT = 80;

    private Text() {}

    /** Whether {@code c} is a character XML 1.0 allows in a document. */
    public static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /**
     * The first code point of {@code text} that XML 1.0 forbids, or -1. A lone surrogate comes out of
     * {@code codePointAt} as itself, which {@link #isXmlChar} refuses; a paired one is a valid code point.
     */
    public static int firstNonXmlChar(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!isXmlChar(c)) {
                return c;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    /** A character named so that a reader sees it even when it is invisible, e.g. U+0009. */
    public static String describe(int c) {
        String code = String.format("U+%04X", c);
        return c > 0x20 && c < 0x7F ? "'" + (char) c + "' (" + code + ")" : code;
    }

    /** {@code text} shortened for a message, with control characters made visible. */
    public static String quote(String text) {
        if (text == null) {
            return "";
        }
        return visible(text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "…" : text);
    }

    /** {@code text} with control characters and characters XML forbids written as \\uXXXX. */
    public static String visible(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || !isXmlChar(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** The number of Unicode code points in {@code text}. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
