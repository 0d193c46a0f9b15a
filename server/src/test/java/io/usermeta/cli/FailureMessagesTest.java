package io.usermeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;
import io.usermeta.store.StoreException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Failures an operator can fix become one line that says what to do; bugs are left to the stack trace. */
class FailureMessagesTest {
    /** A port in use names the port and the flag to change. */
    @Test
    void portInUseNamesTheFlag() {
        UncheckedIOException failure =
                new UncheckedIOException("cannot listen on port 8080", new BindException("Address already in use"));

        assertThat(FailureMessages.explain(failure))
                .contains("cannot listen on port 8080: address in use; choose another with --port");
    }

    /** A database another process holds says how to share it. */
    @Test
    void databaseInUseGivesAHint() {
        SQLException inUse = new SQLException("Database may be already in use: \"locked\" [90020-252]", "90020", 90020);

        assertThat(FailureMessages.explain(new PoolInitializationException(inUse))).hasValueSatisfying(message ->
                assertThat(message).contains("another process has it open", "AUTO_SERVER=TRUE"));
    }

    /** Another database failure gives the driver's first line, without H2's error code suffix. */
    @Test
    void databaseFailureGivesTheDriversFirstLine() {
        SQLException noTable = new SQLException("Table \"CUSTOMER\" not found [42102-252]\nmore", "42S02", 42102);

        assertThat(FailureMessages.explain(new StoreException("database operation failed", noTable, false)))
                .contains("cannot use the database: table \"CUSTOMER\" not found");
    }

    /** A user that may not create usermeta's tables is told which right it lacks. */
    @Test
    void missingCreateRightGivesAHint() {
        SQLException denied = new SQLException("ERROR: permission denied for schema public", "42501");

        assertThat(FailureMessages.explain(new StoreException("migration failed", denied, false))).hasValueSatisfying(
                message -> assertThat(message).contains("permission denied for schema public", "create tables"));
    }

    /** PostgreSQL's leading severity is left out of the driver's line. */
    @Test
    void postgresSeverityIsLeftOut() {
        SQLException noDatabase = new SQLException("FATAL: database \"usermta\" does not exist", "3D000");

        assertThat(FailureMessages.explain(new PoolInitializationException(noDatabase)))
                .contains("cannot use the database: database \"usermta\" does not exist");
    }

    /** Credentials PostgreSQL refuses are named as such, with the options and variables that give them. */
    @Test
    void refusedCredentialsSayWhatToCheck() {
        SQLException refused = new SQLException("FATAL: password authentication failed for user \"app\"", "28P01");

        assertThat(FailureMessages.explain(new StoreException("the database refused the credentials", refused, false)))
                .contains("the database refused the credentials (password authentication failed for user \"app\");"
                        + " check --db-user and --db-password (USERMETA_DB_USER, USERMETA_DB_PASSWORD) or the user"
                        + " and password in the URL");
    }

    /** H2's wrong user name or password is refused credentials too. */
    @Test
    void h2WrongPasswordIsRefusedCredentials() {
        SQLException wrongPassword = new SQLException("Wrong user name or password [28000-252]", "28000", 28000);

        assertThat(FailureMessages.explain(new PoolInitializationException(wrongPassword))).hasValueSatisfying(
                message -> assertThat(message).startsWith("the database refused the credentials (wrong user name"));
    }

    /** A bad setting is its own message. */
    @Test
    void badSettingIsItsMessage() {
        assertThat(FailureMessages.explain(new IllegalArgumentException("port 70000 is out of range")))
                .contains("port 70000 is out of range");
    }

    /** Anything else is not explained, so that its stack trace is kept. */
    @Test
    void unexpectedFailureIsNotExplained() {
        assertThat(FailureMessages.explain(new NullPointerException())).isEmpty();
    }
}
