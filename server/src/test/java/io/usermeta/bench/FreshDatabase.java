package io.usermeta.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** An empty database for one benchmark run, removed when closed; no run sees another run's data. */
abstract class FreshDatabase implements AutoCloseable {
    /** The JDBC URL the server is given. */
    abstract String url();

    /** What the database takes on disk; read after the server has stopped. */
    abstract long sizeBytes() throws SQLException;

    /** The database product and version, for the report. */
    abstract String product() throws SQLException;

    @Override
    public abstract void close() throws SQLException;

    /** A new H2 file database in a directory of its own under {@code workDirectory}. */
    static FreshDatabase h2(Path workDirectory, String name) {
        return new H2File(workDirectory.toAbsolutePath().resolve(name));
    }

    /**
     * A new database {@code name} in the PostgreSQL cluster of {@code adminUrl}, whose user may create
     * databases. The server reaches it by the same URL with the database name replaced.
     */
    static FreshDatabase postgres(String adminUrl, String name) throws SQLException {
        Postgres database = new Postgres(adminUrl, name);
        database.execute("CREATE DATABASE " + name);
        return database;
    }

    /** H2 in a directory that is deleted with everything in it. */
    private static final class H2File extends FreshDatabase {
        private final Path directory;

        H2File(Path directory) {
            deleteRecursively(directory);
            this.directory = directory;
        }

        @Override
        String url() {
            return "jdbc:h2:file:" + directory.resolve("usermeta");
        }

        @Override
        long sizeBytes() {
            try (Stream<Path> files = Files.walk(directory)) {
                return files.filter(Files::isRegularFile).mapToLong(H2File::size).sum();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        String product() throws SQLException {
            // An in-memory database of the same driver: opening the file would race the server for it.
            try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:version")) {
                return "H2 " + connection.getMetaData().getDatabaseProductVersion() + " (file)";
            }
        }

        @Override
        public void close() {
            deleteRecursively(directory);
        }

        private static long size(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void deleteRecursively(Path directory) {
            if (!Files.exists(directory)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A database of its own in a PostgreSQL cluster, dropped on close. */
    private static final class Postgres extends FreshDatabase {
        private static final Pattern DATABASE_IN_URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(.*)");

        private final String adminUrl;
        private final String name;
        private final String url;

        Postgres(String adminUrl, String name) {
            Matcher parts = DATABASE_IN_URL.matcher(adminUrl);
            if (!parts.matches() || !name.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("need jdbc:postgresql://HOST:PORT/DATABASE… and a plain name");
            }
            this.adminUrl = adminUrl;
            this.name = name;
            this.url = parts.group(1) + name + parts.group(3);
        }

        @Override
        String url() {
            return url;
        }

        @Override
        long sizeBytes() throws SQLException {
            try (Connection connection = DriverManager.getConnection(adminUrl);
                    PreparedStatement size = connection.prepareStatement("SELECT pg_database_size(?)")) {
                size.setString(1, name);
                try (ResultSet result = size.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        }

        @Override
        String product() throws SQLException {
            try (Connection connection = DriverManager.getConnection(adminUrl)) {
                return "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion();
            }
        }

        @Override
        public void close() throws SQLException {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }

        private void execute(String sql) throws SQLException {
            try (Connection connection = DriverManager.getConnection(adminUrl);
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }
}
