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
        SQLException wrongPassword = new SQLException("Wrong user name or password [28000-252]\nmore", "28000", 28000);

        assertThat(FailureMessages.explain(new StoreException("database operation failed", wrongPassword, false)))
                .contains("cannot use the database: wrong user name or password");
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
