package io.usermeta.client;

import io.usermeta.client.model.Attribute;
import io.usermeta.client.model.Attribute.TypeEnum;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Typed attributes, written in the lexical forms the API expects. */
public final class Attributes {
    private Attributes() {}

    public static Attribute nominal(String key, String value) {
        return of(key, value, TypeEnum.NOMINAL);
    }

    public static Attribute text(String key, String value) {
        return of(key, value, TypeEnum.TEXT);
    }

    /** A NUMERIC value in plain decimal notation, never with an exponent. */
    public static Attribute numeric(String key, BigDecimal value) {
        return of(key, value.toPlainString(), TypeEnum.NUMERIC);
    }

    public static Attribute numeric(String key, long value) {
        return of(key, Long.toString(value), TypeEnum.NUMERIC);
    }

    public static Attribute date(String key, LocalDate value) {
        return of(key, value.toString(), TypeEnum.DATE);
    }

    /** A DATETIME without time zone; seconds are always written, as the API requires. */
    public static Attribute dateTime(String key, LocalDateTime value) {
        String text = value.toString();
        return of(key, value.getSecond() == 0 && value.getNano() == 0 ? text + ":00" : text, TypeEnum.DATETIME);
    }

    private static Attribute of(String key, String value, TypeEnum type) {
        return new Attribute().key(key).value(value).type(type);
    }
}
