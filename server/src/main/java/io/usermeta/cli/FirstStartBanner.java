package io.usermeta.cli;

import io.usermeta.server.UsermetaServer;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * The license key of the customer a new database starts with, shown once on stdout after the
 * server listens, never in the log: license keys do not belong in log files.
 */
final class FirstStartBanner {
    private static final String FIRST_CUSTOMER = UsermetaServer.FIRST_CUSTOMER;
    private static final String RULE = "=".repeat(72);

    private FirstStartBanner() {}

    /**
     * {@code databaseArguments} are the options that name the database to another command (an empty
     * string for the default database), or empty when no other command can open it; a password, if
     * one is needed, comes from USERMETA_DB_PASSWORD.
     */
    static void print(PrintWriter out, String key, String host, int port, Optional<String> databaseArguments) {
        out.println(RULE);
        out.println("  New database: created customer " + FIRST_CUSTOMER + ". Its license key is");
        out.println();
        out.println("    " + key);
        out.println();
        out.println("  It is shown only now. Use it as the password of HTTP Basic auth, e.g.");
        out.println("    curl -u '" + FIRST_CUSTOMER + ":" + key + "' http://" + clientHost(host) + ":" + port
                + "/api/" + FIRST_CUSTOMER + "/registration/user/u-1");
        out.println(databaseArguments
                .map(arguments -> "  Replace it with: bin/usermeta customer rotate-key " + FIRST_CUSTOMER + arguments)
                .orElse("  The database is in memory: it and this key last as long as this server."));
        out.println(RULE);
        out.flush();
    }

    /** A server listening on every address is reached on this machine as localhost. */
    private static String clientHost(String host) {
        boolean everyAddress = host.equals("0.0.0.0") || host.equals("::");
        return everyAddress ? "localhost" : host;
    }
}
