package io.usermeta.resources;

import io.usermeta.core.ValueType;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes compared moments in the lexical form of their type: {@code 2014-08-07}, or
 * {@code 2014-08-07T14:43:12} with the fraction of a second, if any, to the microsecond.
 */
final class Moments {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

    private Moments() {}

    static String format(ValueType type, LocalDateTime moment) {
        if (type == ValueType.DATE) {
            return moment.format(DATE);
        }
        if (moment.getNano() == 0) {
            return moment.format(SECONDS);
        }
        return moment.format(MICROS).replaceAll("0+$", "");
    }
}
