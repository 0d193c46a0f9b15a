package io.usermeta.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.config.DatabaseConfig;
import io.usermeta.config.ServerConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows written before a schema upgrade get what later versions keep for them: typed copies, value counts. */
class SchemaUpgradeTest {
    @TempDir
    Path directory;

    /** A database at schema version 2 opens at version 3 with every old row's typed copies filled in. */
    @Test
    void existingRowsGetTheirTypedCopies() throws SQLException {
        String url = ServerConfig.h2File(directory.resolve("old").toString());
        Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration")
                .javaMigrations(new BytewiseIdentifiers()).target("2").load().migrate();
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO user_profile VALUES ('c1', 'u1', CURRENT_TIMESTAMP)");
            statement.execute("INSERT INTO user_attribute VALUES ('c1', 'u1', 'web', 0, 'age', 'NUMERIC', '42.50'),"
                    + " ('c1', 'u1', 'web', 1, 'born', 'DATETIME', '1984-03-17T24:00:00'),"
                    + " ('c1', 'u1', 'web', 2, 'note', 'TEXT', 'Großes HAUS')");
        }

        try (Database database = Database.open(DatabaseConfig.of(url, 2))) {
            database.inTransaction(connection -> {
                try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                        "SELECT match_value, num_value, date_value, folded_value FROM user_attribute"
                                + " ORDER BY position")) {
                    rows.next();
                    assertThat(rows.getString(1)).isEqualTo("42.50");
                    assertThat(rows.getBigDecimal(2)).isEqualByComparingTo(new BigDecimal("42.5"));
                    rows.next();
                    assertThat(rows.getObject(3, LocalDateTime.class)).isEqualTo(LocalDateTime.of(1984, 3, 18, 0, 0));
                    rows.next();
                    assertThat(rows.getString(4)).isEqualTo("großes haus");
                    assertThat(rows.getBigDecimal(2)).isNull();
                }
                return null;
            });
        }
    }

    /**
     * A database at schema version 3 opens at version 4 with users counted per NOMINAL and TEXT value
     * and key, per source and over all sources, a user with a value in two sources once.
     */
    @Test
    void existingRowsAreCountedPerValue() throws SQLException {
        String url = ServerConfig.h2File(directory.resolve("counts").toString());
        Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration")
                .javaMigrations(new BytewiseIdentifiers(), new TypedValues()).target("3").load().migrate();
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO user_attribute (customer_id, user_id, source, position, attr_key, attr_type,"
                    + " attr_value, match_value) VALUES ('c1', 'u1', 'web', 0, 'sex', 'NOMINAL', 'F', 'F'),"
                    + " ('c1', 'u1', 'app', 0, 'sex', 'NOMINAL', 'F', 'F'), ('c1', 'u2', 'app', 0, 'sex', 'NOMINAL',"
                    + " 'M', 'M'), ('c1', 'u2', 'app', 1, 'age', 'NUMERIC', '7', '7')");
        }

        try (Database database = Database.open(DatabaseConfig.of(url, 2))) {
            List<String> counts = database.inTransaction(connection -> {
                List<String> found = new ArrayList<>();
                try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                        "SELECT scope, match_value, users FROM value_users UNION ALL"
                                + " SELECT scope, '*', users FROM key_users ORDER BY 1, 2")) {
                    while (rows.next()) {
                        found.add(rows.getString(1) + "/" + rows.getString(2) + "=" + rows.getLong(3));
                    }
                }
                return found;
            });
            assertThat(counts).containsExactly("/*=2", "/F=1", "/M=1", "app/*=2", "app/F=1", "app/M=1", "web/*=1",
                    "web/F=1");
        }
    }
}
