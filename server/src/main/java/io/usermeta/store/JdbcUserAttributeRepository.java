package io.usermeta.store;

import io.usermeta.core.AttributeSet;
import io.usermeta.core.StoredAttribute;
import io.usermeta.core.ValueType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Stores attribute sets through JDBC. Writes lock the users' profile rows in id order first, so
 * concurrent writers of one user queue up instead of mixing their sets, and documents touching many
 * users cannot deadlock each other. Every statement is batched: no round trip per attribute.
 */
public final class JdbcUserAttributeRepository implements UserAttributeRepository {
    private static final String SELECT = "SELECT p.user_id, a.source, a.position, a.attr_key, a.attr_type,"
            + " a.attr_value FROM user_profile p LEFT JOIN user_attribute a"
            + " ON a.customer_id = p.customer_id AND a.user_id = p.user_id%s"
            + " WHERE p.customer_id = ? AND p.user_id IN (%s)";
    private static final String DELETE_SET =
            "DELETE FROM user_attribute WHERE customer_id = ? AND user_id = ? AND source = ?";
    private static final String INSERT = "INSERT INTO user_attribute"
            + " (customer_id, user_id, source, position, attr_key, attr_type, attr_value)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String DELETE_PROFILE = "DELETE FROM user_profile WHERE customer_id = ? AND user_id = ?";
    private static final String DELETE_ATTRIBUTES = "DELETE FROM user_attribute WHERE customer_id = ? AND user_id = ?";

    private final Database database;

    public JdbcUserAttributeRepository(Database database) {
        this.database = database;
    }

    @Override
    public Map<String, List<StoredAttribute>> find(String customerId, Collection<String> userIds, String source) {
        List<String> ids = List.copyOf(userIds);
        return database.inTransaction(connection -> {
            Map<String, List<StoredAttribute>> found = new HashMap<>();
            for (int from = 0; from < ids.size(); from += InList.MAX_SIZE) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + InList.MAX_SIZE));
                findChunk(connection, customerId, chunk, source, found);
            }
            return found;
        });
    }

    private static void findChunk(Connection connection, String customerId, List<String> ids, String source,
            Map<String, List<StoredAttribute>> found) throws SQLException {
        int size = InList.paddedSize(ids.size());
        String sql = String.format(SELECT, source == null ? "" : " AND a.source = ?", InList.placeholders(size));
        Map<String, List<Row>> rows = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            if (source != null) {
                select.setString(index++, source);
            }
            select.setString(index++, customerId);
            for (int i = 0; i < size; i++) {
                select.setString(index++, ids.get(Math.min(i, ids.size() - 1)));
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
            lockUsers(connection, customerId, ordered.stream().map(AttributeSet::userId).toList());
            deleteSets(connection, customerId, source, ordered);
            insertSets(connection, customerId, source, ordered);
            return null;
        });
    }

    /**
     * Creates or touches each user's profile row, which takes its lock: every write to a user starts
     * here, so writers of one user run one after the other. A row that a writer waited for and found
     * gone or changed can be reported as not written; the transaction is then retried as a conflict.
     */
    private void lockUsers(Connection connection, String customerId, List<String> userIds) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement upsert = connection.prepareStatement(database.dialect().upsertUser())) {
            for (String userId : userIds) {
                upsert.setString(1, customerId);
                upsert.setString(2, userId);
                upsert.setTimestamp(3, now);
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

    private static void deleteSets(Connection connection, String customerId, String source, List<AttributeSet> sets)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_SET)) {
            for (AttributeSet set : sets) {
                delete.setString(1, customerId);
                delete.setString(2, set.userId());
                delete.setString(3, source);
                delete.addBatch();
            }
            delete.executeBatch();
        }
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
            deleteEach(connection, DELETE_ATTRIBUTES, customerId, ordered);
            deleteEach(connection, DELETE_PROFILE, customerId, ordered);
            return null;
        });
    }

    private static void deleteEach(Connection connection, String sql, String customerId, List<String> userIds)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            for (String userId : userIds) {
                delete.setString(1, customerId);
                delete.setString(2, userId);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /** A stored attribute with its position, for ordering by source name and then posted order. */
    private record Row(int position, StoredAttribute attribute) {
        static final Comparator<Row> ORDER = Comparator.comparing((Row row) -> row.attribute().source())
                .thenComparingInt(Row::position);
    }
}
