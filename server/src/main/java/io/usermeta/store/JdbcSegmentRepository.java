package io.usermeta.store;

import io.usermeta.core.StoredAttribute;
import io.usermeta.core.ValueType;
import io.usermeta.segments.Condition;
import io.usermeta.segments.Evaluator;
import io.usermeta.segments.Predicate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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

    private static final long COUNT_BUDGET = Runtime.getRuntime().maxMemory() / 8 / 100;
    private static final int MIN_BATCH = 64;
    private static final int FIRST_BATCH = 1_024;
    private static final int MAX_BATCH = 8_192;
    private static final int DRIVER_SAMPLE = 8_192;

    private final Database database;
    private final JdbcUserAttributeRepository attributes;

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

    /**
     * Counts in memory ({@link SortedIdSets}) where the database's own set operations are slow (H2),
     * within a budget of ids of about an eighth of the heap at 100 bytes an id; otherwise, and when
     * the budget runs out, in SQL ({@link ConditionSql#members}).
     */
    @Override
    public long count(String customerId, Condition condition) {
        if (database.dialect().countsInMemory()) {
            long counted = database.inTransaction(connection -> {
                // One snapshot for the several statements, as the single SQL statement would read.
                int isolation = connection.getTransactionIsolation();
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                database.dialect().streamResults(connection, true);
                try {
                    return SortedIdSets.count(connection, customerId, condition, COUNT_BUDGET);
                } finally {
                    database.dialect().streamResults(connection, false);
                    connection.commit();
                    connection.setTransactionIsolation(isolation);
                }
            });
            if (counted >= 0) {
                return counted;
            }
        }
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
     * On H2, one statement per page ({@link #pageInSql}). Otherwise, walks candidate users in id
     * order from the cursor, a batch at a time, reads each batch's attributes of the keys the
     * condition names by primary key and keeps the users the condition holds for, until the page is
     * full. The candidates are all users, or when the condition requires
     * one value of a key (an equality at its root or directly under a root allOf), the holders of that
     * value, read in id order from the match index; of several such values the rarest is taken. After
     * the first batch, each batch is sized by the share of candidates that were members so far, so a
     * page reads about as many candidates as it needs. A page therefore costs in proportion to the
     * candidates it must look at, never to all users, and needs no query plan to come out right: both
     * databases are only asked for index ranges and primary key lookups.
     */
    @Override
    public List<String> page(String customerId, Condition condition, String after, int limit) {
        Predicate driver = driver(customerId, condition);
        if (database.dialect().pagesInSql()) {
            return pageInSql(customerId, condition, driver, after, limit);
        }
        Set<String> keys = new TreeSet<>();
        collectKeys(condition, keys);
        List<String> members = new ArrayList<>(limit);
        String position = after;
        int batch = Math.min(Math.max(limit, FIRST_BATCH), MAX_BATCH);
        long looked = 0;
        while (members.size() < limit) {
            Candidates candidates = candidates(customerId, driver, position, batch);
            if (candidates.ids().isEmpty()) {
                break;
            }
            Map<String, List<StoredAttribute>> found = attributes.findKeys(customerId, candidates.ids(), keys);
            for (String id : candidates.ids()) {
                List<StoredAttribute> stored = found.get(id);
                if (stored != null && Evaluator.holds(condition, stored) && members.size() < limit) {
                    members.add(id);
                }
            }
            if (candidates.last()) {
                break;
            }
            looked += candidates.ids().size();
            position = candidates.ids().get(candidates.ids().size() - 1);
            batch = nextBatch(batch, looked, members.size(), limit);
        }
        return members;
    }

    /**
     * The page as one statement ({@link ConditionSql#membersAfter}), repeated only when an id held
     * from two sources came twice and left the page short.
     */
    private List<String> pageInSql(String customerId, Condition condition, Predicate driver, String after,
            int limit) {
        return database.inTransaction(connection -> {
            String hint = database.dialect().userRowsHint();
            List<String> members = new ArrayList<>(limit);
            String position = after;
            while (members.size() < limit) {
                int wanted = limit - members.size();
                Sql sql = new ConditionSql(customerId).membersAfter(driver, condition, position, wanted, hint);
                int rowCount = 0;
                try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        rowCount++;
                        position = rows.getString(1);
                        if (members.isEmpty() || !members.get(members.size() - 1).equals(position)) {
                            members.add(position);
                        }
                    }
                }
                if (rowCount < wanted) {
                    break;
                }
            }
            return members;
        });
    }

    /**
     * The size of the next batch: enough candidates, at the share of members seen so far plus a
     * quarter, to fill the page; twice the last batch while no member has been seen.
     */
    private static int nextBatch(int last, long looked, int members, int limit) {
        if (members == 0) {
            return Math.min(last * 2, MAX_BATCH);
        }
        long wanted = (limit - members) * looked * 5 / (4L * members);
        return (int) Math.max(MIN_BATCH, Math.min(wanted, MAX_BATCH));
    }

    private static void collectKeys(Condition condition, Set<String> keys) {
        if (condition instanceof Predicate predicate) {
            keys.add(predicate.key());
        } else if (condition instanceof Condition.Not not) {
            collectKeys(not.child(), keys);
        } else if (condition instanceof Condition.AnyOf any) {
            any.children().forEach(child -> collectKeys(child, keys));
        } else {
            ((Condition.AllOf) condition).children().forEach(child -> collectKeys(child, keys));
        }
    }

    /**
     * One batch of candidates: distinct ids in order, and whether the rows ran out before the batch
     * was full (a holder of the value in two sources is one id from two rows).
     */
    private record Candidates(List<String> ids, boolean last) {}

    /** The distinct candidate ids after {@code after}, in id order, from at most {@code batch} rows. */
    private Candidates candidates(String customerId, Predicate driver, String after, int batch) {
        Sql sql = driver == null ? new ConditionSql(customerId).profilesAfter(after, batch)
                : new ConditionSql(customerId).holdersAfter(driver, after, batch);
        return database.inTransaction(connection -> {
            List<String> ids = new ArrayList<>(batch);
            int rowCount = 0;
            try (PreparedStatement select = sql.prepare(connection); ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    rowCount++;
                    String id = rows.getString(1);
                    if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(id)) {
                        ids.add(id);
                    }
                }
            }
            return new Candidates(ids, rowCount < batch);
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
