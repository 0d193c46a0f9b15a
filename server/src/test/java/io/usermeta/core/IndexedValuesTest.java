package io.usermeta.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class IndexedValuesTest {
    /** A value of up to 200 characters is its own match value, counted in code points. */
    @Test
    void shortValuesMatchThemselves() {
        String twoHundredEmoji = "\uD83D\uDE00".repeat(200);

        assertThat(IndexedValues.matchValue("DE")).isEqualTo("DE");
        assertThat(IndexedValues.matchValue(twoHundredEmoji)).isEqualTo(twoHundredEmoji);
    }

    /** Long values that share their first 120 characters still get different match values. */
    @Test
    void longValuesAreTellApartByTheirHash() {
        String common = "x".repeat(300);

        String first = IndexedValues.matchValue(common + "a");
        String second = IndexedValues.matchValue(common + "b");

        assertThat(first).isNotEqualTo(second).startsWith("x".repeat(120)).hasSizeLessThanOrEqualTo(200);
        assertThat(IndexedValues.isLongValue(first)).isTrue();
        assertThat(IndexedValues.isLongValue("plain")).isFalse();
        assertThat(IndexedValues.matchValue(common + "a")).isEqualTo(first);
    }

    /** Numbers compare as decimals whatever their spelling: 10 > 9, and 1.0 equals 1. */
    @Test
    void numbersCompareAsDecimals() {
        assertThat(IndexedValues.number("10")).isGreaterThan(IndexedValues.number("9"));
        assertThat(IndexedValues.number("1.0")).isEqualByComparingTo(IndexedValues.number("1"));
        assertThat(IndexedValues.number("-2.50")).isEqualByComparingTo("-2.5");
        assertThat(IndexedValues.number("+.5")).isEqualByComparingTo("0.5");
    }

    /** Absurdly large or precise numbers are held within ±10^1000 and 1,000 digits for comparison. */
    @Test
    void hugeNumbersAreClamped() {
        BigDecimal huge = IndexedValues.number("9".repeat(1500));
        BigDecimal tiny = IndexedValues.number("0." + "0".repeat(1500) + "1");

        assertThat(huge).isEqualByComparingTo(BigDecimal.TEN.pow(1000));
        assertThat(IndexedValues.number("-" + "9".repeat(1500)))
                .isEqualByComparingTo(BigDecimal.TEN.pow(1000).negate());
        assertThat(tiny.signum()).isZero();
    }

    /** A DATE is the start of its day; a DATETIME keeps microseconds, and 24:00:00 is the next day. */
    @Test
    void momentsOfDatesAndDateTimes() {
        assertThat(IndexedValues.moment(ValueType.DATE, "2014-08-07")).isEqualTo(LocalDateTime.of(2014, 8, 7, 0, 0));
        assertThat(IndexedValues.moment(ValueType.DATETIME, "2014-08-07T14:43:12.1234567891234"))
                .isEqualTo(LocalDateTime.of(2014, 8, 7, 14, 43, 12, 123_456_000));
        assertThat(IndexedValues.moment(ValueType.DATETIME, "2014-12-31T24:00:00"))
                .isEqualTo(LocalDateTime.of(2015, 1, 1, 0, 0));
    }

    /** TEXT is searched in Unicode lower case, so Ä finds ä. */
    @Test
    void textFoldsToLowerCase() {
        assertThat(IndexedValues.folded("GOOD Äpfel")).isEqualTo("good äpfel");
    }
}
