package io.usermeta.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code usermeta} command line in a JVM of its own, on the test's class path, with its output
 * in a file. For what only a separate process shows: a hard kill, a signal, a second process on the
 * same database.
 */
public final class UsermetaProcess implements AutoCloseable {
    private static final String MAIN_CLASS = "io.usermeta.cli.Main";

    private final Process process;
    private final Path output;
    private final Path errors;

    private UsermetaProcess(Process process, Path output, Path errors) {
        this.process = process;
        this.output = output;
        this.errors = errors;
    }

    /** Starts {@code usermeta args…} with extra environment variables; stdout and stderr go to {@code output}. */
    public static UsermetaProcess start(Path output, Map<String, String> environment, String... args) {
        return start(output, output, environment, args);
    }

    /** The same with stdout in {@code output} and stderr apart in {@code errors}. */
    public static UsermetaProcess start(Path output, Path errors, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                MAIN_CLASS));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile());
        if (errors.equals(output)) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(errors.toFile());
        }
        builder.environment().putAll(environment);
        try {
            return new UsermetaProcess(builder.start(), output, errors);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /**
     * Runs {@code usermeta args…} with extra environment variables to its end, killing it if it
     * outlives {@code timeout}; its stdout and stderr go to files of their own in {@code directory}.
     */
    public static Ended run(Path directory, Map<String, String> environment, Duration timeout, String... args) {
        long started = System.nanoTime();
        try (UsermetaProcess process = start(newFile(directory, ".out"), newFile(directory, ".err"), environment,
                args)) {
            int exitCode = process.waitFor(timeout);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return new Ended(exitCode, process.output(), process.errors(), took);
        }
    }

    private static Path newFile(Path directory, String suffix) {
        try {
            return Files.createTempFile(directory, "usermeta", suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end and returns its exit code; fails when it outlives {@code timeout}. */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("still running after " + timeout + "; output:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends SIGTERM: the process may finish what it is doing. */
    public void terminate() {
        process.destroy();
    }

    /** Sends SIGKILL and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** Everything the process has written to stdout so far, and to stderr unless that goes apart. */
    public String output() {
        return read(output);
    }

    /** Everything the process has written to stderr so far. */
    public String errors() {
        return read(errors);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a process that ran to its end left.
     *
     * @param exitCode its exit code
     * @param output what it wrote to stdout
     * @param errors what it wrote to stderr
     * @param took how long it ran, its JVM's start included
     */
    public record Ended(int exitCode, String output, String errors, Duration took) {}

    /** Kills the process if it still runs, so that no test leaves one behind. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
