package io.usermeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.config.DatabaseConfig;
import io.usermeta.testing.HttpApi;
import io.usermeta.testing.ServerProcess;
import io.usermeta.testing.TestPostgres;
import io.usermeta.testing.UserAttribute;
import io.usermeta.testing.UsermetaProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Database credentials given apart from the URL, by flag or by environment, reach PostgreSQL; and
 * credentials it refuses stop a command at once with one line that says so, the password in no
 * output. Each test logs in as a role of its own, whose password the test server checks (SCRAM).
 */
class DatabaseCredentialsIT {
    /** Characters a URL parameter could not carry as they are, which is what the separate options are for. */
    private static final String PASSWORD = "se:cret&pass;word";
    private static final String WRONG_PASSWORD = "wrong:guess&of;it";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    /** How long the pool waits for a database that does not let it in; a refusal must end a command sooner. */
    private static final Duration POOL_WAIT = Duration.ofMillis(DatabaseConfig.DEFAULT_CONNECTION_TIMEOUT_MILLIS);
    private static final Map<String, List<UserAttribute>> USERS =
            Map.of("u-1", List.of(UserAttribute.nominal("tier", "gold")));

    @TempDir
    Path directory;

    private String schema;
    private String role;
    private String url;

    @BeforeEach
    void createRole() {
        schema = TestPostgres.freshSchema();
        role = TestPostgres.createLoginRole(schema, PASSWORD);
        url = TestPostgres.schemaUrlWithoutCredentials(schema);
    }

    @AfterEach
    void dropRole() {
        TestPostgres.dropSchema(schema);
        TestPostgres.dropRole(role);
    }

    /** {@code serve} logs in with the user and password of {@code --db-user} and {@code --db-password}. */
    @Test
    void flagsGiveTheCredentials() {
        String output = serveRoundTrip(Map.of(), "--db", url, "--db-user", role, "--db-password", PASSWORD);

        assertThat(output).contains("Opening database " + url).doesNotContain(PASSWORD);
    }

    /**
     * {@code serve} without options takes the database, user and password from {@code USERMETA_DB},
     * {@code USERMETA_DB_USER} and {@code USERMETA_DB_PASSWORD}, and opens no default H2 file.
     */
    @Test
    void environmentGivesTheDatabaseAndCredentials() {
        Map<String, String> environment = Map.of("USERMETA_DB", url, "USERMETA_DB_USER", role,
                "USERMETA_DB_PASSWORD", PASSWORD, "USERMETA_HOME", directory.toString());

        String output = serveRoundTrip(environment);

        assertThat(output).contains("Opening database " + url).doesNotContain(PASSWORD);
        assertThat(directory.resolve("data")).as("the default database's directory").doesNotExist();
    }

    /** A wrong {@code --db-password} ends {@code serve} at once with exit code 1 and one line saying why. */
    @Test
    void wrongPasswordEndsServeAtOnceInOneLine() {
        UsermetaProcess.Ended serve = run(Map.of(), "serve", "--host", "127.0.0.1", "--port", "0",
                "--db", url, "--db-user", role, "--db-password", WRONG_PASSWORD);

        assertRefusedInOneLine(serve);
    }

    /** A wrong {@code USERMETA_DB_PASSWORD} ends {@code customer list} at once with exit code 1 and one line. */
    @Test
    void wrongPasswordFromTheEnvironmentEndsCustomerListAtOnceInOneLine() {
        UsermetaProcess.Ended list = run(Map.of("USERMETA_DB_PASSWORD", WRONG_PASSWORD),
                "customer", "list", "--db", url, "--db-user", role);

        assertRefusedInOneLine(list);
    }

    /** A wrong password in the URL is refused alike, and the URL is shown with user and password hidden. */
    @Test
    void wrongPasswordInTheUrlIsRefusedAndNeverShown() {
        String wrongInUrl = "wrong-in-url";

        UsermetaProcess.Ended list = run(Map.of(), "customer", "list",
                "--db", url + "&user=" + role + "&password=" + wrongInUrl);

        assertRefusedInOneLine(list);
        assertThat(list.errors()).contains("user=***&password=***").doesNotContain(wrongInUrl);
    }

    /**
     * Starts {@code serve} with the environment variables and options given, posts {@link #USERS}
     * and reads them back, stops it, and returns all it wrote.
     */
    private String serveRoundTrip(Map<String, String> environment, String... options) {
        try (ServerProcess server = ServerProcess.startWith(environment, directory.resolve("serve.log"), options)) {
            HttpApi api = server.api();
            assertThat(api.postUsers("crm", USERS).statusCode()).isEqualTo(204);
            assertThat(api.getUsers("crm", USERS.keySet())).isEqualTo(USERS);
            return server.process().output();
        }
    }

    private UsermetaProcess.Ended run(Map<String, String> environment, String... args) {
        return UsermetaProcess.run(directory, environment, COMMAND_TIMEOUT, args);
    }

    /**
     * Exit code 1 sooner than the pool would wait, one {@code usermeta:} line on stderr that says the
     * database refused the credentials of the role, no stack trace, and neither password anywhere.
     */
    private void assertRefusedInOneLine(UsermetaProcess.Ended ended) {
        assertThat(ended.exitCode()).as(ended.errors()).isEqualTo(1);
        assertThat(ended.errors().lines().filter(line -> line.startsWith("usermeta:")))
                .singleElement().asString()
                .startsWith("usermeta: the database refused the credentials (")
                .contains(role);
        assertThat(ended.took()).as("time to exit, the JVM's start included").isLessThan(POOL_WAIT);
        assertThat(ended.errors()).doesNotContain("Exception").doesNotContainPattern("(?m)^\\s+at ");
        assertThat(ended.output() + ended.errors()).doesNotContain(PASSWORD, WRONG_PASSWORD);
    }
}
