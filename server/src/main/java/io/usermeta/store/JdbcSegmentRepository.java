package io.usermeta.store;

import io.usermeta.core.ValueType;
import io.usermeta.segments.Condition;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Saved segments in the segment table, and condition queries through {@link ConditionSql}. */
public final class JdbcSegmentRepository implements SegmentRepository {
    private static final String INSERT = "INSERT INTO segment (customer_id, name, definition, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE segment SET definition = ?, updated_at = ?"
            + " WHERE customer_id = ? AND name = ?";
    private static final String SELECT = "SELECT name, definition FROM segment WHERE customer_id = ?";
    private static final String DELETE = "DELETE FROM segment WHERE customer_id = ? AND name = ?";

    /**
     * One probe per type, each a single index lookup, rather than a DISTINCT over every row of the key.
     */
    private static final String TYPES = "SELECT t.attr_type FROM (VALUES ('DATE'), ('DATETIME'), ('NOMINAL'),"
            + " ('NUMERIC'), ('TEXT')) t(attr_type) WHERE EXISTS (SELECT 1 FROM user_attribute a"
            + " WHERE a.customer_id = ? AND a.attr_key = ? AND a.attr_type = t.attr_type)";

    private final Database database;

    public JdbcSegmentRepository(Database database) {
        this.database = database;
    }

    @Override
    public boolean save(String customerId, String name, String definition) {
        return database.inWriteTransaction(connection -> {
            Instant now = Instant.now();
            try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                update.setString(1, definition);
                UtcTimestamps.set(update, 2, now);
                update.setString(3, customerId);
                update.setString(4, name);
                if (update.executeUpdate() > 0) {
                    return false;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, customerId);
                insert.setString(2, name);
                insert.setString(3, definition);
                UtcTimestamps.set(insert, 4, now);
                UtcTimestamps.set(insert, 5, now);
                insert.executeUpdate();
                return true;
            }
        });
    }

    @Override
    public Optional<Saved> find(String customerId, String name) {
        List<Saved> found = select(customerId, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Saved> all(String customerId) {
        return select(customerId, null);
    }

    private List<Saved> select(String customerId, String name) {
        String sql = SELECT + (name == null ? "" : " AND name = ?") + " ORDER BY name";
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, customerId);
                if (name != null) {
                    select.setString(2, name);
                }
                List<Saved> saved = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        saved.add(new Saved(rows.getString(1), rows.getString(2)));
                    }
                }
                return saved;
            }
        });
    }

    @Override
    public boolean delete(String customerId, String name) {
        return database.inWriteTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                delete.setString(1, customerId);
                delete.setString(2, name);
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public long count(String customerId, Condition condition) {
        Sql sql = new Sql().append("SELECT COUNT(*) FROM (")
                .append(new ConditionSql(customerId).members(condition)).append(") m");
        return database.inTransaction(connection -> {
            try (PreparedStatement count = sql.prepare(connection); ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Override
    public List<String> page(String customerId, Condition condition, String after, int limit) {
        Sql sql = new ConditionSql(customerId).page(condition, after, limit);
        return database.inTransaction(connection -> {
            try (PreparedStatement page = sql.prepare(connection); ResultSet rows = page.executeQuery()) {
                List<String> ids = new ArrayList<>(limit);
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
                return ids;
            }
        });
    }

    @Override
    public Set<ValueType> typesOf(String customerId, String key) {
        return database.inTransaction(connection -> {
            try (PreparedStatement types = connection.prepareStatement(TYPES)) {
                types.setString(1, customerId);
                types.setString(2, key);
                Set<ValueType> found = EnumSet.noneOf(ValueType.class);
                try (ResultSet rows = types.executeQuery()) {
                    while (rows.next()) {
                        found.add(ValueType.valueOf(rows.getString(1)));
                    }
                }
                return found;
            }
        });
    }
}
