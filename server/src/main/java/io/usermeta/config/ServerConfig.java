package io.usermeta.config;

import io.usermeta.core.Limits;
import java.nio.file.Path;

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

    /**
     * The embedded H2 database used when no URL is configured: {@code data/usermeta} under
     * {@code USERMETA_HOME}, which {@code bin/usermeta} sets to the project root so that the data
     * does not depend on the directory the command runs in; under the working directory without it.
     */
    public static final String DEFAULT_DATABASE_URL = defaultDatabaseUrl(System.getenv("USERMETA_HOME"));

    private static final int LAST_PORT = 65_535;

    public ServerConfig {
        if (port < 0 || port > LAST_PORT) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and " + LAST_PORT
                    + "; choose another with --port");
        }
    }

    /** The default database's URL for the given {@code USERMETA_HOME}, which may be {@code null}. */
    static String defaultDatabaseUrl(String home) {
        String root = home == null || home.isBlank() ? "." : home;
        return h2File(Path.of(root, "data", "usermeta").toString());
    }

    /** An H2 file database at {@code path} with the settings usermeta needs. */
    public static String h2File(String path) {
        return DatabaseConfig.withRequiredSettings("jdbc:h2:file:" + path);
    }
}
