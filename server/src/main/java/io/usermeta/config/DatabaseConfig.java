package io.usermeta.config;

/**
 * Where the store is and how the server uses it.
 *
 * @param url the JDBC URL
 * @param user the database user, or {@code null}
 * @param password the database password, or {@code null}
 * @param poolSize the most connections held at once
 * @param connectionTimeoutMillis how long a request waits for a connection before the server answers 503
 */
public record DatabaseConfig(String url, String user, String password, int poolSize, long connectionTimeoutMillis) {
    public static final long DEFAULT_CONNECTION_TIMEOUT_MILLIS = 10_000;

    /** A database at {@code url} without credentials, with the default timeout. */
    public static DatabaseConfig of(String url, int poolSize) {
        return new DatabaseConfig(url, null, null, poolSize, DEFAULT_CONNECTION_TIMEOUT_MILLIS);
    }

    /** The same database with another connection timeout. */
    public DatabaseConfig withConnectionTimeout(long millis) {
        return new DatabaseConfig(url, user, password, poolSize, millis);
    }
}
