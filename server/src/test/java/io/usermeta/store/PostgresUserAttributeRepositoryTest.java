package io.usermeta.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.usermeta.config.DatabaseConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The attribute store on a real PostgreSQL server, each test in a schema of its own. The server is
 * named by {@code USERMETA_TEST_POSTGRES_URL}, which {@code .ci/run} sets after starting a throwaway
 * cluster; without it these tests are reported as skipped.
 */
class PostgresUserAttributeRepositoryTest extends UserAttributeRepositoryContract {
    static final String URL_VARIABLE = "USERMETA_TEST_POSTGRES_URL";

    @Override
    Database openDatabase() {
        String server = System.getenv(URL_VARIABLE);
        assumeTrue(server != null && !server.isBlank(), URL_VARIABLE + " names no PostgreSQL server");
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "");
        createSchema(server, schema);
        return Database.open(DatabaseConfig.of(server + "&currentSchema=" + schema, 4));
    }

    private static void createSchema(String server, String schema) {
        try (Connection connection = DriverManager.getConnection(server);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare a schema on " + server, e);
        }
    }
}
