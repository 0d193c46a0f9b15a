package io.usermeta.store;

import io.usermeta.core.StoredAttribute;
import io.usermeta.core.ValueType;
import io.usermeta.segments.Condition;
import io.usermeta.segments.Evaluator;
import io.usermeta.segments.Predicate;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Saved segments in the segment table; counts through {@link ConditionSql}, pages as described at {@link #page}. */
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

    private static final int FIRST_BATCH = 1_024;
    private static final int MAX_BATCH = 8_192;
    private static final int DRIVER_SAMPLE = 8_192;

    private final Database database;
    private final UserAttributeRepository attributes;

    public JdbcSegmentRepository(Database database) {
        this.database = database;
        this.attributes = new JdbcUserAttributeRepository(database);
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

    /**
     * Walks candidate users in id order from the cursor, a batch at a time, reads each batch's
     * attributes by primary key and keeps the users the condition holds for, until the page is full.
     * The candidates are all users, or when the condition requires one value of a key (an equality
     * at its root or directly under a root allOf), the holders of that value, read in id order from
     * the match index; of several such values the rarest is taken. A page therefore costs in
     * proportion to the candidates it must look at, never to all users, and needs no query plan to
     * come out right: both databases are only asked for index ranges and primary key lookups.
     */
    @Override
    public List<String> page(String customerId, Condition condition, String after, int limit) {
        Predicate driver = driver(customerId, condition);
        List<String> members = new ArrayList<>(limit);
        String position = after;
        int batch = FIRST_BATCH;
        while (members.size() < limit) {
            List<String> candidates = candidates(customerId, driver, position, batch);
            if (candidates.isEmpty()) {
                break;
            }
            Map<String, List<StoredAttribute>> found = attributes.find(customerId, candidates, null);
            for (String id : candidates) {
                List<StoredAttribute> stored = found.get(id);
                if (stored != null && Evaluator.holds(condition, stored) && members.size() < limit) {
                    members.add(id);
                }
            }
            if (candidates.size() < batch) {
                break;
            }
            position = candidates.get(candidates.size() - 1);
            batch = Math.min(batch * 2, MAX_BATCH);
        }
        return members;
    }

    /** The distinct candidate ids after {@code after}, in id order, at most {@code batch}. */
    private List<String> candidates(String customerId, Predicate driver, String after, int batch) {
        Sql sql = driver == null ? new ConditionSql(customerId).profilesAfter(after, batch)
                : new ConditionSql(customerId).holdersAfter(driver, after, batch);
        return database.inTransaction(connection -> {
            List<String> ids = new ArrayList<>(batch);
            try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(id)) {
                        ids.add(id);
                    }
                }
            }
            return ids;
        });
    }

    /** The equality the condition requires that the fewest users meet, or null when it requires none. */
    private Predicate driver(String customerId, Condition condition) {
        List<Predicate> required = new ArrayList<>();
        if (isSingleValue(condition)) {
            required.add((Predicate) condition);
        } else if (condition instanceof Condition.AllOf all) {
            all.children().stream().filter(JdbcSegmentRepository::isSingleValue).map(Predicate.class::cast)
                    .forEach(required::add);
        }
        if (required.size() < 2) {
            return required.isEmpty() ? null : required.get(0);
        }
        Predicate rarest = null;
        long fewest = Long.MAX_VALUE;
        for (Predicate predicate : required) {
            long holders = holdersUpTo(customerId, predicate, DRIVER_SAMPLE);
            if (holders < fewest) {
                rarest = predicate;
                fewest = holders;
            }
        }
        return rarest;
    }

    private long holdersUpTo(String customerId, Predicate predicate, int cap) {
        Sql sql = new Sql().append("SELECT COUNT(*) FROM (")
                .append(new ConditionSql(customerId).holdersAfter(predicate, null, cap)).append(") h");
        return database.inTransaction(connection -> {
            try (PreparedStatement count = sql.prepare(connection); ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static boolean isSingleValue(Condition condition) {
        return condition instanceof Predicate predicate && predicate.values().size() == 1
                && (predicate.op() == Predicate.Op.EQUALS || predicate.op() == Predicate.Op.IN);
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
