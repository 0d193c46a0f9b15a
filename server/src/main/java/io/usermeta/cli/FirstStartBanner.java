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

    /** {@code givenDatabaseUrl} is empty for the default database, which needs no {@code --db}. */
    static void print(PrintWriter out, String key, String host, int port, Optional<String> givenDatabaseUrl) {
        String database = givenDatabaseUrl.map(url -> " --db " + shellQuoted(url)).orElse("");
        out.println(RULE);
        out.println("  New database: created customer " + FIRST_CUSTOMER + ". Its license key is");
        out.println();
        out.println("    " + key);
        out.println();
        out.println("  It is shown only now. Use it as the password of HTTP Basic auth, e.g.");
        out.println("    curl -u '" + FIRST_CUSTOMER + ":" + key + "' http://" + clientHost(host) + ":" + port
                + "/api/" + FIRST_CUSTOMER + "/registration/user/u-1");
        out.println("  Replace it with: bin/usermeta customer rotate-key " + FIRST_CUSTOMER + database);
        out.println(RULE);
        out.flush();
    }

    /** A server listening on every address is reached on this machine as localhost. */
    private static String clientHost(String host) {
        boolean everyAddress = host.equals("0.0.0.0") || host.equals("::");
        return everyAddress ? "localhost" : host;
    }

    private static String shellQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
