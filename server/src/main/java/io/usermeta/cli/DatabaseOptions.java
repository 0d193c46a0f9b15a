package io.usermeta.cli;

import io.usermeta.config.DatabaseConfig;
import io.usermeta.config.ServerConfig;
import picocli.CommandLine.Option;

/** Where the database is; shared by every command. */
final class DatabaseOptions {
    @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = "${env:USERMETA_DB}",
            description = "JDBC URL of the database (env USERMETA_DB; default an H2 file under ./data).")
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

    /** The database these options name, with a pool of {@code poolSize} connections. */
    DatabaseConfig config(int poolSize) {
        String chosen = url == null || url.isBlank() ? ServerConfig.DEFAULT_DATABASE_URL : url;
        return new DatabaseConfig(chosen, user, password, poolSize, timeoutMillis);
    }
}
