package io.usermeta.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The PostgreSQL server that tests run against. {@code USERMETA_TEST_POSTGRES_URL} names one (a JDBC
 * URL with a user and password, as {@code .ci/postgres.sh} exports it); without it, the first test
 * that needs PostgreSQL starts a throwaway cluster from the installed server binaries ({@code initdb}
 * and {@code pg_ctl}, as the {@code postgres} user when running as root) and the JVM stops it when it
 * exits. Without either, such tests fail and say what to install: skipping them would let a build
 * pass without ever touching the production database.
 *
 * <p>Each test database is a schema of its own, so tests share the server but never their tables.
 */
public final class TestPostgres {
    public static final String URL_VARIABLE = "USERMETA_TEST_POSTGRES_URL";
    public static final String BIN_VARIABLE = "USERMETA_TEST_POSTGRES_BIN";

    private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile("(?i)(user|password)=");

    private static String serverUrl;

    private TestPostgres() {
    }

    /** The JDBC URL of the server, with credentials; starts a throwaway cluster on first use if none is named. */
    public static synchronized String serverUrl() {
        if (serverUrl == null) {
            String named = System.getenv(URL_VARIABLE);
            serverUrl = named != null && !named.isBlank() ? named : ThrowawayCluster.start();
        }
        return serverUrl;
    }

    /** The name of a new, empty schema. */
    public static String freshSchema() {
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    /** A JDBC URL, with credentials, whose connections work in {@code schema}. */
    public static String schemaUrl(String schema) {
        return serverUrl() + (serverUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A JDBC URL, with credentials, whose connections work in a new, empty schema. */
    public static String freshSchemaUrl() {
        return schemaUrl(freshSchema());
    }

    /** A JDBC URL for {@code schema} without user or password, for credentials given apart from it. */
    public static String schemaUrlWithoutCredentials(String schema) {
        String url = schemaUrl(schema);
        int query = url.indexOf('?');
        String parameters = Arrays.stream(url.substring(query + 1).split("&"))
                .filter(parameter -> !CREDENTIAL_PARAMETER.matcher(parameter).lookingAt())
                .collect(Collectors.joining("&"));
        return url.substring(0, query + 1) + parameters;
    }

    /**
     * Creates a role that may log in with {@code password} and use and create objects in {@code
     * schema}, and returns its name. The throwaway cluster checks passwords on TCP with SCRAM, so a
     * wrong password is refused; drop the role with {@link #dropRole} after the schema.
     */
    public static String createLoginRole(String schema, String password) {
        String role = "test_role_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
        execute("GRANT ALL ON SCHEMA " + schema + " TO " + role);
        return role;
    }

    /** Drops a role made by {@link #createLoginRole}, with whatever it still owns. */
    public static void dropRole(String role) {
        execute("DROP OWNED BY " + role + " CASCADE");
        execute("DROP ROLE " + role);
    }

    /** Drops {@code schema} with everything in it. */
    public static void dropSchema(String schema) {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    /** Runs one statement as the superuser of the test server. */
    public static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql + " on the test PostgreSQL server", e);
        }
    }

    /** A cluster in a temporary directory, on a free port, that lives as long as this JVM. */
    private static final class ThrowawayCluster {
        private static final String USER = "usermeta";

        static String start() {
            Path bin = binaries();
            try {
                Path directory = Files.createTempDirectory("usermeta-pg",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
                String password = randomPassword();
                Path passwordFile = Files.writeString(directory.resolve("password"), password + "\n");
                if (isRoot()) {
                    run(List.of("chown", "-R", "postgres", directory.toString()));
                }
                Path data = directory.resolve("data");
                asServerUser(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                        "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=" + passwordFile,
                        "-E", "UTF8", "--locale=C.UTF-8"));
                int port = UsermetaProcess.freePort();
                asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                        "-l", directory.resolve("server.log").toString(), "-w", "-o",
                        "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1", "start"));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bin, directory)));
                return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + USER + "&password=" + password;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start a throwaway PostgreSQL cluster", e);
            }
        }

        private static String randomPassword() {
            byte[] bytes = new byte[16];
            new SecureRandom().nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }

        private static Path binaries() {
            String named = System.getenv(BIN_VARIABLE);
            if (named != null && !named.isBlank()) {
                return Path.of(named);
            }
            Path versions = Path.of("/usr/lib/postgresql");
            if (Files.isDirectory(versions)) {
                try (Stream<Path> installed = Files.list(versions)) {
                    List<Path> candidates = new ArrayList<>(installed
                            .map(version -> version.resolve("bin"))
                            .filter(dir -> Files.isExecutable(dir.resolve("initdb")))
                            .toList());
                    if (!candidates.isEmpty()) {
                        candidates.sort(null);
                        return candidates.get(candidates.size() - 1);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            throw new IllegalStateException("the PostgreSQL tests need a server: set " + URL_VARIABLE
                    + " to a JDBC URL with user and password, or install the server binaries"
                    + " (Debian: apt-get install postgresql-15), or name their directory in " + BIN_VARIABLE);
        }

        private static void stop(Path bin, Path directory) {
            try {
                asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(),
                        "-m", "immediate", "-w", "stop"));
            } finally {
                run(List.of("rm", "-rf", directory.toString()));
            }
        }

        private static boolean isRoot() {
            return "root".equals(System.getProperty("user.name"));
        }

        private static void asServerUser(List<String> command) {
            List<String> full = new ArrayList<>();
            if (isRoot()) {
                full.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            full.addAll(command);
            run(full);
        }

        private static void run(List<String> command) {
            try {
                Path output = Files.createTempFile("usermeta-pg-command", ".log");
                Process process = new ProcessBuilder(command).directory(Path.of("/").toFile())
                        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new IllegalStateException(command + " failed:\n"
                            + Files.readString(output, StandardCharsets.UTF_8));
                }
                Files.delete(output);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run " + command, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
