package io.usermeta.config;

import io.usermeta.core.Limits;

/**
 * Everything a server instance needs to start.
 *
 * @param host the address to listen on
 * @param port the port, 0 for any free one
 * @param database where the store is and how it is used
 * @param limits the API's size limits
 * @param shutdownGraceSeconds how long a stopping server lets requests in flight finish
 * @param bootstrapCustomer {@code ID:KEY} of a customer to create or update at start, or {@code null}
 */
public record ServerConfig(
        String host,
        int port,
        DatabaseConfig database,
        Limits limits,
        int shutdownGraceSeconds,
        String bootstrapCustomer) {

    /** The embedded H2 database used when no URL is configured: a file under {@code ./data}. */
    public static final String DEFAULT_DATABASE_URL = h2File("./data/usermeta");

    /**
     * An H2 file database that other processes (the command line) may open while the server runs,
     * that writes each commit through at once and always appends to the file, so a killed process
     * loses nothing committed, and that lets writers of one row wait for each other instead of
     * failing fast. (Writing into freed space, H2 2.5 could reopen after a kill during a burst of
     * commits without the newest of them; appending costs file size until the next clean stop.)
     */
    public static String h2File(String path) {
        return "jdbc:h2:file:" + path + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000;REUSE_SPACE=FALSE";
    }
}
