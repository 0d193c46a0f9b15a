package io.usermeta.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Schema version 2: identifiers (customer ids, user ids, sources, attribute keys) compare and sort
 * by their bytes on PostgreSQL, whatever locale the database was created with. With a linguistic
 * collation such as {@code en_US.UTF-8}, the order of ids in the primary key indexes, and so range
 * scans and the lock order of writers, would depend on the server's C library and could change with
 * an operating system upgrade (which silently corrupts indexes); {@code "C"} is stable and also the
 * fastest to compare. Equality is exact under both.
 *
 * <p>On H2 this migration changes nothing: H2 compares strings by their UTF-16 code units unless a
 * database collation is set, and usermeta never sets one.
 */
final class BytewiseIdentifiers extends SchemaChange {
    private static final List<String> POSTGRESQL = List.of(
            "ALTER TABLE customer ALTER COLUMN customer_id TYPE VARCHAR(64) COLLATE \"C\"",
            "ALTER TABLE user_profile ALTER COLUMN customer_id TYPE VARCHAR(64) COLLATE \"C\"",
            "ALTER TABLE user_profile ALTER COLUMN user_id TYPE VARCHAR(512) COLLATE \"C\"",
            "ALTER TABLE user_attribute ALTER COLUMN customer_id TYPE VARCHAR(64) COLLATE \"C\"",
            "ALTER TABLE user_attribute ALTER COLUMN user_id TYPE VARCHAR(512) COLLATE \"C\"",
            "ALTER TABLE user_attribute ALTER COLUMN source TYPE VARCHAR(64) COLLATE \"C\"",
            "ALTER TABLE user_attribute ALTER COLUMN attr_key TYPE VARCHAR(128) COLLATE \"C\"");

    BytewiseIdentifiers() {
        super("2", "identifiers compare bytewise", POSTGRESQL);
    }

    @Override
    void migrate(Connection connection, SqlDialect dialect) throws SQLException {
        if (dialect == SqlDialect.POSTGRESQL) {
            execute(connection, POSTGRESQL);
        }
    }
}
