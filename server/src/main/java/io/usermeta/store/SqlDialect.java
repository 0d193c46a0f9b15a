package io.usermeta.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

/** The few statements whose SQL differs between the supported databases. */
public enum SqlDialect {
    /**
     * H2 writes a commit to its file with a "try" that gives up when another thread is writing the
     * store at that moment, so under concurrent commits an acknowledged transaction could still be
     * only in memory when the process is killed. A CHECKPOINT waits for the store and writes
     * whatever is still unsaved, so a write is acknowledged only once it is in the file. Killed
     * during concurrent commits, H2 2.5 could also reopen with a primary key index pointing at rows
     * its table lacks; writing one transaction at a time, as the server does, avoids that. The file
     * only grows while the database is open (see ServerConfig.h2File), so a clean stop compacts it.
     */
    H2("MERGE INTO user_profile (customer_id, user_id, updated_at) KEY (customer_id, user_id) VALUES (?, ?, ?)",
            "CHECKPOINT", true, "SHUTDOWN COMPACT", false),
    /** PostgreSQL's commit returns only once the write-ahead log is flushed. */
    POSTGRESQL("INSERT INTO user_profile (customer_id, user_id, updated_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (customer_id, user_id) DO UPDATE SET updated_at = EXCLUDED.updated_at", null, false, null,
            true);

    private final String upsertUser;
    private final String makeDurable;
    private final boolean serializesWrites;
    private final String onClose;
    private final boolean matchesIdArrays;

    SqlDialect(String upsertUser, String makeDurable, boolean serializesWrites, String onClose,
            boolean matchesIdArrays) {
        this.upsertUser = upsertUser;
        this.makeDurable = makeDurable;
        this.serializesWrites = serializesWrites;
        this.onClose = onClose;
        this.matchesIdArrays = matchesIdArrays;
    }

    /**
     * Whether a list of ids is best passed as one array parameter ({@code = ANY(?)}): true for
     * PostgreSQL, which then plans one index lookup per element; false for H2, which compares each
     * row with the whole array (and uses an {@code IN} list only on an index's first column), so
     * there reads join a list of values and deletes are batches of per-row statements.
     */
    boolean matchesIdArrays() {
        return matchesIdArrays;
    }

    /** A statement run when the server closes the database; {@code null} if none. */
    String onClose() {
        return onClose;
    }

    /** Whether one process runs its write transactions one at a time on this database. */
    boolean serializesWrites() {
        return serializesWrites;
    }

    /** A statement that makes committed writes durable, run after each write commit; {@code null} if none. */
    String makeDurable() {
        return makeDurable;
    }

    /**
     * Driver settings that the URL may still override: PostgreSQL's driver is told to send a batch
     * of inserts as multi-row statements, a quarter or so faster for the attribute rows of a
     * document than one statement per row.
     */
    Properties driverProperties() {
        Properties properties = new Properties();
        if (this == POSTGRESQL) {
            properties.setProperty("reWriteBatchedInserts", "true");
        }
        return properties;
    }

    /**
     * An expression for the start of the day, month or year ({@code field}) of the timestamp
     * {@code column}; both databases spell it DATE_TRUNC, H2 with the field as a keyword.
     */
    String truncate(String field, String column) {
        return this == H2 ? "DATE_TRUNC(" + field + ", " + column + ")"
                : "date_trunc('" + field.toLowerCase(Locale.ROOT) + "', " + column + ")";
    }

    /**
     * Whether {@code INSERT … ON CONFLICT … DO UPDATE} adds to a row that a concurrent writer may be
     * creating at the same moment (PostgreSQL); H2 lacks that form, and its writers run one at a time.
     */
    boolean upsertsOnConflict() {
        return this == POSTGRESQL;
    }

    /**
     * Whether segment members are best counted in memory ({@link SortedIdSets}): on H2, whose set
     * operations sort their rows in a tree, a count at a million users took seconds in SQL.
     */
    boolean countsInMemory() {
        return this == H2;
    }

    /**
     * Turns on or off H2's lazy execution for {@code connection}, so that a large result reaches the
     * caller row by row instead of being gathered first; PostgreSQL streams within a transaction when
     * a fetch size is set, so there this does nothing.
     */
    void streamResults(Connection connection, boolean on) throws SQLException {
        if (this == H2) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
            }
        }
    }

    /**
     * Whether a page of segment members is best found by one statement that tests each candidate
     * with EXISTS on its own rows ({@link ConditionSql#membersAfter}). On H2, with the index by user
     * named as the one to use ({@link #userRowsHint}), that reads a page at a million users in tens
     * of milliseconds. PostgreSQL, from its estimates, may join the whole index range of a predicate
     * instead, so there candidates are read in batches and tested in memory.
     */
    boolean pagesInSql() {
        return this == H2;
    }

    /**
     * A table hint that makes H2 find a user's attribute rows through the index that leads with the
     * user ({@link AttributesByUser}), whatever it estimates for the indexes that lead with values;
     * empty for PostgreSQL.
     */
    String userRowsHint() {
        return this == H2 ? " USE INDEX (" + AttributesByUser.INDEX + ")" : "";
    }

    /** Creates or touches a user_profile row, taking its row lock in both cases. */
    String upsertUser() {
        return upsertUser;
    }

    /** The dialect of a JDBC URL; fails for other databases, naming the URL without its credentials. */
    public static SqlDialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL " + Database.redact(jdbcUrl)
                + "; use jdbc:h2:… or jdbc:postgresql:…");
    }
}
