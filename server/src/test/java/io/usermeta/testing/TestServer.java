package io.usermeta.testing;

import io.usermeta.auth.LicenseKeys;
import io.usermeta.config.DatabaseConfig;
import io.usermeta.config.ServerConfig;
import io.usermeta.core.Limits;
import io.usermeta.server.UsermetaServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real usermeta server for tests: Grizzly on a random port over a fresh database (an H2 file in a
 * temporary directory, or a schema of its own on PostgreSQL), with one customer whose license key
 * contains a colon.
 */
public final class TestServer implements AutoCloseable {
    public static final String CUSTOMER = "00000";
    public static final String LICENSE_KEY = "test-key:with-colon";

    private static final AtomicInteger NEXT_CUSTOMER = new AtomicInteger();

    private final Path directory;
    private final TestDatabase.Created database;
    private final UsermetaServer server;

    private TestServer(Path directory, TestDatabase.Created database, UsermetaServer server) {
        this.directory = directory;
        this.database = database;
        this.server = server;
    }

    public static TestServer start() {
        return start(Limits.defaults());
    }

    public static TestServer start(Limits limits) {
        return start(limits, TestDatabase.H2);
    }

    /** A server with {@code limits} over a new, empty database of the {@code kind} given. */
    public static TestServer start(Limits limits, TestDatabase kind) {
        try {
            Path directory = Files.createTempDirectory("usermeta-test");
            TestDatabase.Created database = kind.create(directory);
            return new TestServer(directory, database, UsermetaServer.start(config(database.url(), limits)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configuration a test server runs with, on any free port. */
    public static ServerConfig config(String databaseUrl, Limits limits) {
        return config(databaseUrl, limits, CUSTOMER + ":" + LICENSE_KEY);
    }

    /** The same with another bootstrap customer ({@code ID:KEY}), or none when {@code null}. */
    public static ServerConfig config(String databaseUrl, Limits limits, String bootstrapCustomer) {
        return new ServerConfig("127.0.0.1", 0, DatabaseConfig.of(databaseUrl, 8), limits, 5, bootstrapCustomer);
    }

    public static String databaseUrl(Path directory) {
        return ServerConfig.h2File(directory.resolve("usermeta").toString());
    }

    /** The JDBC URL of this server's database, for a second connection such as the command line. */
    public String databaseUrl() {
        return database.url();
    }

    public URI baseUri() {
        return server.baseUri();
    }

    public int port() {
        return server.port();
    }

    public UsermetaServer server() {
        return server;
    }

    /** A client authenticated as the test customer. */
    public HttpApi api() {
        return new HttpApi(baseUri(), CUSTOMER, LICENSE_KEY);
    }

    /** A client for a customer added just now, so a test can start from a customer with no users. */
    public HttpApi newCustomer() {
        String customerId = "c" + NEXT_CUSTOMER.incrementAndGet();
        String licenseKey = "key-of-" + customerId;
        server.customers().add(customerId, LicenseKeys.hash(licenseKey));
        return new HttpApi(baseUri(), customerId, licenseKey);
    }

    public Path directory() {
        return directory;
    }

    /** Stops the server, then drops its database and deletes its temporary directory. */
    @Override
    public void close() {
        server.close();
        database.drop();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
