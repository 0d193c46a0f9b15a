package io.usermeta.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.usermeta.auth.LicenseKeys;
import io.usermeta.config.DatabaseConfig;
import io.usermeta.core.AttributeSet;
import io.usermeta.core.StoredAttribute;
import io.usermeta.core.ValueType;
import io.usermeta.segments.Condition;
import io.usermeta.segments.Predicate;
import java.math.BigDecimal;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every attribute store must do; one subclass per supported database. */
abstract class UserAttributeRepositoryContract {
    /** usermeta's own tables; Flyway's history table is not sharded data. */
    private static final List<String> TABLES = List.of("customer", "user_profile", "user_attribute", "segment",
            "value_users", "key_users");

    private final StatementRecorder recorder = new StatementRecorder();
    private Database database;
    private UserAttributeRepository repository;

    /** The settings of a freshly created, empty database. */
    abstract DatabaseConfig newDatabase();

    /** The database under test. */
    Database database() {
        return database;
    }

    @BeforeEach
    void open() {
        database = Database.open(newDatabase(), recorder::wrap);
        repository = new JdbcUserAttributeRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** A replaced set reads back in posted order, only for users that exist. */
    @Test
    void replacedSetReadsBackInPostedOrder() {
        repository.replace("c1", "web", List.of(set("u1", "web", "b", "2", "a", "1")));

        Map<String, List<StoredAttribute>> found = repository.find("c1", List.of("u1", "nobody"), "web");

        assertThat(found).containsOnlyKeys("u1");
        assertThat(found.get("u1")).extracting(StoredAttribute::key).containsExactly("b", "a");
    }

    /** Replacing one source's set leaves the user's other sources as they were. */
    @Test
    void replaceTouchesOnlyItsSource() {
        repository.replace("c1", "web", List.of(set("u1", "web", "k", "old")));
        repository.replace("c1", "app", List.of(set("u1", "app", "k", "app")));

        repository.replace("c1", "web", List.of(set("u1", "web", "k", "new")));

        assertThat(repository.find("c1", List.of("u1"), null).get("u1"))
                .extracting(StoredAttribute::source, StoredAttribute::value)
                .containsExactly(tuple("app", "app"),
                        tuple("web", "new"));
    }

    /** An empty set keeps the user known with no attributes in that source. */
    @Test
    void emptySetKeepsTheUserKnown() {
        repository.replace("c1", "web", List.of(set("u1", "web", "k", "v")));

        repository.replace("c1", "web", List.of(new AttributeSet("u1", List.of())));

        assertThat(repository.find("c1", List.of("u1"), "web")).containsEntry("u1", List.of());
    }

    /** Deleting a user removes every source's attributes and the user itself. */
    @Test
    void deleteRemovesTheUserAcrossSources() {
        repository.replace("c1", "web", List.of(set("u1", "web", "k", "v"), set("u2", "web", "k", "v")));
        repository.replace("c1", "app", List.of(set("u1", "app", "k", "v")));

        repository.delete("c1", List.of("u1", "never-existed"));

        assertThat(repository.find("c1", List.of("u1", "u2"), null)).containsOnlyKeys("u2");
    }

    /** The same user id under two customers is two separate users. */
    @Test
    void customersAreIsolated() {
        repository.replace("c1", "web", List.of(set("u1", "web", "k", "one")));
        repository.replace("c2", "web", List.of(set("u1", "web", "k", "two")));

        repository.delete("c1", List.of("u1"));

        assertThat(repository.find("c1", List.of("u1"), null)).isEmpty();
        assertThat(repository.find("c2", List.of("u1"), null).get("u1"))
                .extracting(StoredAttribute::value).containsExactly("two");
    }

    /** Ids compare exactly: case and look-alike characters make different users. */
    @Test
    void idsCompareExactly() {
        repository.replace("c1", "web", List.of(set("User", "web", "k", "v")));

        assertThat(repository.find("c1", List.of("user", "USER", "User "), null)).isEmpty();
    }

    /**
     * Ids that a linguistic collation or Unicode normalization would treat as equal or adjacent stay
     * distinct users: composed and decomposed accents, sharp s and "ss", full-width letters, a
     * trailing space.
     */
    @Test
    void lookAlikeIdsStayDistinctUsers() {
        List<String> ids = List.of("caf\u00e9", "cafe\u0301", "stra\u00dfe", "strasse", "\uff21", "A", "a", "a ");
        List<AttributeSet> sets = new ArrayList<>();
        for (String id : ids) {
            sets.add(set(id, "web", "id", id));
        }
        repository.replace("c1", "web", sets);

        Map<String, List<StoredAttribute>> found = repository.find("c1", ids, null);

        assertThat(found).hasSize(ids.size());
        ids.forEach(id -> assertThat(found.get(id)).extracting(StoredAttribute::value).containsExactly(id));
    }

    /** A read of more ids than one statement takes returns them all. */
    @Test
    void largeReadsSpanSeveralStatements() {
        List<AttributeSet> sets = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            ids.add("user-" + i);
            sets.add(set("user-" + i, "web", "n", Integer.toString(i)));
        }
        repository.replace("c1", "web", sets);

        Map<String, List<StoredAttribute>> found = repository.find("c1", ids, "web");

        assertThat(found).hasSize(2_500);
        assertThat(found.get("user-2499")).extracting(StoredAttribute::value).containsExactly("2499");
    }

    /**
     * After a long run of replaces in two sources, empty sets and opt-outs, with values repeated
     * within a set, shared between sources and keys held in two types, the users-per-value counts
     * equal a count of the attribute rows themselves, and no count of zero is left behind.
     */
    @Test
    void valueCountsFollowEveryWrite() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 400; i++) {
            randomWrite(random, 40);
        }

        assertThat(storedCounts("c1")).isNotEmpty().isEqualTo(recountedCounts("c1"));
        assertThat(storedCounts("c1")).allSatisfy(count -> assertThat(count).doesNotEndWith("=0"));
    }

    /**
     * Counting in memory over sorted id arrays gives the same number as the database's set
     * operations, for conditions that combine every operation; over its budget of ids it gives up.
     */
    @Test
    void inMemoryCountsAgreeWithSqlCounts() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 300; i++) {
            randomWrite(random, 60);
        }
        Predicate colour = new Predicate("/0", Predicate.Op.IN, "colour", ValueType.NOMINAL, null,
                Set.of("v1", "v2"), null, null, null);
        Predicate tag = new Predicate("/1", Predicate.Op.EQUALS, "tag", ValueType.TEXT, "web", Set.of("v3"), null,
                null, null);
        Predicate age = new Predicate("/2", Predicate.Op.RANGE, "age", ValueType.NUMERIC, null, Set.of(), null,
                new Predicate.Bound(BigDecimal.ONE, true), null);
        Predicate noAge = new Predicate("/3", Predicate.Op.ABSENT, "age", null, null, Set.of(), null, null, null);
        List<Condition> conditions = List.of(colour, noAge, new Condition.Not(tag),
                new Condition.AllOf(List.of(colour, age)), new Condition.AllOf(List.of(colour, noAge)),
                new Condition.AllOf(List.of(new Condition.Not(colour), new Condition.AnyOf(List.of(tag, age)))),
                new Condition.AnyOf(List.of(new Condition.AllOf(List.of(tag, age)), noAge)));

        for (Condition condition : conditions) {
            long inSql = database.inTransaction(connection -> {
                Sql sql = new Sql().append("SELECT COUNT(*) FROM (").append(new ConditionSql("c1").members(condition))
                        .append(") m");
                try (var count = sql.prepare(connection); ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
            long inMemory = database.inTransaction(
                    connection -> SortedIdSets.count(connection, "c1", condition, Long.MAX_VALUE));
            long overBudget = database.inTransaction(connection -> SortedIdSets.count(connection, "c1", condition, 1));

            assertThat(inSql).as("%s", condition).isPositive();
            assertThat(inMemory).as("%s", condition).isEqualTo(inSql);
            assertThat(overBudget).isEqualTo(-1);
        }
    }

    /** Removing a customer removes its counts with its users. */
    @Test
    void removedCustomerLeavesNoCounts() {
        CustomerRepository customers = new JdbcCustomerRepository(database);
        customers.add("c1", LicenseKeys.hash("secret"));
        repository.replace("c1", "web", List.of(set("u1", "web", "k", "v")));
        assertThat(storedCounts("c1")).containsExactlyInAnyOrder("k NOMINAL  v=1", "k NOMINAL  *=1",
                "k NOMINAL web v=1", "k NOMINAL web *=1");

        customers.remove("c1");

        assertThat(storedCounts("c1")).isEmpty();
    }

    /**
     * Eight writers replacing and deleting the same few users at once keep the counts exact: each
     * user's change is counted once, whichever writer got there first.
     */
    @Test
    void concurrentWritersKeepValueCountsExact() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 8; writer++) {
                SplittableRandom random = new SplittableRandom(writer);
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        randomWrite(random, 12);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
        }

        assertThat(storedCounts("c1")).isNotEmpty().isEqualTo(recountedCounts("c1"));
    }

    /** A random replace of one to four of {@code users} users in one of two sources, or an opt-out of one. */
    private void randomWrite(SplittableRandom random, int users) {
        String source = random.nextBoolean() ? "web" : "app";
        if (random.nextInt(10) == 0) {
            repository.delete("c1", List.of("u" + random.nextInt(users)));
            return;
        }
        List<AttributeSet> sets = new ArrayList<>();
        Set<String> chosen = new java.util.TreeSet<>();
        for (int n = 1 + random.nextInt(4); chosen.size() < n; ) {
            chosen.add("u" + random.nextInt(users));
        }
        for (String userId : chosen) {
            List<StoredAttribute> attributes = new ArrayList<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                String value = "v" + random.nextInt(5);
                switch (random.nextInt(4)) {
                    case 0 -> attributes.add(new StoredAttribute("colour", value, ValueType.NOMINAL, source));
                    case 1 -> attributes.add(new StoredAttribute("tag", value, ValueType.NOMINAL, source));
                    case 2 -> attributes.add(new StoredAttribute("tag", value, ValueType.TEXT, source));
                    default -> attributes.add(new StoredAttribute("age", Integer.toString(random.nextInt(3)),
                            ValueType.NUMERIC, source));
                }
            }
            sets.add(new AttributeSet(userId, attributes.stream().distinct().toList()));
        }
        repository.replace("c1", source, sets);
    }

    /** The stored counts of a customer, as "key type scope value=users" sorted. */
    private List<String> storedCounts(String customerId) {
        return counts("SELECT attr_key, attr_type, scope, match_value, users FROM value_users WHERE customer_id = ?"
                + " UNION ALL SELECT attr_key, attr_type, scope, '*', users FROM key_users WHERE customer_id = ?",
                customerId);
    }

    /** The same counts, counted afresh from the attribute rows. */
    private List<String> recountedCounts(String customerId) {
        String counted = " FROM user_attribute WHERE customer_id = ? AND attr_type IN ('NOMINAL', 'TEXT') GROUP BY ";
        return counts("SELECT attr_key, attr_type, source, match_value, COUNT(DISTINCT user_id)" + counted
                + "attr_key, attr_type, source, match_value"
                + " UNION ALL SELECT attr_key, attr_type, '', match_value, COUNT(DISTINCT user_id)" + counted
                + "attr_key, attr_type, match_value"
                + " UNION ALL SELECT attr_key, attr_type, source, '*', COUNT(DISTINCT user_id)" + counted
                + "attr_key, attr_type, source"
                + " UNION ALL SELECT attr_key, attr_type, '', '*', COUNT(DISTINCT user_id)" + counted
                + "attr_key, attr_type", customerId);
    }

    private List<String> counts(String sql, String customerId) {
        return database.inTransaction(connection -> {
            List<String> counts = new ArrayList<>();
            try (var select = connection.prepareStatement(sql)) {
                for (int i = 1; i <= select.getParameterMetaData().getParameterCount(); i++) {
                    select.setString(i, customerId);
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        counts.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
                                + rows.getString(4) + "=" + rows.getLong(5));
                    }
                }
            }
            counts.sort(null);
            return counts;
        });
    }

    /**
     * Every primary key and index of usermeta's tables starts with the customer id, so a distributed
     * PostgreSQL can shard all of them by customer and keep each customer's rows together.
     */
    @Test
    void everyKeyAndIndexLeadsWithTheCustomer() {
        List<String> offenders = database.inTransaction(connection -> {
            DatabaseMetaData metadata = connection.getMetaData();
            List<String> found = new ArrayList<>();
            for (String table : TABLES) {
                String stored = storedName(metadata, table);
                try (ResultSet keys = metadata.getPrimaryKeys(null, null, stored)) {
                    if (checkLeadingColumn(keys, table + " primary key", found) == 0) {
                        found.add(table + " has no primary key the metadata shows");
                    }
                }
                try (ResultSet indexes = metadata.getIndexInfo(null, null, stored, false, false)) {
                    checkLeadingColumn(indexes, table + " index", found);
                }
            }
            return found;
        });

        assertThat(offenders).isEmpty();
    }

    /**
     * Every statement that the stores send for a customer's work names that customer in an equality
     * condition (of its WHERE clause or of the join that reads the rows) or in the row it inserts,
     * so a distributed PostgreSQL routes it to one shard. Only the administrator's customer list and
     * count read across customers, and the list joins each customer's users on its id.
     */
    @Test
    void everyStatementNamesItsCustomer() {
        CustomerRepository customers = new JdbcCustomerRepository(database);
        LicenseKeys.StoredKey key = LicenseKeys.hash("secret");
        recorder.start();

        customers.add("c1", key);
        customers.put("c2", key);
        customers.replaceKey("c2", key);
        customers.findKey("c1");
        repository.replace("c1", "web", List.of(set("u1", "web", "k", "v"), set("u2", "web", "k", "w")));
        repository.replace("c1", "web", List.of(set("u1", "web", "k", "w")));
        repository.find("c1", List.of("u1", "u2"), "web");
        repository.find("c1", List.of("u1"), null);
        askEveryClusterQuery("c1");
        repository.delete("c1", List.of("u1"));
        customers.list();
        customers.count();
        customers.remove("c1");

        List<String> offenders = recorder.statements().stream()
                .map(sql -> sql.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT))
                .filter(sql -> TABLES.stream().anyMatch(sql::contains))
                .filter(sql -> !namesItsCustomer(sql))
                .toList();

        assertThat(recorder.statements()).isNotEmpty();
        assertThat(offenders).isEmpty();
    }

    /** Sends every statement the segment and statistics stores have, for one customer. */
    private void askEveryClusterQuery(String customerId) {
        SegmentRepository segments = new JdbcSegmentRepository(database);
        AttributeStatistics statistics = new JdbcAttributeStatistics(database);
        Predicate equals = new Predicate("/0", Predicate.Op.EQUALS, "k", ValueType.NOMINAL, "web", Set.of("v"), null,
                null, null);
        Predicate absent = new Predicate("/1", Predicate.Op.ABSENT, "n", null, null, Set.of(), null, null, null);
        Predicate range = new Predicate("/", Predicate.Op.RANGE, "n", ValueType.NUMERIC, null, Set.of(), null,
                new Predicate.Bound(BigDecimal.ONE, true), null);
        Condition both = new Condition.AllOf(List.of(equals, new Condition.AnyOf(List.of(absent, range)),
                new Condition.Not(range)));

        segments.save(customerId, "s", "<segment/>");
        segments.save(customerId, "s", "<segment/>");
        segments.find(customerId, "s");
        segments.all(customerId);
        segments.count(customerId, both);
        segments.page(customerId, both, null, 10);
        segments.page(customerId, new Condition.AllOf(List.of(equals, equals)), "u0", 10);
        segments.typesOf(customerId, "k");
        segments.delete(customerId, "s");
        statistics.catalogue(customerId);
        statistics.totals(customerId, "k", ValueType.NOMINAL, "web");
        statistics.totals(customerId, "n", ValueType.NUMERIC, null);
        statistics.values(customerId, "k", ValueType.NOMINAL, null, 10, 5);
        statistics.histogram(customerId, "n", null, List.of(BigDecimal.ONE, BigDecimal.TEN));
        statistics.periods(customerId, "d", ValueType.DATE, null, AttributeStatistics.Period.MONTH);
    }

    private static boolean namesItsCustomer(String sql) {
        boolean customerCount = sql.equals("select count(*) from customer");
        boolean customerList = sql.startsWith("select c.customer_id, c.created_at")
                && sql.contains("where p.customer_id = c.customer_id")
                && sql.endsWith("from customer c order by c.customer_id");
        if (customerCount || customerList) {
            return true;
        }
        for (String part : sql.split(" union all ")) {
            boolean inserts = part.matches("(insert|merge) into \\w+ \\(customer_id,.*");
            if (!inserts && !part.matches(".* (where|on) (\\w+\\.)?customer_id = \\?.*")) {
                return false;
            }
        }
        return true;
    }

    /**
     * A customer's dates are instants: written by a process in one time zone and read by a process
     * in another (instances and command lines on different hosts), they still give the same time.
     */
    @Test
    void customerDatesDoNotDependOnTheProcessTimeZone() {
        CustomerRepository customers = new JdbcCustomerRepository(database);
        TimeZone original = TimeZone.getDefault();
        Instant before = Instant.now().minusSeconds(1);
        List<CustomerRepository.Customer> listed;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            customers.add("c1", LicenseKeys.hash("secret"));
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            listed = customers.list();
        } finally {
            TimeZone.setDefault(original);
        }

        assertThat(listed).singleElement().satisfies(customer -> {
            assertThat(customer.createdAt()).isBetween(before, Instant.now().plusSeconds(1));
            assertThat(customer.keySetAt()).isEqualTo(customer.createdAt());
        });
    }

    /** Tables are created unquoted: H2 stores their names in upper case, PostgreSQL in lower case. */
    private static String storedName(DatabaseMetaData metadata, String table) throws SQLException {
        return metadata.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }

    /** Checks each key or index listed in {@code columns}; returns how many it saw. */
    private static int checkLeadingColumn(ResultSet columns, String what, List<String> offenders)
            throws SQLException {
        int seen = 0;
        while (columns.next()) {
            String column = columns.getString("COLUMN_NAME");
            if (columns.getShort(sequenceColumn(columns)) == 1 && column != null) {
                seen++;
                if (!"customer_id".equalsIgnoreCase(column)) {
                    offenders.add(what + " starts with " + column);
                }
            }
        }
        return seen;
    }

    private static String sequenceColumn(ResultSet columns) throws SQLException {
        ResultSetMetaData metadata = columns.getMetaData();
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            if ("KEY_SEQ".equalsIgnoreCase(metadata.getColumnName(i))) {
                return "KEY_SEQ";
            }
        }
        return "ORDINAL_POSITION";
    }

    private static AttributeSet set(String userId, String source, String... keysAndValues) {
        List<StoredAttribute> attributes = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            attributes.add(new StoredAttribute(keysAndValues[i], keysAndValues[i + 1], ValueType.NOMINAL, source));
        }
        return new AttributeSet(userId, attributes);
    }
}
