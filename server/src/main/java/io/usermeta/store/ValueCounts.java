package io.usermeta.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Schema version 4: the number of users holding each NOMINAL and TEXT value, and each key in those
 * types, kept by every write (see {@link HeldValues}), so that a distribution reads one row per value
 * instead of one per user.
 *
 * <ul>
 *   <li>{@code value_users}: users per (key, type, scope, value).</li>
 *   <li>{@code key_users}: users per (key, type, scope), the total of a distribution.</li>
 * </ul>
 *
 * <p>The scope is a source name, for distributions restricted to one source, or the empty string for
 * all sources together, where a user holding a value in two sources counts once. Source names are
 * never empty. Counts of existing rows are filled in here, in one grouped pass per table and scope.
 */
final class ValueCounts extends SchemaChange {
    /** The scope of counts over every source. */
    static final String ALL_SOURCES = "";

    private static final List<String> H2 = List.of(
            "CREATE TABLE value_users (customer_id VARCHAR(64) NOT NULL, attr_key VARCHAR(128) NOT NULL,"
                    + " attr_type VARCHAR(8) NOT NULL, scope VARCHAR(64) NOT NULL, match_value VARCHAR(200) NOT NULL,"
                    + " users BIGINT NOT NULL, CONSTRAINT pk_value_users"
                    + " PRIMARY KEY (customer_id, attr_key, attr_type, scope, match_value))",
            "CREATE TABLE key_users (customer_id VARCHAR(64) NOT NULL, attr_key VARCHAR(128) NOT NULL,"
                    + " attr_type VARCHAR(8) NOT NULL, scope VARCHAR(64) NOT NULL, users BIGINT NOT NULL,"
                    + " CONSTRAINT pk_key_users PRIMARY KEY (customer_id, attr_key, attr_type, scope))");
    private static final List<String> POSTGRESQL = List.of(
            "CREATE TABLE value_users (customer_id VARCHAR(64) COLLATE \"C\" NOT NULL,"
                    + " attr_key VARCHAR(128) COLLATE \"C\" NOT NULL, attr_type VARCHAR(8) NOT NULL,"
                    + " scope VARCHAR(64) COLLATE \"C\" NOT NULL, match_value VARCHAR(200) COLLATE \"C\" NOT NULL,"
                    + " users BIGINT NOT NULL, CONSTRAINT pk_value_users"
                    + " PRIMARY KEY (customer_id, attr_key, attr_type, scope, match_value))",
            "CREATE TABLE key_users (customer_id VARCHAR(64) COLLATE \"C\" NOT NULL,"
                    + " attr_key VARCHAR(128) COLLATE \"C\" NOT NULL, attr_type VARCHAR(8) NOT NULL,"
                    + " scope VARCHAR(64) COLLATE \"C\" NOT NULL, users BIGINT NOT NULL,"
                    + " CONSTRAINT pk_key_users PRIMARY KEY (customer_id, attr_key, attr_type, scope))");
    private static final String COUNTED = " FROM user_attribute WHERE attr_type IN ('NOMINAL', 'TEXT')";
    private static final List<String> FILL = List.of(
            "INSERT INTO value_users SELECT customer_id, attr_key, attr_type, '', match_value,"
                    + " COUNT(DISTINCT user_id)" + COUNTED + " GROUP BY customer_id, attr_key, attr_type, match_value",
            "INSERT INTO value_users SELECT customer_id, attr_key, attr_type, source, match_value,"
                    + " COUNT(DISTINCT user_id)" + COUNTED
                    + " GROUP BY customer_id, attr_key, attr_type, source, match_value",
            "INSERT INTO key_users SELECT customer_id, attr_key, attr_type, '', COUNT(DISTINCT user_id)" + COUNTED
                    + " GROUP BY customer_id, attr_key, attr_type",
            "INSERT INTO key_users SELECT customer_id, attr_key, attr_type, source, COUNT(DISTINCT user_id)" + COUNTED
                    + " GROUP BY customer_id, attr_key, attr_type, source");

    ValueCounts() {
        super("4", "users per value", List.of(H2, POSTGRESQL, FILL));
    }

    @Override
    void migrate(Connection connection, SqlDialect dialect) throws SQLException {
        execute(connection, dialect == SqlDialect.POSTGRESQL ? POSTGRESQL : H2);
        execute(connection, FILL);
    }
}
