package io.usermeta.server;

import io.usermeta.config.ServerConfig;
import io.usermeta.store.CustomerRepository;
import io.usermeta.store.Database;
import io.usermeta.store.JdbcCustomerRepository;
import io.usermeta.store.JdbcUserAttributeRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running usermeta server: Grizzly in front of the Jersey application, over one database. */
public final class UsermetaServer implements AutoCloseable {
    /** The customer a database without customers gets at its first start. */
    public static final String FIRST_CUSTOMER = CustomerBootstrap.FIRST_CUSTOMER;

    private static final Logger LOG = LoggerFactory.getLogger(UsermetaServer.class);
    private static final String LISTENER = "usermeta";
    /**
     * Request threads. Reading a body blocks its thread, so Grizzly's default of two per core would let
     * a few slow uploads stall every other client; the database pool still bounds concurrent work.
     */
    private static final int WORKERS = 64;
    /** Room for the headers next to the longest URI allowed. */
    private static final int HEADER_ROOM = 64 * 1024;

    private final HttpServer http;
    private final Database database;
    private final CustomerRepository customers;
    private final int shutdownGraceSeconds;
    private final String firstCustomerKey;

    private UsermetaServer(HttpServer http, Database database, CustomerRepository customers, int grace,
            Optional<String> firstCustomerKey) {
        this.http = http;
        this.database = database;
        this.customers = customers;
        this.shutdownGraceSeconds = grace;
        this.firstCustomerKey = firstCustomerKey.orElse(null);
    }

    /** Opens the database, migrates it and starts listening. */
    public static UsermetaServer start(ServerConfig config) {
        LOG.info("Opening database {}", Database.redact(config.database().url()));
        Database database = Database.open(config.database());
        try {
            CustomerRepository customers = new JdbcCustomerRepository(database);
            Optional<String> firstCustomerKey = CustomerBootstrap.run(customers, config.bootstrapCustomer());
            GrizzlyHttpContainer container = ContainerFactory.createContainer(GrizzlyHttpContainer.class,
                    UsermetaApplication.create(database, new JdbcUserAttributeRepository(database), customers,
                            config.limits()));
            HttpServer http = new HttpServer();
            NetworkListener listener = new NetworkListener(LISTENER, config.host(), config.port());
            listener.setMaxHttpHeaderSize(config.limits().maxUriLength() + HEADER_ROOM);
            listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                    .setPoolName("usermeta-worker").setCorePoolSize(WORKERS).setMaxPoolSize(WORKERS));
            http.addListener(listener);
            http.getServerConfiguration().addHttpHandler(new RawRequestGuard(container, config.limits()), "/");
            http.getServerConfiguration().setDefaultErrorPageGenerator(new XmlErrorPages());
            // Grizzly would answer a GET or DELETE that carries a body with a bare 400 and no error body;
            // HTTP allows such content, so the request goes on and the body is ignored.
            http.getServerConfiguration().setAllowPayloadForUndefinedHttpMethods(true);
            http.getServerConfiguration().setName("usermeta");
            http.start();
            UsermetaServer server = new UsermetaServer(http, database, customers, config.shutdownGraceSeconds(),
                    firstCustomerKey);
            LOG.info("usermeta listening on port {} ({}); customers: {}", server.port(), config.host(),
                    customers.count());
            return server;
        } catch (IOException e) {
            database.close();
            throw new UncheckedIOException("cannot listen on port " + config.port(), e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public int port() {
        return http.getListener(LISTENER).getPort();
    }

    /** The base URI for clients on this machine. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public CustomerRepository customers() {
        return customers;
    }

    public Database database() {
        return database;
    }

    /**
     * The license key generated for customer 00000 when this start found a database without
     * customers. The server never logs it; whoever started the server shows it to the operator once.
     */
    public Optional<String> firstCustomerKey() {
        return Optional.ofNullable(firstCustomerKey);
    }

    /** Stops accepting connections, lets requests in flight finish, then closes the database. */
    @Override
    public void close() {
        LOG.info("Stopping: finishing requests in flight, at most {} s", shutdownGraceSeconds);
        try {
            http.shutdown(shutdownGraceSeconds, TimeUnit.SECONDS).get(shutdownGraceSeconds + 5L, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Requests still running after {} s were cut off", shutdownGraceSeconds);
            http.shutdownNow();
        }
        database.closeAsOwner();
        LOG.info("usermeta stopped");
    }
}
