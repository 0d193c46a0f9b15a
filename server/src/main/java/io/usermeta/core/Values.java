package io.usermeta.core;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks values against the lexical and calendar rules of their type. Values are kept exactly as
 * sent; these checks never rewrite them.
 */
public final class Values {
    /** XSD decimal: optional sign, digits, optional point; no exponent, grouping or locale commas. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?");

    private Values() {}

    /** Why {@code value} is not a valid value of {@code type}, or {@code null} when it is. */
    public static String problem(ValueType type, String value) {
        switch (type) {
            case NUMERIC:
                return DECIMAL.matcher(value).matches()
                        ? null
                        : "is not a NUMERIC decimal (optional sign, digits, optional point; no exponent)";
            case DATE:
                return isDate(value) ? null : "is not a real calendar DATE of the form 2014-08-07";
            case DATETIME:
                return isDateTime(value)
                        ? null
                        : "is not a real DATETIME of the form 2014-08-07T14:43:12 (no time zone)";
            case NOMINAL:
                return value.isEmpty() ? "is empty; a NOMINAL value needs at least one character" : null;
            default:
                return null;
        }
    }

    private static boolean isDate(String value) {
        Matcher date = DATE.matcher(value);
        return date.matches() && isCalendarDate(date);
    }

    private static boolean isDateTime(String value) {
        int separator = value.indexOf('T');
        if (separator < 0) {
            return false;
        }
        Matcher date = DATE.matcher(value.substring(0, separator));
        Matcher time = TIME.matcher(value.substring(separator + 1));
        return date.matches() && isCalendarDate(date) && time.matches() && isClockTime(time);
    }

    private static boolean isCalendarDate(Matcher date) {
        int year = Integer.parseInt(date.group(1));
        if (year == 0) {
            return false;
        }
        try {
            LocalDate.of(year, Integer.parseInt(date.group(2)), Integer.parseInt(date.group(3)));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** XSD allows 24:00:00 (with zero fractions) as the end of a day, and nothing later. */
    private static boolean isClockTime(Matcher time) {
        int hour = Integer.parseInt(time.group(1));
        int minute = Integer.parseInt(time.group(2));
        int second = Integer.parseInt(time.group(3));
        String fraction = time.group(4) == null ? "" : time.group(4).substring(1);
        if (hour == 24) {
            return minute == 0 && second == 0 && fraction.chars().allMatch(c -> c == '0');
        }
        try {
            LocalTime.of(hour, minute, second);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
