package io.usermeta.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The forms in which values are indexed and compared by segment conditions and distributions. Every
 * value is also stored exactly as posted; these forms only decide what matches what.
 *
 * <ul>
 *   <li>Every value has a <em>match value</em>: itself when it has at most {@value #MATCH_VALUE_LENGTH}
 *       characters, else its first {@value #LONG_VALUE_PREFIX} characters, the character U+0001 (which
 *       no stored value can hold, since XML cannot carry it) and the SHA-256 of the whole value. Equal
 *       values have equal match values, and the form fits any database index.</li>
 *   <li>NUMERIC values are compared as decimals. Beyond what any real attribute needs, they are
 *       rounded to {@value #NUMBER_DIGITS} significant digits and held within ±10^{@value #NUMBER_DIGITS}
 *       for comparison, so two values that differ only past that still compare equal.</li>
 *   <li>DATE values compare as the start of their day, DATETIME values to the microsecond (later
 *       fractions are cut off for comparison); 24:00:00 is the start of the next day.</li>
 *   <li>TEXT values are searched in Unicode lower case ({@link Locale#ROOT}).</li>
 * </ul>
 */
public final class IndexedValues {
    /** The longest value that is its own match value. */
    public static final int MATCH_VALUE_LENGTH = 200;

    /** The characters of a long value kept in front of its hash. */
    static final int LONG_VALUE_PREFIX = 120;

    /** The marker between a long value's prefix and its hash. */
    public static final char LONG_VALUE_MARK = '\u0001';

    static final int NUMBER_DIGITS = 1000;

    private static final MathContext NUMBER_PRECISION = new MathContext(NUMBER_DIGITS, RoundingMode.HALF_EVEN);
    private static final BigDecimal NUMBER_BOUND = BigDecimal.TEN.pow(NUMBER_DIGITS);

    private IndexedValues() {}

    /** The match value of {@code value}; see the class description. */
    public static String matchValue(String value) {
        if (value.codePointCount(0, value.length()) <= MATCH_VALUE_LENGTH) {
            return value;
        }
        String prefix = value.substring(0, value.offsetByCodePoints(0, LONG_VALUE_PREFIX));
        return prefix + LONG_VALUE_MARK + sha256(value);
    }

    /** Whether a match value stands for a longer value, which must be read from the value column. */
    public static boolean isLongValue(String matchValue) {
        return matchValue.indexOf(LONG_VALUE_MARK) >= 0;
    }

    /** The number a NUMERIC value (or range bound) is compared as; {@code value} must be a valid decimal. */
    public static BigDecimal number(String value) {
        return clamp(new BigDecimal(value));
    }

    /** {@code number}, rounded and held within bounds as NUMERIC values are for comparison. */
    public static BigDecimal clamp(BigDecimal number) {
        BigDecimal rounded = number.round(NUMBER_PRECISION);
        if (rounded.abs().compareTo(NUMBER_BOUND) > 0) {
            rounded = rounded.signum() < 0 ? NUMBER_BOUND.negate() : NUMBER_BOUND;
        }
        if (rounded.scale() > NUMBER_DIGITS) {
            rounded = rounded.setScale(NUMBER_DIGITS, RoundingMode.HALF_EVEN);
        }
        return rounded.stripTrailingZeros();
    }

    /** The moment a valid DATE or DATETIME value (or range bound) is compared as. */
    public static LocalDateTime moment(ValueType type, String value) {
        if (type == ValueType.DATE) {
            return LocalDate.parse(value).atStartOfDay();
        }
        int separator = value.indexOf('T');
        LocalDate day = LocalDate.parse(value.substring(0, separator));
        String time = value.substring(separator + 1);
        if (time.startsWith("24:")) {
            return day.plusDays(1).atStartOfDay();
        }
        int point = time.indexOf('.');
        if (point >= 0 && time.length() > point + 7) {
            time = time.substring(0, point + 7);
        }
        return day.atTime(LocalTime.parse(time)).truncatedTo(ChronoUnit.MICROS);
    }

    /** The form TEXT values are searched in. */
    public static String folded(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static String sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
