package io.usermeta.store;

import io.usermeta.core.AttributeSet;
import io.usermeta.core.StoredAttribute;
import io.usermeta.core.ValueType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stores attribute sets through JDBC. Writes lock the users' profile rows in id order first, so
 * concurrent writers of one user queue up instead of mixing their sets, and documents touching many
 * users cannot deadlock each other. Each write also keeps the users-per-value counts in step
 * ({@link HeldValues}), in the same transaction. Every statement is batched or takes the whole id
 * list: no round trip per attribute.
 *
 * <p>Each database gets the bulk pattern that is fast on it ({@link SqlDialect#matchesIdArrays()}):
 * PostgreSQL takes an id list as one array parameter ({@code = ANY(?)}), because a prepared per-row
 * DELETE planned while the table was small keeps scanning the table as it grows; H2 compares every
 * row with a whole array, so there deletes are batches of per-row statements and reads join a list
 * of values (see {@link IdList}).
 *
 * <p>A read is one statement, a UNION of the users' profile rows and their attribute rows, so that
 * it reads one consistent snapshot; it joins the two tables nowhere, so no planner estimate (a
 * freshly loaded table can look empty to PostgreSQL until its statistics are refreshed) can turn it
 * into a nested scan of the attribute table.
 */
public final class JdbcUserAttributeRepository implements UserAttributeRepository {
    private static final String SELECT_PROFILES = "SELECT t.user_id, NULL AS source, -1 AS position,"
            + " NULL AS attr_key, NULL AS attr_type, NULL AS attr_value ";
    private static final String SELECT_ATTRIBUTES =
            "SELECT t.user_id, t.source, t.position, t.attr_key, t.attr_type, t.attr_value ";
    private static final String DELETE_SET = "DELETE FROM user_attribute WHERE customer_id = ? AND source = ? AND %s";
    private static final String INSERT = "INSERT INTO user_attribute"
            + " (customer_id, user_id, source, position, attr_key, attr_type, attr_value,"
            + " match_value, num_value, date_value, folded_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DELETE_PROFILES = "DELETE FROM user_profile WHERE customer_id = ? AND %s";
    private static final String DELETE_ATTRIBUTES = "DELETE FROM user_attribute WHERE customer_id = ? AND %s";

    private final Database database;

    public JdbcUserAttributeRepository(Database database) {
        this.database = database;
    }

    @Override
    public Map<String, List<StoredAttribute>> find(String customerId, Collection<String> userIds, String source) {
        return find(customerId, userIds, source, null);
    }

    /**
     * Like {@link #find}, over every source, with only the attributes of {@code keys} (at least one);
     * a user who holds none of them is found with an empty list.
     */
    Map<String, List<StoredAttribute>> findKeys(String customerId, Collection<String> userIds, Set<String> keys) {
        return find(customerId, userIds, null, List.copyOf(keys));
    }

    private Map<String, List<StoredAttribute>> find(String customerId, Collection<String> userIds, String source,
            List<String> keys) {
        List<String> ids = List.copyOf(userIds);
        return database.inTransaction(connection -> {
            Map<String, List<StoredAttribute>> found = new HashMap<>();
            for (List<String> chunk : IdList.chunks(ids)) {
                findChunk(connection, customerId, chunk, source, keys, found);
            }
            return found;
        });
    }

    private void findChunk(Connection connection, String customerId, List<String> ids, String source,
            List<String> keys, Map<String, List<StoredAttribute>> found) throws SQLException {
        IdList match = IdList.of(database.dialect(), ids);
        String sql = SELECT_PROFILES + match.rowsOf("user_profile") + " UNION ALL " + SELECT_ATTRIBUTES
                + match.rowsOf("user_attribute") + (source == null ? "" : " AND t.source = ?")
                + (keys == null ? "" : " AND t.attr_key IN (" + "?, ".repeat(keys.size() - 1) + "?)");
        Map<String, List<Row>> rows = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int index = match.bind(connection, select, 1, customerId);
            index = match.bind(connection, select, index, customerId);
            if (source != null) {
                select.setString(index++, source);
            }
            if (keys != null) {
                for (String key : keys) {
                    select.setString(index++, key);
                }
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    List<Row> userRows = rows.computeIfAbsent(result.getString(1), id -> new ArrayList<>());
                    if (result.getString(2) != null) {
                        userRows.add(new Row(result.getInt(3), new StoredAttribute(result.getString(4),
                                result.getString(6), ValueType.valueOf(result.getString(5)), result.getString(2))));
                    }
                }
            }
        }
        rows.forEach((userId, userRows) -> {
            userRows.sort(Row.ORDER);
            found.put(userId, userRows.stream().map(Row::attribute).toList());
        });
    }

    @Override
    public void replace(String customerId, String source, List<AttributeSet> sets) {
        List<AttributeSet> ordered = new ArrayList<>(sets);
        ordered.sort(Comparator.comparing(AttributeSet::userId));
        database.inWriteTransaction(connection -> {
            List<String> userIds = ordered.stream().map(AttributeSet::userId).toList();
            lockUsers(connection, customerId, userIds);
            HeldValues held = HeldValues.read(connection, database.dialect(), customerId, userIds);
            ordered.forEach(set -> held.replace(set.userId(), source, set.attributes()));
            deleteSets(connection, customerId, source, ordered);
            insertSets(connection, customerId, source, ordered);
            held.apply(connection, database.dialect());
            return null;
        });
    }

    /**
     * Creates or touches each user's profile row, which takes its lock: every write to a user starts
     * here, so writers of one user run one after the other. A row that a writer waited for and found
     * gone or changed can be reported as not written; the transaction is then retried as a conflict.
     */
    private void lockUsers(Connection connection, String customerId, List<String> userIds) throws SQLException {
        Instant now = Instant.now();
        try (PreparedStatement upsert = connection.prepareStatement(database.dialect().upsertUser())) {
            for (String userId : userIds) {
                upsert.setString(1, customerId);
                upsert.setString(2, userId);
                UtcTimestamps.set(upsert, 3, now);
                upsert.addBatch();
            }
            for (int count : upsert.executeBatch()) {
                if (count == 0) {
                    throw new SQLException("a user row changed while this transaction waited for it",
                            Database.SERIALIZATION_FAILURE);
                }
            }
        }
    }

    private void deleteSets(Connection connection, String customerId, String source, List<AttributeSet> sets)
            throws SQLException {
        deleteByUserIds(connection, DELETE_SET, List.of(customerId, source),
                sets.stream().map(AttributeSet::userId).toList());
    }

    private static void insertSets(Connection connection, String customerId, String source, List<AttributeSet> sets)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (AttributeSet set : sets) {
                int position = 0;
                for (StoredAttribute attribute : set.attributes()) {
                    insert.setString(1, customerId);
                    insert.setString(2, set.userId());
                    insert.setString(3, source);
                    insert.setInt(4, position++);
                    insert.setString(5, attribute.key());
                    insert.setString(6, attribute.type().name());
                    insert.setString(7, attribute.value());
                    TypedColumns.bind(insert, 8, attribute.type(), attribute.value());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    @Override
    public void delete(String customerId, Collection<String> userIds) {
        List<String> ordered = new ArrayList<>(new TreeSet<>(userIds));
        database.inWriteTransaction(connection -> {
            lockUsers(connection, customerId, ordered);
            HeldValues held = HeldValues.read(connection, database.dialect(), customerId, ordered);
            ordered.forEach(held::remove);
            held.apply(connection, database.dialect());
            deleteByUserIds(connection, DELETE_ATTRIBUTES, List.of(customerId), ordered);
            deleteByUserIds(connection, DELETE_PROFILES, List.of(customerId), ordered);
            return null;
        });
    }

    /**
     * Runs {@code sql}, a DELETE whose {@code %s} stands for the condition on user_id, for each of
     * {@code userIds}, with the {@code leading} parameters bound first.
     */
    private void deleteByUserIds(Connection connection, String sql, List<String> leading, List<String> userIds)
            throws SQLException {
        if (database.dialect().matchesIdArrays()) {
            for (List<String> chunk : IdList.chunks(userIds)) {
                try (PreparedStatement delete = connection.prepareStatement(String.format(sql, "user_id = ANY(?)"))) {
                    bindAll(delete, leading);
                    delete.setArray(leading.size() + 1, connection.createArrayOf("varchar", chunk.toArray()));
                    delete.executeUpdate();
                }
            }
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(String.format(sql, "user_id = ?"))) {
            for (String userId : userIds) {
                bindAll(delete, leading);
                delete.setString(leading.size() + 1, userId);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    private static void bindAll(PreparedStatement statement, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(i + 1, values.get(i));
        }
    }

    /** A stored attribute with its position, for ordering by source name and then posted order. */
    private record Row(int position, StoredAttribute attribute) {
        static final Comparator<Row> ORDER = Comparator.comparing((Row row) -> row.attribute().source())
                .thenComparingInt(Row::position);
    }
}
