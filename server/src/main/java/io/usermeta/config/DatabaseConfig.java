package io.usermeta.config;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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

    /**
     * The page cache of an embedded H2 database, in KiB: a quarter of the heap the JVM may use, and
     * never less than H2's own default of 64 MiB. Distributions and segment counts read whole index
     * ranges of a key; with H2's default cache, those of a million users no longer fit and every
     * query would decode the same pages from the file again.
     */
    public static final long H2_CACHE_KIB = Math.max(65_536, Runtime.getRuntime().maxMemory() / 4 / 1024);

    /**
     * What usermeta needs of an H2 file database: other processes (the command line) may open it
     * while the server runs, each commit is written through at once so a killed process loses
     * nothing it acknowledged, and writers of one row wait for each other instead of failing fast.
     */
    private static final Map<String, String> H2_FILE_SETTINGS = h2FileSettings();

    /** {@code jdbc:h2:} followed by {@code file:} or a path: not {@code mem:}, {@code tcp:} or {@code ssl:}. */
    private static final Pattern H2_FILE_URL = Pattern.compile("(?i)jdbc:h2:(file:|[.~/\\\\]|[a-z]:[/\\\\]).*");

    /** A database at {@code url} without credentials, with the default timeout. */
    public static DatabaseConfig of(String url, int poolSize) {
        return new DatabaseConfig(url, null, null, poolSize, DEFAULT_CONNECTION_TIMEOUT_MILLIS);
    }

    /** The same database with another connection timeout. */
    public DatabaseConfig withConnectionTimeout(long millis) {
        return new DatabaseConfig(url, user, password, poolSize, millis);
    }

    /**
     * {@code url} with {@code AUTO_SERVER=TRUE}, {@code WRITE_DELAY=0}, {@code LOCK_TIMEOUT=10000},
     * {@code REUSE_SPACE=FALSE} and {@code CACHE_SIZE} ({@link #H2_CACHE_KIB}) added when it names an
     * H2 file database, except for those it sets
     * itself (in any case). Other URLs are returned unchanged: an in-memory or remote H2 database
     * cannot take these settings.
     *
     * <p>AUTO_SERVER lets the command line open the file while the server runs; WRITE_DELAY=0 writes
     * each commit through; LOCK_TIMEOUT lets writers of one row wait for each other. REUSE_SPACE=FALSE
     * makes H2 append to its file instead of writing into freed space: H2 2.5, killed during a burst
     * of commits, could otherwise reopen without the newest of them. The file then grows while the
     * server runs, and the server compacts it at a clean stop.
     */
    public static String withRequiredSettings(String url) {
        if (!H2_FILE_URL.matcher(url).matches()) {
            return url;
        }
        Set<String> given = settingNames(url);
        StringBuilder effective = new StringBuilder(url.endsWith(";") ? url.substring(0, url.length() - 1) : url);
        H2_FILE_SETTINGS.forEach((name, value) -> {
            if (!given.contains(name)) {
                effective.append(';').append(name).append('=').append(value);
            }
        });
        return effective.toString();
    }

    private static Set<String> settingNames(String url) {
        String[] parts = url.split(";");
        Set<String> names = new HashSet<>();
        for (int i = 1; i < parts.length; i++) {
            names.add(parts[i].split("=", 2)[0].trim().toUpperCase(Locale.ROOT));
        }
        return names;
    }

    private static Map<String, String> h2FileSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("AUTO_SERVER", "TRUE");
        settings.put("WRITE_DELAY", "0");
        settings.put("LOCK_TIMEOUT", "10000");
        settings.put("REUSE_SPACE", "FALSE");
        settings.put("CACHE_SIZE", String.valueOf(H2_CACHE_KIB));
        return settings;
    }
}
