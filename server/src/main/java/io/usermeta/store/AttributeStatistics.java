package io.usermeta.store;

import io.usermeta.core.ValueType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/** How a customer's users spread over their attributes, counted at the moment of the request. */
public interface AttributeStatistics {
    /** One key in use: the users that have it, its distinct values, its types and sources. */
    record KeyUse(String key, long users, long distinctValues, Set<ValueType> types, Set<String> sources) {}

    /** The users and distinct values of one key in one type (and source), and its extremes if ordered. */
    record Totals(long users, long distinctValues, Comparable<?> min, Comparable<?> max) {}

    /** One value with the number of users holding it. */
    record ValueUsers(String value, long users) {}

    /** One page of values, and the number of different values in all. */
    record ValuePage(List<ValueUsers> values, long distinctValues) {}

    /** The number of users with a value in bucket {@code index} (see the method that made it). */
    record BucketUsers(int index, long users) {}

    /** The number of users with a value in the period starting at {@code start}. */
    record PeriodUsers(LocalDateTime start, long users) {}

    /** The granularity of date buckets. */
    enum Period { DAY, MONTH, YEAR }

    /** Every key the customer's users have, by key. */
    List<KeyUse> catalogue(String customerId);

    /**
     * The totals of {@code key}'s NUMERIC, DATE or DATETIME values; {@code source} null for every
     * source. For NOMINAL and TEXT only the users are counted (the page of values counts the values).
     */
    Totals totals(String customerId, String key, ValueType type, String source);

    /** One page of the values of a NOMINAL or TEXT key, most users first, ties by value. */
    ValuePage values(String customerId, String key, ValueType type, String source, int limit, int offset);

    /**
     * Users per bucket of a NUMERIC key, buckets only where users are. With {@code edges} e0 < … < en,
     * bucket 0 is below e0, bucket i is [e(i-1), e(i)), bucket n+1 is from en on.
     */
    List<BucketUsers> histogram(String customerId, String key, String source, List<BigDecimal> edges);

    /** Users per period of a DATE or DATETIME key, periods only where users are, in time order. */
    List<PeriodUsers> periods(String customerId, String key, ValueType type, String source, Period period);
}
