package io.usermeta.testing;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code usermeta serve} in a JVM of its own on a free port, with the test customer bootstrapped,
 * ready once {@code /health} answers 200.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final UsermetaProcess process;
    private final int port;

    private ServerProcess(UsermetaProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a server on {@code databaseUrl} with any further {@code serve} options, writing its output
     * to {@code output}, and waits until it is up.
     */
    public static ServerProcess start(String databaseUrl, Path output, String... options) {
        List<String> withDatabase = new ArrayList<>(List.of("--db", databaseUrl));
        withDatabase.addAll(List.of(options));
        return startWith(Map.of(), output, withDatabase.toArray(String[]::new));
    }

    /**
     * Starts a server with further environment variables and {@code serve} options, which name the
     * database themselves ({@code --db} or {@code USERMETA_DB}), and waits until it is up.
     */
    public static ServerProcess startWith(Map<String, String> environment, Path output, String... options) {
        int port = UsermetaProcess.freePort();
        List<String> args = new ArrayList<>(List.of("serve", "--host", "127.0.0.1", "--port", String.valueOf(port)));
        args.addAll(List.of(options));
        Map<String, String> withCustomer = new HashMap<>(environment);
        withCustomer.put("USERMETA_BOOTSTRAP_CUSTOMER", TestServer.CUSTOMER + ":" + TestServer.LICENSE_KEY);
        ServerProcess server = new ServerProcess(
                UsermetaProcess.start(output, withCustomer, args.toArray(String[]::new)), port);
        try {
            server.awaitHealthy();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitHealthy() {
        HttpApi health = api();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server process ended; output:\n" + process.output());
            }
            try {
                HttpResponse<String> response = health.get("/health");
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                pause();
            }
        }
        throw new IllegalStateException("no healthy server after " + START_TIMEOUT + "; output:\n" + process.output());
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A client authenticated as the test customer. */
    public HttpApi api() {
        return new HttpApi(baseUri(), TestServer.CUSTOMER, TestServer.LICENSE_KEY);
    }

    public UsermetaProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
