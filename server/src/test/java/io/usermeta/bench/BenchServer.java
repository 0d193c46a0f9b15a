package io.usermeta.bench;

import io.usermeta.testing.UsermetaProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar usermeta-server.jar serve} in a JVM of its own on 127.0.0.1, as an operator runs it,
 * with a customer of its own. Closing it stops that process by its PID; so does the end of the
 * benchmark's JVM, should the benchmark fail or be interrupted first.
 */
final class BenchServer implements AutoCloseable {
    static final String CUSTOMER = "bench";
    static final String SOURCE = "registration";

    private static final Logger LOG = LoggerFactory.getLogger(BenchServer.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(BenchServer::killAll, "bench-server-reaper"));
    }

    private final Process process;
    private final BenchClient client;

    private BenchServer(Process process, BenchClient client) {
        this.process = process;
        this.client = client;
    }

    /**
     * Starts the server of {@code jar} on {@code databaseUrl} with the given JVM options, its output in
     * {@code log}, and waits until {@code /health} answers 200.
     */
    static BenchServer start(Path jar, List<String> javaOptions, String databaseUrl, Path log)
            throws IOException, InterruptedException {
        int port = UsermetaProcess.freePort();
        String licenseKey = UUID.randomUUID().toString();
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toString(), "serve", "--host", "127.0.0.1", "--port", String.valueOf(port)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // The URL goes by environment, not by flag, so that a password in it never shows in ps.
        builder.environment().put("USERMETA_DB", databaseUrl);
        builder.environment().put("USERMETA_BOOTSTRAP_CUSTOMER", CUSTOMER + ":" + licenseKey);
        Process process = builder.start();
        RUNNING.add(process);
        LOG.info("Server started as PID {} on port {}, output in {}", process.pid(), port, log);

        BenchServer server = new BenchServer(process,
                new BenchClient(URI.create("http://127.0.0.1:" + port), CUSTOMER, licenseKey, SOURCE));
        try {
            server.awaitHealthy(log);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** A client for this server's customer and the benchmark's source. */
    BenchClient client() {
        return client;
    }

    /** The most memory the server's process has held resident so far (VmHWM), or -1 where unknown. */
    long peakResidentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.warn("Cannot read the peak memory of PID {}: {}", process.pid(), e.toString());
        }
        return -1;
    }

    /** Asks the server to stop (SIGTERM, so H2 closes its file cleanly), and kills it if it will not. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("PID {} still runs {} after SIGTERM; killing it", process.pid(), STOP_TIMEOUT);
            process.destroyForcibly().waitFor();
        }
        RUNNING.remove(process);
        LOG.info("Server PID {} stopped", process.pid());
    }

    private void awaitHealthy(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!client.isHealthy()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the server did not become healthy; its output:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            Thread.sleep(100);
        }
    }

    private static void killAll() {
        for (Process process : RUNNING) {
            process.destroyForcibly();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
