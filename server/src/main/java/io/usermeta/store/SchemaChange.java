package io.usermeta.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A schema version written in Java, for changes whose SQL differs between the databases or that
 * fill in data. Its checksum is the hash of the statements it was given, so Flyway notices when an
 * applied version's statements are edited afterwards.
 */
abstract class SchemaChange implements JavaMigration {
    private final MigrationVersion version;
    private final String description;
    private final int checksum;

    SchemaChange(String version, String description, Object statements) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
        this.checksum = statements.hashCode();
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return checksum;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public final void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        migrate(connection, SqlDialect.of(connection.getMetaData().getURL()));
    }

    /** Applies the change on {@code connection}, inside Flyway's transaction. */
    abstract void migrate(Connection connection, SqlDialect dialect) throws SQLException;

    static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
