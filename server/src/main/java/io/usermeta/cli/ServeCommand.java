package io.usermeta.cli;

import io.usermeta.config.ServerConfig;
import io.usermeta.core.Limits;
import io.usermeta.server.UsermetaServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/** Runs the server until SIGTERM or Ctrl-C, then lets requests in flight finish. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Start the HTTP server.",
        footer = {"", "Settings only the environment gives:",
                "  USERMETA_BOOTSTRAP_CUSTOMER",
                "      ID:KEY of a customer to create or re-key at start; replaces the",
                "      automatic customer 00000",
                "  USERMETA_LOG_LEVEL",
                "      log level, INFO by default (DEBUG shows each rejected request)",
                "  USERMETA_JAVA_OPTS",
                "      JVM options for bin/usermeta, e.g. -Xmx2g"})
final class ServeCommand implements Callable<Integer> {
    private static final String[] STOP_SIGNALS = {"TERM", "INT"};

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "${env:USERMETA_HOST:-0.0.0.0}",
            description = "Address to listen on (env USERMETA_HOST; default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "${env:USERMETA_PORT:-8080}",
            description = "Port to listen on, 0 for any free one (env USERMETA_PORT; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--pool-size", defaultValue = "${env:USERMETA_POOL_SIZE:-16}",
            description = "Database connections the server keeps open"
                    + " (env USERMETA_POOL_SIZE; default ${DEFAULT-VALUE}).")
    int poolSize;

    @Option(names = "--max-body-bytes", defaultValue = "${env:USERMETA_MAX_BODY_BYTES:-67108864}",
            description = "Largest request body (env USERMETA_MAX_BODY_BYTES; default ${DEFAULT-VALUE}).")
    long maxBodyBytes;

    @Option(names = "--max-ids", defaultValue = "${env:USERMETA_MAX_IDS:-1000}",
            description = "Most user ids per GET or DELETE (env USERMETA_MAX_IDS; default ${DEFAULT-VALUE}).")
    int maxIds;

    @Option(names = "--max-attributes", defaultValue = "${env:USERMETA_MAX_ATTRIBUTES:-1000}",
            description = "Most attributes per user and source (env USERMETA_MAX_ATTRIBUTES;"
                    + " default ${DEFAULT-VALUE}).")
    int maxAttributes;

    @Option(names = "--max-key-length", defaultValue = "${env:USERMETA_MAX_KEY_LENGTH:-128}",
            description = "Longest attribute key (env USERMETA_MAX_KEY_LENGTH; default ${DEFAULT-VALUE}).")
    int maxKeyLength;

    @Option(names = "--max-value-length", defaultValue = "${env:USERMETA_MAX_VALUE_LENGTH:-1024}",
            description = "Longest NOMINAL, NUMERIC, DATE or DATETIME value (env USERMETA_MAX_VALUE_LENGTH;"
                    + " default ${DEFAULT-VALUE}).")
    int maxValueLength;

    @Option(names = "--max-text-length", defaultValue = "${env:USERMETA_MAX_TEXT_LENGTH:-65536}",
            description = "Longest TEXT value (env USERMETA_MAX_TEXT_LENGTH; default ${DEFAULT-VALUE}).")
    int maxTextLength;

    @Option(names = "--max-uri-length", defaultValue = "${env:USERMETA_MAX_URI_LENGTH:-2097152}",
            description = "Longest request URI in bytes (env USERMETA_MAX_URI_LENGTH; default ${DEFAULT-VALUE}).")
    int maxUriLength;

    @Option(names = "--shutdown-grace", paramLabel = "SECONDS",
            defaultValue = "${env:USERMETA_SHUTDOWN_GRACE_SECONDS:-30}",
            description = "How long requests in flight may finish on stop (env USERMETA_SHUTDOWN_GRACE_SECONDS;"
                    + " default ${DEFAULT-VALUE}).")
    int shutdownGraceSeconds;

    @Override
    public Integer call() throws InterruptedException {
        try (UsermetaServer server = UsermetaServer.start(config())) {
            server.firstCustomerKey().ifPresent(key -> FirstStartBanner.print(spec.commandLine().getOut(), key,
                    host, server.port(), database.asArguments()));
            awaitStopSignal();
        }
        return 0;
    }

    /**
     * Handles the stop signals itself instead of using a shutdown hook: a JVM that a signal shuts
     * down exits with 128 + the signal number whatever its hooks do, so an orderly stop would report
     * failure (143) to service managers and scripts. {@code sun.misc.Signal} (module jdk.unsupported)
     * is the only signal API the JDK has. A second signal while requests drain changes nothing.
     */
    private static void awaitStopSignal() throws InterruptedException {
        CountDownLatch stopRequested = new CountDownLatch(1);
        for (String name : STOP_SIGNALS) {
            Signal.handle(new Signal(name), signal -> stopRequested.countDown());
        }
        stopRequested.await();
    }

    /** A limit above what the database columns hold would turn valid-looking requests into 500s. */
    private void requireStorable(String option, int value, int stored) {
        if (value > stored) {
            throw new ParameterException(spec.commandLine(), option + " is " + value + ", but the database stores"
                    + " at most " + stored + " characters there");
        }
    }

    ServerConfig config() {
        requireStorable("--max-key-length", maxKeyLength, Limits.STORED_KEY_LENGTH);
        requireStorable("--max-value-length", maxValueLength, Limits.STORED_VALUE_LENGTH);
        requireStorable("--max-text-length", maxTextLength, Limits.STORED_VALUE_LENGTH);
        Limits limits = new Limits(maxBodyBytes, maxIds, maxAttributes, maxKeyLength, maxValueLength,
                maxTextLength, maxUriLength);
        return new ServerConfig(host, port, database.config(poolSize), limits, shutdownGraceSeconds,
                System.getenv("USERMETA_BOOTSTRAP_CUSTOMER"));
    }
}
