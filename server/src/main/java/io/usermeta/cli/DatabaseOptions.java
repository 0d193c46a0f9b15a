package io.usermeta.cli;

import io.usermeta.config.DatabaseConfig;
import io.usermeta.config.ServerConfig;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the database is; shared by every command. */
final class DatabaseOptions {
    private static final String IN_MEMORY_H2 = "jdbc:h2:mem:";

    @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = "${env:USERMETA_DB}",
            description = "JDBC URL of the database (env USERMETA_DB; default the H2 file data/usermeta under"
                    + " USERMETA_HOME, which bin/usermeta sets to the project root).")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "${env:USERMETA_DB_USER}",
            description = "Database user (env USERMETA_DB_USER).")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD", defaultValue = "${env:USERMETA_DB_PASSWORD}",
            description = "Database password (env USERMETA_DB_PASSWORD; prefer the variable, flags show in ps).")
    String password;

    @Option(names = "--db-timeout", paramLabel = "MILLIS",
            defaultValue = "${env:USERMETA_DB_TIMEOUT_MS:-10000}",
            description = "How long a request waits for a database connection before a 503"
                    + " (env USERMETA_DB_TIMEOUT_MS; default ${DEFAULT-VALUE}).")
    long timeoutMillis;

    /**
     * The database these options name, with a pool of {@code poolSize} connections. An H2 file URL
     * gets the settings usermeta relies on, so that serve and the customer commands open it alike.
     */
    DatabaseConfig config(int poolSize) {
        String chosen = givenUrl().map(DatabaseConfig::withRequiredSettings).orElse(ServerConfig.DEFAULT_DATABASE_URL);
        return new DatabaseConfig(chosen, user, password, poolSize, timeoutMillis);
    }

    /**
     * The options another command needs to open the same database, for hints printed to the
     * operator: {@code --db} and {@code --db-user} when given, never the password. Empty for an H2
     * database in memory, which no other process can open.
     */
    Optional<String> asArguments() {
        boolean inMemory = givenUrl()
                .filter(given -> given.regionMatches(true, 0, IN_MEMORY_H2, 0, IN_MEMORY_H2.length())).isPresent();
        if (inMemory) {
            return Optional.empty();
        }
        String arguments = givenUrl().map(given -> " --db " + shellQuoted(given)).orElse("");
        return Optional.of(user == null || user.isBlank() ? arguments : arguments + " --db-user " + shellQuoted(user));
    }

    private static String shellQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** The URL as given with {@code --db} or {@code USERMETA_DB}, or empty for the default database. */
    Optional<String> givenUrl() {
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url);
    }
}
