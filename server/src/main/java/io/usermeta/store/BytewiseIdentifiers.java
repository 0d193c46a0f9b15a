package io.usermeta.store;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

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
final class BytewiseIdentifiers implements JavaMigration {
    private static final List<String> POSTGRESQL = List.of(
            "ALTER TABLE customer ALTER COLUMN customer_id TYPE VARCHAR(64) COLLATE \"C\"",
            "ALTER TABLE user_profile ALTER COLUMN customer_id TYPE VARCHAR(64) COLLATE \"C\"",
            "ALTER TABLE user_profile ALTER COLUMN user_id TYPE VARCHAR(512) COLLATE \"C\"",
            "ALTER TABLE user_attribute ALTER COLUMN customer_id TYPE VARCHAR(64) COLLATE \"C\"",
            "ALTER TABLE user_attribute ALTER COLUMN user_id TYPE VARCHAR(512) COLLATE \"C\"",
            "ALTER TABLE user_attribute ALTER COLUMN source TYPE VARCHAR(64) COLLATE \"C\"",
            "ALTER TABLE user_attribute ALTER COLUMN attr_key TYPE VARCHAR(128) COLLATE \"C\"");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "identifiers compare bytewise";
    }

    @Override
    public Integer getChecksum() {
        return POSTGRESQL.hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (SqlDialect.of(connection.getMetaData().getURL()) != SqlDialect.POSTGRESQL) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : POSTGRESQL) {
                statement.execute(sql);
            }
        }
    }
}
