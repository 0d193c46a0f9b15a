package io.usermeta.store;

import io.usermeta.core.ValueType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Counts of a customer's users by value. NOMINAL and TEXT distributions read the users-per-value
 * counts that every write keeps ({@link ValueCounts}), one row per value. NUMERIC, DATE and DATETIME
 * distributions read one index range, that of one key and type of one customer: the number index
 * or the date index, each holding every column the query needs. The catalogue reads
 * every attribute row of the customer once per statement, since every key is in it.
 */
public final class JdbcAttributeStatistics implements AttributeStatistics {
    private static final String KEY_TYPES = "SELECT attr_key, attr_type, source FROM user_attribute"
            + " WHERE customer_id = ? GROUP BY attr_key, attr_type, source ORDER BY attr_key";
    private static final String KEY_COUNTS = "SELECT attr_key, COUNT(DISTINCT user_id), COUNT(DISTINCT match_value)"
            + " FROM user_attribute WHERE customer_id = ? GROUP BY attr_key";

    private final Database database;

    public JdbcAttributeStatistics(Database database) {
        this.database = database;
    }

    @Override
    public List<KeyUse> catalogue(String customerId) {
        return database.inTransaction(connection -> {
            Map<String, KeyUse> keys = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(KEY_TYPES)) {
                select.setString(1, customerId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        KeyUse use = keys.computeIfAbsent(rows.getString(1), key -> new KeyUse(key, 0, 0,
                                EnumSet.noneOf(ValueType.class), new TreeSet<>()));
                        use.types().add(ValueType.valueOf(rows.getString(2)));
                        use.sources().add(rows.getString(3));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(KEY_COUNTS)) {
                select.setString(1, customerId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        KeyUse use = keys.get(rows.getString(1));
                        if (use != null) {
                            keys.put(use.key(), new KeyUse(use.key(), rows.getLong(2), rows.getLong(3), use.types(),
                                    use.sources()));
                        }
                    }
                }
            }
            return new ArrayList<>(keys.values());
        });
    }

    @Override
    public Totals totals(String customerId, String key, ValueType type, String source) {
        if (!isOrdered(type)) {
            return new Totals(keyUsers(customerId, key, type, source), -1, null, null);
        }
        String column = valueColumn(type);
        // Different values are counted as written, as the catalogue counts them: 1 and 1.0 are two.
        Sql sql = new Sql().append("SELECT COUNT(DISTINCT a.user_id), COUNT(DISTINCT a.match_value),"
                + " MIN(a." + column + "), MAX(a." + column + ")").append(from(customerId, key, type, source));
        return database.inTransaction(connection -> {
            try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
                rows.next();
                return new Totals(rows.getLong(1), rows.getLong(2), extreme(rows, 3, type), extreme(rows, 4, type));
            }
        });
    }

    private static boolean isOrdered(ValueType type) {
        return type != ValueType.NOMINAL && type != ValueType.TEXT;
    }

    /** The users holding a NOMINAL or TEXT {@code key}, from its count row. */
    private long keyUsers(String customerId, String key, ValueType type, String source) {
        Sql sql = new Sql().append("SELECT k.users FROM key_users k WHERE k.customer_id = ? AND k.attr_key = ?"
                + " AND k.attr_type = ? AND k.scope = ?", customerId, key, type.name(), scope(source));
        return database.inTransaction(connection -> {
            try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        });
    }

    private static String scope(String source) {
        return source == null ? ValueCounts.ALL_SOURCES : source;
    }

    private static Comparable<?> extreme(ResultSet rows, int column, ValueType type) throws SQLException {
        switch (type) {
            case NUMERIC:
                return rows.getBigDecimal(column);
            case DATE:
            case DATETIME:
                return rows.getObject(column, LocalDateTime.class);
            default:
                return null;
        }
    }

    /** Reads the counts of {@link ValueCounts}: one row per value, not per user. */
    @Override
    public ValuePage values(String customerId, String key, ValueType type, String source, int limit,
            int offset) {
        // The window count of the rows gives the number of values in the same pass as the page.
        Sql sql = new Sql().append("SELECT v.match_value, v.users, COUNT(*) OVER () FROM value_users v")
                .append(valuesOf(customerId, key, type, source))
                .append(" ORDER BY v.users DESC, v.match_value OFFSET ? ROWS FETCH FIRST ? ROWS ONLY", offset, limit);
        return database.inTransaction(connection -> {
            List<ValueUsers> values = new ArrayList<>();
            long distinctValues = -1;
            try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(new ValueUsers(rows.getString(1), rows.getLong(2)));
                    distinctValues = rows.getLong(3);
                }
            }
            if (distinctValues < 0) {
                distinctValues = distinctValues(connection, customerId, key, type, source);
            }
            List<ValueUsers> full = new ArrayList<>(values.size());
            for (ValueUsers value : values) {
                full.add(new ValueUsers(fullValue(connection, customerId, key, type, source, value.value()),
                        value.users()));
            }
            return new ValuePage(full, distinctValues);
        });
    }

    private static Sql valuesOf(String customerId, String key, ValueType type, String source) {
        return new Sql().append(" WHERE v.customer_id = ? AND v.attr_key = ? AND v.attr_type = ? AND v.scope = ?",
                customerId, key, type.name(), scope(source));
    }

    /** The number of values when the page asked for lies past the last one. */
    private static long distinctValues(Connection connection, String customerId, String key, ValueType type,
            String source) throws SQLException {
        Sql sql = new Sql().append("SELECT COUNT(*) FROM value_users v")
                .append(valuesOf(customerId, key, type, source));
        try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The value a match value stands for: itself, or for a long value, the value read from its row. */
    private static String fullValue(Connection connection, String customerId, String key, ValueType type,
            String source, String matchValue) throws SQLException {
        if (!io.usermeta.core.IndexedValues.isLongValue(matchValue)) {
            return matchValue;
        }
        Sql sql = new Sql().append("SELECT a.attr_value").append(from(customerId, key, type, source))
                .append(" AND a.match_value = ? FETCH FIRST 1 ROWS ONLY", matchValue);
        try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
            return rows.next() ? rows.getString(1) : matchValue;
        }
    }

    @Override
    public List<BucketUsers> histogram(String customerId, String key, String source, List<BigDecimal> edges) {
        Sql sql = new Sql().append("SELECT s.bucket, COUNT(*) FROM (SELECT DISTINCT a.user_id, ")
                .append(bucketOf(edges, 0, edges.size())).append(" AS bucket")
                .append(from(customerId, key, ValueType.NUMERIC, source))
                .append(") s GROUP BY s.bucket ORDER BY s.bucket");
        return database.inTransaction(connection -> {
            List<BucketUsers> buckets = new ArrayList<>();
            try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    buckets.add(new BucketUsers(rows.getInt(1), rows.getLong(2)));
                }
            }
            return buckets;
        });
    }

    /**
     * The bucket of a.num_value among the edges from {@code low} (inclusive) to {@code high}
     * (exclusive), as a balanced tree of comparisons: about log2(edges) per row instead of one per edge.
     */
    private static Sql bucketOf(List<BigDecimal> edges, int low, int high) {
        if (low == high) {
            return new Sql().append(String.valueOf(low));
        }
        int middle = (low + high) >>> 1;
        return new Sql().append("CASE WHEN a.num_value < ?", edges.get(middle)).append(" THEN ")
                .append(bucketOf(edges, low, middle)).append(" ELSE ").append(bucketOf(edges, middle + 1, high))
                .append(" END");
    }

    @Override
    public List<PeriodUsers> periods(String customerId, String key, ValueType type, String source, Period period) {
        Sql sql = new Sql().append("SELECT s.period, COUNT(*) FROM (SELECT DISTINCT a.user_id, ")
                .append(database.dialect().truncate(period.name(), "a.date_value")).append(" AS period")
                .append(from(customerId, key, type, source)).append(") s GROUP BY s.period ORDER BY s.period");
        return database.inTransaction(connection -> {
            List<PeriodUsers> periods = new ArrayList<>();
            try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    periods.add(new PeriodUsers(rows.getObject(1, LocalDateTime.class), rows.getLong(2)));
                }
            }
            return periods;
        });
    }

    /** The rows of one key and type of a customer, optionally of one source, as a FROM and WHERE clause. */
    private static Sql from(String customerId, String key, ValueType type, String source) {
        Sql sql = new Sql().append(" FROM user_attribute a WHERE a.customer_id = ? AND a.attr_key = ?", customerId,
                key);
        if (type == ValueType.NUMERIC) {
            sql.append(" AND a.num_value IS NOT NULL");
        } else {
            sql.append(" AND a.attr_type = ?", type.name());
        }
        if (source != null) {
            sql.append(" AND a.source = ?", source);
        }
        return sql;
    }

    private static String valueColumn(ValueType type) {
        switch (type) {
            case NUMERIC:
                return "num_value";
            case DATE:
            case DATETIME:
                return "date_value";
            default:
                return "match_value";
        }
    }
}
