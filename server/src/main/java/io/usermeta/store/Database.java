package io.usermeta.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import io.usermeta.config.DatabaseConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pooled database, migrated to the current schema on open. Work runs in one transaction per
 * call and is retried when the database reports a conflict between concurrent transactions.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int MAX_ATTEMPTS = 40;
    /** Conflicts are retried for this long at most, so a row that stays locked cannot hold a request for minutes. */
    private static final long RETRY_BUDGET_NANOS = 30_000_000_000L;
    /** The SQLSTATE of a conflict between concurrent transactions that a retry resolves. */
    static final String SERIALIZATION_FAILURE = "40001";
    /** Serialization failure, deadlock (PostgreSQL), unique violation, and H2's lock timeout. */
    private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01", "23505", "HYT00");
    private static final Set<Integer> RETRYABLE_H2_CODES = Set.of(50200, 90131, 40001, 23505);

    /** SQLSTATE class 08: connection exceptions, in every database. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** SQLSTATE class 28: invalid authorization, such as a wrong user name or password. */
    private static final String INVALID_AUTHORIZATION_CLASS = "28";

    /** Held around each write transaction where the dialect asks for writes one at a time. */
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final DataSource source;
    private final HikariDataSource pool;
    private final SqlDialect dialect;
    private final String description;

    private Database(DataSource source, HikariDataSource pool, SqlDialect dialect, String description) {
        this.source = source;
        this.pool = pool;
        this.dialect = dialect;
        this.description = description;
    }

    /** Opens a pool on the configured database, migrating its schema. */
    public static Database open(DatabaseConfig settings) {
        return open(settings, UnaryOperator.identity());
    }

    /**
     * The same, with the pool's physical connections taken from {@code connections} applied to the
     * driver's own source: a way for tests to see every statement sent to the database.
     */
    static Database open(DatabaseConfig settings, UnaryOperator<DataSource> connections) {
        String url = settings.url();
        SqlDialect dialect = SqlDialect.of(url);
        DataSource source = connections.apply(
                new DriverDataSource(url, null, dialect.driverProperties(), settings.user(), settings.password()));
        failIfCredentialsRefused(source);
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("usermeta");
        config.setConnectionTimeout(settings.connectionTimeoutMillis());
        config.setInitializationFailTimeout(DatabaseConfig.DEFAULT_CONNECTION_TIMEOUT_MILLIS);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(source, pool, dialect, redact(url));
    }

    /**
     * Opens one connection before the pool does: the pool retries a first connection that fails
     * until its initialization timeout, which helps while a database starts up, but credentials the
     * database refuses do not get better by waiting. Other failures are left to the pool's retries.
     */
    private static void failIfCredentialsRefused(DataSource source) {
        try (Connection first = source.getConnection()) {
            // Accepted: the pool opens its own connections from here on.
        } catch (SQLException e) {
            if (refusesCredentials(e)) {
                throw new StoreException("the database refused the credentials", e, false);
            }
            LOG.debug("A first connection failed; the pool retries: {}", e.getMessage());
        }
    }

    /** Whether the database turned the login down: wrong user name or password, or a user it does not admit. */
    public static boolean refusesCredentials(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith(INVALID_AUTHORIZATION_CLASS);
    }

    private static void migrate(HikariDataSource pool) {
        MigrateResult result = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .javaMigrations(new BytewiseIdentifiers(), new TypedValues(), new ValueCounts(),
                        new AttributesByUser(), new WideMatchValues())
                .load()
                .migrate();
        LOG.info("Database schema at version {} ({} migrations applied now)",
                result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    /** The URL without credentials, for logs. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password|user)=[^;&]*", "$1=***");
    }

    public String description() {
        return description;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** Runs reading {@code work} in a transaction, retrying it on conflicts with concurrent transactions. */
    public <T> T inTransaction(SqlWork<T> work) {
        return run(work, false);
    }

    /**
     * Runs {@code work} that writes in a transaction, retrying it on conflicts, and returns only once
     * the committed changes would survive a crash of the process.
     */
    public <T> T inWriteTransaction(SqlWork<T> work) {
        return run(work, true);
    }

    private <T> T run(SqlWork<T> work, boolean writes) {
        long deadline = System.nanoTime() + RETRY_BUDGET_NANOS;
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnce(work, writes);
            } catch (SQLException e) {
                if (attempt >= MAX_ATTEMPTS || System.nanoTime() > deadline || !isRetryable(e)) {
                    throw new StoreException("database operation failed", e, isUnreachable(e));
                }
                LOG.debug("Retrying a transaction after a conflict (attempt {}): {}", attempt, e.getMessage());
                pause(attempt);
            }
        }
    }

    private <T> T runOnce(SqlWork<T> work, boolean writes) throws SQLException {
        if (!writes || !dialect.serializesWrites()) {
            return attempt(work, writes);
        }
        writeLock.lock();
        try {
            return attempt(work, true);
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T attempt(SqlWork<T> work, boolean writes) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            if (writes && dialect.makeDurable() != null) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(dialect.makeDurable());
                }
            }
            return result;
        }
    }

    /** Whether the database could not be reached, as opposed to refusing a statement. */
    static boolean isUnreachable(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || state != null && state.startsWith(CONNECTION_EXCEPTION_CLASS);
    }

    static boolean isRetryable(SQLException e) {
        for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
            String state = cause.getSQLState();
            if (state != null && RETRYABLE_STATES.contains(state) || isRetryableH2(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRetryableH2(SQLException e) {
        return isH2(e) && RETRYABLE_H2_CODES.contains(e.getErrorCode());
    }

    private static boolean isH2(SQLException e) {
        return e.getClass().getName().startsWith("org.h2.");
    }

    private static void pause(int attempt) {
        long bound = Math.min(200, 2L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while retrying a transaction", e, false);
        }
    }

    /** Whether the database answers a trivial query within a few seconds. */
    public boolean isReachable() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(3);
        } catch (SQLException e) {
            LOG.warn("Database health check failed: {}", e.getMessage());
            return false;
        }
    }

    /**
     * Closes the database as its owner, the server, does at a clean stop: first the pool, then whatever
     * the dialect runs on close (H2 compacts its file) on a connection of its own. The command line
     * closes with {@link #close()}, which leaves a database the server still uses untouched.
     */
    public void closeAsOwner() {
        pool.close();
        if (dialect.onClose() == null) {
            return;
        }
        // Not through the pool: a statement that shuts the database down ends its own connection, and the
        // pool's clean-up of that connection would make H2 write the failure into its trace file.
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(dialect.onClose());
        } catch (SQLException e) {
            if (!isUnreachable(e)) {
                LOG.warn("Closing statement failed, the database closes without it: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Work against one connection inside a transaction. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
