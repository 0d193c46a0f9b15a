package io.usermeta.cli;

import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;
import io.usermeta.store.Database;
import io.usermeta.store.StoreException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.flywaydb.core.api.FlywayException;

/** One-line explanations of the failures an operator causes and can fix, for the command line. */
final class FailureMessages {
    /** H2's "database may be already in use": another process opened the file without AUTO_SERVER. */
    private static final int H2_DATABASE_IN_USE = 90020;
    /** SQLSTATE 42501: the user lacks a privilege, such as creating tables in its schema. */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    /** PostgreSQL starts a message with its severity, which says nothing an operator can act on. */
    private static final Pattern SEVERITY = Pattern.compile("^(FATAL|ERROR|PANIC): ");

    private FailureMessages() {}

    /** What went wrong and what to do, or empty when {@code failure} is not one an operator fixes. */
    static Optional<String> explain(Throwable failure) {
        if (isDatabaseFailure(failure)) {
            return Optional.of(explainDatabase(failure));
        }
        if (failure instanceof UncheckedIOException) {
            return Optional.of(failure.getMessage() + ": " + explainIo(failure.getCause()));
        }
        if (failure instanceof IllegalArgumentException) {
            return Optional.of(failure.getMessage());
        }
        return Optional.empty();
    }

    private static boolean isDatabaseFailure(Throwable failure) {
        return failure instanceof StoreException || failure instanceof PoolInitializationException
                || failure instanceof FlywayException || sqlCause(failure).isPresent();
    }

    private static String explainDatabase(Throwable failure) {
        Optional<SQLException> cause = sqlCause(failure);
        if (cause.isPresent() && cause.get().getErrorCode() == H2_DATABASE_IN_USE) {
            return "cannot open the database: another process has it open; stop that process, or let both"
                    + " share it with AUTO_SERVER=TRUE in the URL of each";
        }
        if (cause.isPresent() && Database.refusesCredentials(cause.get())) {
            return "the database refused the credentials (" + firstLine(cause.get()) + "); check --db-user and"
                    + " --db-password (USERMETA_DB_USER, USERMETA_DB_PASSWORD) or the user and password in the URL";
        }
        if (cause.isPresent() && INSUFFICIENT_PRIVILEGE.equals(cause.get().getSQLState())) {
            return "cannot use the database: " + firstLine(cause.get()) + "; the database user must be allowed to"
                    + " create tables in its schema (on PostgreSQL 15 and later, make it the database's owner)";
        }
        return "cannot use the database: " + firstLine(cause.isPresent() ? cause.get() : failure);
    }

    private static String explainIo(Throwable cause) {
        if (cause instanceof BindException && String.valueOf(cause.getMessage()).contains("in use")) {
            return "address in use; choose another with --port";
        }
        return cause == null ? "input/output error" : firstLine(cause);
    }

    private static Optional<SQLException> sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return Optional.of(sql);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * The message's first line, without PostgreSQL's leading severity or H2's trailing
     * {@code [code-version]}, and lower-cased in front.
     */
    private static String firstLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        String line = SEVERITY.matcher(message.lines().findFirst().orElse("")).replaceFirst("")
                .replaceFirst("\\s*\\[\\d+-\\d+]$", "");
        return line.isEmpty() ? line : line.substring(0, 1).toLowerCase(Locale.ROOT) + line.substring(1);
    }
}
