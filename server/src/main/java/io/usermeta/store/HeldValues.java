package io.usermeta.store;

import io.usermeta.core.IndexedValues;
import io.usermeta.core.StoredAttribute;
import io.usermeta.core.ValueType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps the counts of {@link ValueCounts} equal to what the attribute rows hold. A write reads the
 * NOMINAL and TEXT values its users hold in every source (after it has locked the users, so nobody
 * else changes them), works out in memory which values and keys each user gains or loses in each
 * scope, and adds the sums to the counts in one batch.
 *
 * <p>Writers of different users update the same rows when they write popular values, and on
 * PostgreSQL such a row stays locked until its writer commits: that last step of concurrent writes
 * runs one writer at a time. Every writer takes the count rows in one order (sorted) and only after
 * its users' locks, so writers queue there but never deadlock: none of them waits for a user while
 * holding a count.
 */
final class HeldValues {
    private static final Set<String> COUNTED = Set.of(ValueType.NOMINAL.name(), ValueType.TEXT.name());
    private static final String KEY_LEVEL = null;
    private static final Comparator<Count> ORDER = Comparator.comparing(Count::key).thenComparing(Count::type)
            .thenComparing(Count::scope).thenComparing(Count::value, Comparator.nullsFirst(Comparator.naturalOrder()));

    private static final String UPSERT_VALUE = "INSERT INTO value_users"
            + " (customer_id, attr_key, attr_type, scope, match_value, users) VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (customer_id, attr_key, attr_type, scope, match_value)"
            + " DO UPDATE SET users = value_users.users + EXCLUDED.users";
    private static final String UPSERT_KEY = "INSERT INTO key_users (customer_id, attr_key, attr_type, scope, users)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (customer_id, attr_key, attr_type, scope)"
            + " DO UPDATE SET users = key_users.users + EXCLUDED.users";
    private static final String VALUE_ROW = " WHERE customer_id = ? AND attr_key = ? AND attr_type = ? AND scope = ?"
            + " AND match_value = ?";
    private static final String KEY_ROW = " WHERE customer_id = ? AND attr_key = ? AND attr_type = ? AND scope = ?";

    /** One value (or with a null value, one key) held by a user in one source. */
    private record Held(String source, String key, String type, String value) {}

    /** A row of value_users, or with a null value, of key_users. */
    private record Count(String key, String type, String scope, String value) {}

    private final String customerId;
    private final Map<String, Set<Held>> before;
    private final Map<Count, Long> changes = new TreeMap<>(ORDER);

    private HeldValues(String customerId, Map<String, Set<Held>> before) {
        this.customerId = customerId;
        this.before = before;
    }

    /** Reads what {@code userIds} hold now; they must be locked by the caller's transaction. */
    static HeldValues read(Connection connection, SqlDialect dialect, String customerId, List<String> userIds)
            throws SQLException {
        Map<String, Set<Held>> held = new HashMap<>();
        for (List<String> chunk : IdList.chunks(userIds)) {
            IdList match = IdList.of(dialect, chunk);
            String sql = "SELECT t.user_id, t.source, t.attr_key, t.attr_type, t.match_value "
                    + match.rowsOf("user_attribute") + " AND t.attr_type IN ('NOMINAL', 'TEXT')";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                match.bind(connection, select, 1, customerId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        held.computeIfAbsent(rows.getString(1), id -> new HashSet<>()).add(
                                new Held(rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5)));
                    }
                }
            }
        }
        return new HeldValues(customerId, held);
    }

    /** Notes that {@code userId}'s set in {@code source} becomes {@code attributes}. */
    void replace(String userId, String source, List<StoredAttribute> attributes) {
        Set<Held> old = before.getOrDefault(userId, Set.of());
        Set<Held> after = new HashSet<>();
        old.stream().filter(held -> !held.source().equals(source)).forEach(after::add);
        for (StoredAttribute attribute : attributes) {
            if (COUNTED.contains(attribute.type().name())) {
                after.add(new Held(source, attribute.key(), attribute.type().name(),
                        IndexedValues.matchValue(attribute.value())));
            }
        }
        change(old, after);
    }

    /** Notes that {@code userId} and everything they hold go. */
    void remove(String userId) {
        change(before.getOrDefault(userId, Set.of()), Set.of());
    }

    private void change(Set<Held> old, Set<Held> after) {
        Set<Count> had = counts(old);
        Set<Count> has = counts(after);
        for (Count count : has) {
            if (!had.contains(count)) {
                changes.merge(count, 1L, Long::sum);
            }
        }
        for (Count count : had) {
            if (!has.contains(count)) {
                changes.merge(count, -1L, Long::sum);
            }
        }
    }

    /** The count rows a user holding {@code held} adds one to: each value and key, per source and overall. */
    private static Set<Count> counts(Set<Held> held) {
        Set<Count> counts = new HashSet<>();
        for (Held value : held) {
            for (String scope : List.of(value.source(), ValueCounts.ALL_SOURCES)) {
                counts.add(new Count(value.key(), value.type(), scope, value.value()));
                counts.add(new Count(value.key(), value.type(), scope, KEY_LEVEL));
            }
        }
        return counts;
    }

    /** Adds the noted changes to the counts and removes the counts that reach zero. */
    void apply(Connection connection, SqlDialect dialect) throws SQLException {
        List<Map.Entry<Count, Long>> values = new ArrayList<>();
        List<Map.Entry<Count, Long>> keys = new ArrayList<>();
        for (Map.Entry<Count, Long> change : changes.entrySet()) {
            if (change.getValue() != 0) {
                (change.getKey().value() == null ? keys : values).add(change);
            }
        }
        if (dialect.upsertsOnConflict()) {
            upsert(connection, UPSERT_VALUE, values);
            upsert(connection, UPSERT_KEY, keys);
        } else {
            updateOrInsert(connection, "value_users", VALUE_ROW, values);
            updateOrInsert(connection, "key_users", KEY_ROW, keys);
        }
        deleteZeros(connection, "DELETE FROM value_users" + VALUE_ROW + " AND users = 0", values);
        deleteZeros(connection, "DELETE FROM key_users" + KEY_ROW + " AND users = 0", keys);
    }

    private void upsert(Connection connection, String sql, List<Map.Entry<Count, Long>> changes)
            throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            for (Map.Entry<Count, Long> change : changes) {
                int next = bindRow(upsert, 1, change.getKey());
                upsert.setLong(next, change.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** For a database whose writers run one at a time: an update per row, then an insert where none was. */
    private void updateOrInsert(Connection connection, String table, String row,
            List<Map.Entry<Count, Long>> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        List<Map.Entry<Count, Long>> missing = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET users = users + ?"
                + row)) {
            for (Map.Entry<Count, Long> change : changes) {
                update.setLong(1, change.getValue());
                bindRow(update, 2, change.getKey());
                update.addBatch();
            }
            int[] updated = update.executeBatch();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) {
                    missing.add(changes.get(i));
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        boolean values = missing.get(0).getKey().value() != null;
        String columns = values ? "customer_id, attr_key, attr_type, scope, match_value, users"
                : "customer_id, attr_key, attr_type, scope, users";
        String parameters = values ? "?, ?, ?, ?, ?, ?" : "?, ?, ?, ?, ?";
        upsert(connection, "INSERT INTO " + table + " (" + columns + ") VALUES (" + parameters + ")", missing);
    }

    private void deleteZeros(Connection connection, String sql, List<Map.Entry<Count, Long>> changes)
            throws SQLException {
        List<Count> lowered = changes.stream().filter(change -> change.getValue() < 0).map(Map.Entry::getKey).toList();
        if (lowered.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            for (Count count : lowered) {
                bindRow(delete, 1, count);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /** Binds the customer and the count's key columns from {@code index} on; returns the next index. */
    private int bindRow(PreparedStatement statement, int index, Count count) throws SQLException {
        statement.setString(index, customerId);
        statement.setString(index + 1, count.key());
        statement.setString(index + 2, count.type());
        statement.setString(index + 3, count.scope());
        if (count.value() == null) {
            return index + 4;
        }
        statement.setString(index + 4, count.value());
        return index + 5;
    }
}
