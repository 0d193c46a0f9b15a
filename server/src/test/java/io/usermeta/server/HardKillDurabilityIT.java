package io.usermeta.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.testing.HttpApi;
import io.usermeta.testing.ServerProcess;
import io.usermeta.testing.TestServer;
import io.usermeta.testing.UserAttribute;
import io.usermeta.testing.UsersXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server runs as a process of its own on an H2 file: what it acknowledged survives a SIGKILL,
 * and on SIGTERM it finishes the requests it has begun before it exits.
 */
class HardKillDurabilityIT {
    private static final String SOURCE = "durable";
    private static final int KILL_ROUNDS = 3;
    private static final int DOCUMENTS_PER_ROUND = 5;
    private static final int USERS_PER_DOCUMENT = 40;
    /** Long enough for the POST in flight on a loaded machine; the test waits for it only when failing. */
    private static final int GRACE_SECONDS = 60;
    private static final int CONCURRENT_KILL_ROUNDS = 3;
    private static final int WRITERS = 16;
    private static final long CONCURRENT_WRITE_MILLIS = 3_000;

    /** Kept when a test fails, with the servers' logs in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path directory;

    /**
     * Every write answered 204 before a SIGKILL, the last one just before it, is there exactly after
     * a restart; a write still unanswered at the kill is there wholly or not at all.
     */
    @Test
    void acknowledgedWritesSurviveKill() {
        String database = TestServer.databaseUrl(directory);
        Map<String, List<UserAttribute>> acknowledged = new LinkedHashMap<>();
        List<Map<String, List<UserAttribute>>> unanswered = new ArrayList<>();

        for (int round = 0; round < KILL_ROUNDS; round++) {
            try (ServerProcess server = ServerProcess.start(database, log("kill-" + round))) {
                assertStored(server.api(), acknowledged);
                writeThenKill(server, round, acknowledged, unanswered);
            }
        }

        try (ServerProcess restarted = ServerProcess.start(database, log("after-kills"))) {
            assertStored(restarted.api(), acknowledged);
            assertWhollyOrNotAtAll(restarted.api(), unanswered);
        }
    }

    /**
     * Sixteen writers post without pause until a SIGKILL: after a restart, each writer's users hold
     * the last document acknowledged to it, or the one it had in flight, never an older one. Commits
     * that happen at the same moment must each be in the file before they are acknowledged.
     */
    @Test
    void concurrentAcknowledgedWritesSurviveKill() throws InterruptedException {
        String database = TestServer.databaseUrl(directory);
        for (int round = 0; round < CONCURRENT_KILL_ROUNDS; round++) {
            ConcurrentWriters writers;
            try (ServerProcess server = ServerProcess.start(database, log("concurrent-kill-" + round))) {
                writers = ConcurrentWriters.start(server.api(), "round" + round, WRITERS);
                Thread.sleep(CONCURRENT_WRITE_MILLIS);
                server.process().kill();
                writers.awaitStopped();
            }
            try (ServerProcess restarted = ServerProcess.start(database, log("after-concurrent-kill-" + round))) {
                assertThat(writers.regressions(restarted.api())).as("writers whose acknowledged data was lost")
                        .isEmpty();
            }
        }
    }

    /**
     * SIGTERM while a POST is half sent: the server stops accepting connections, still reads and
     * stores that POST and answers 204, then exits with status 0, leaving no H2 trace file (where H2
     * writes the errors it meets); the data is there after a restart.
     */
    @Test
    void terminationFinishesTheRequestInFlightAndExitsCleanly() throws IOException {
        String database = TestServer.databaseUrl(directory);
        Map<String, List<UserAttribute>> users = largeDocument();
        byte[] body = UsersXml.document(users).getBytes(StandardCharsets.UTF_8);
        int status;
        int exitCode;

        try (ServerProcess server = ServerProcess.start(database, log("terminated"),
                "--shutdown-grace", String.valueOf(GRACE_SECONDS))) {
            status = postWhileTerminating(server, body);
            exitCode = server.process().waitFor(Duration.ofSeconds(GRACE_SECONDS + 10));
        }

        assertThat(status).as("status of the POST in flight; server log %s", log("terminated")).isEqualTo(204);
        assertThat(exitCode).as("exit status; server log %s", log("terminated")).isZero();
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.endsWith(".trace.db"));
        }
        try (ServerProcess restarted = ServerProcess.start(database, log("after-termination"))) {
            assertStored(restarted.api(), users);
        }
    }

    /**
     * Posts the round's documents one after the other, then one more that the kill interrupts, and
     * notes each as acknowledged or unanswered.
     */
    private static void writeThenKill(ServerProcess server, int round, Map<String, List<UserAttribute>> acknowledged,
            List<Map<String, List<UserAttribute>>> unanswered) {
        for (int document = 0; document < DOCUMENTS_PER_ROUND; document++) {
            Map<String, List<UserAttribute>> users = roundDocument(round, document);
            assertThat(server.api().postUsers(SOURCE, users).statusCode()).isEqualTo(204);
            acknowledged.putAll(users);
        }
        Map<String, List<UserAttribute>> inFlight = roundDocument(round, DOCUMENTS_PER_ROUND);
        CompletableFuture<Boolean> answered =
                CompletableFuture.supplyAsync(() -> server.api().postUsers(SOURCE, inFlight).statusCode() == 204);

        server.process().kill();

        if (answered.exceptionally(connectionLost -> false).join()) {
            acknowledged.putAll(inFlight);
        } else {
            unanswered.add(inFlight);
        }
    }

    /**
     * Sends the head and half the body of a POST, then SIGTERM, waits until the server refuses new
     * connections, sends the rest, and returns the answer's status: -1 when the server closed the
     * connection without an answer or sent none within the grace period.
     */
    private static int postWhileTerminating(ServerProcess server, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(GRACE_SECONDS * 1000);
            OutputStream out = socket.getOutputStream();
            out.write(postHead(body.length));
            out.write(body, 0, body.length / 2);
            out.flush();
            pause(Duration.ofMillis(500));

            server.process().terminate();
            awaitNoNewConnections(server.port());
            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            return statusOf(socket.getInputStream());
        } catch (SocketTimeoutException noAnswer) {
            return -1;
        }
    }

    private Path log(String name) {
        return directory.resolve(name + ".log");
    }

    /** New users each round, and the first document of a round also replaces users of the round before. */
    private static Map<String, List<UserAttribute>> roundDocument(int round, int document) {
        Map<String, List<UserAttribute>> users = new LinkedHashMap<>();
        for (int i = 0; i < USERS_PER_DOCUMENT; i++) {
            int userRound = document == 0 && i % 2 == 0 && round > 0 ? round - 1 : round;
            users.put("user-" + userRound + "-" + document + "-" + i, List.of(
                    UserAttribute.numeric("round", String.valueOf(round)),
                    UserAttribute.nominal("document", String.valueOf(document)),
                    UserAttribute.nominal("note", "written in round " + round + " <&>")));
        }
        return users;
    }

    private static Map<String, List<UserAttribute>> largeDocument() {
        Map<String, List<UserAttribute>> users = new LinkedHashMap<>();
        for (int i = 0; i < 500; i++) {
            List<UserAttribute> attributes = new ArrayList<>();
            for (int j = 0; j < 20; j++) {
                attributes.add(UserAttribute.nominal("attribute-" + j, "value " + i + "/" + j));
            }
            users.put("large-" + i, attributes);
        }
        return users;
    }

    private static void assertStored(HttpApi api, Map<String, List<UserAttribute>> expected) {
        Map<String, List<UserAttribute>> stored = api.getUsers(SOURCE, new ArrayList<>(expected.keySet()), 1_000);
        assertThat(stored).containsExactlyInAnyOrderEntriesOf(expected);
    }

    private static void assertWhollyOrNotAtAll(HttpApi api, List<Map<String, List<UserAttribute>>> documents) {
        for (Map<String, List<UserAttribute>> document : documents) {
            Map<String, List<UserAttribute>> stored = api.getUsers(SOURCE, document.keySet());
            assertThat(stored).satisfiesAnyOf(
                    users -> assertThat(users).isEmpty(),
                    users -> assertThat(users).containsExactlyInAnyOrderEntriesOf(document));
        }
    }

    private static byte[] postHead(int contentLength) {
        String head = "POST /api/" + TestServer.CUSTOMER + "/" + SOURCE + "/user HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Authorization: " + HttpApi.basic(TestServer.CUSTOMER, TestServer.LICENSE_KEY) + "\r\n"
                + "Content-Type: text/xml\r\n"
                + "Content-Length: " + contentLength + "\r\n"
                + "Connection: close\r\n\r\n";
        return head.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int statusOf(InputStream in) throws IOException {
        String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        return response.startsWith("HTTP/1.1 ") ? Integer.parseInt(response.substring(9, 12)) : -1;
    }

    /** Waits until the stopping server refuses connections, so the signal has surely been acted on. */
    private static void awaitNoNewConnections(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(GRACE_SECONDS).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                pause(Duration.ofMillis(50));
            } catch (ConnectException refused) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("the server still accepts connections after SIGTERM");
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
