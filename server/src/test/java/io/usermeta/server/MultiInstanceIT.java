package io.usermeta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.usermeta.testing.HttpApi;
import io.usermeta.testing.Race;
import io.usermeta.testing.ServerProcess;
import io.usermeta.testing.TestPostgres;
import io.usermeta.testing.UserAttribute;
import io.usermeta.testing.UsermetaProcess;
import io.usermeta.testing.WriterSets;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes on different ports over one PostgreSQL schema, started at the same moment,
 * act as one service: sets written through both at once stay whole for readers of either, a delete
 * through one is seen by the very next read through the other, and customer changes made from the
 * command line reach both without a restart.
 */
class MultiInstanceIT {
    private static final String SOURCE = "shared";
    private static final int WRITERS = 8;
    private static final int POSTS_PER_WRITER = 20;
    private static final int CONTESTED_USERS = 3;
    private static final int VISIBILITY_ROUNDS = 10;
    private static final Duration READ_DEADLINE = Duration.ofMinutes(2);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final List<List<UserAttribute>> SETS = WriterSets.of(WRITERS);

    @TempDir
    static Path directory;

    private static String schema;
    private static List<ServerProcess> instances = List.of();

    @BeforeAll
    static void startTwoInstances() {
        schema = TestPostgres.freshSchema();
        ExecutorService starters = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<ServerProcess>> starting = Stream.of("first", "second")
                    .map(name -> CompletableFuture.supplyAsync(() -> ServerProcess.start(
                            TestPostgres.schemaUrl(schema), directory.resolve(name + ".log")), starters))
                    .toList();
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
            instances = starting.stream().filter(start -> !start.isCompletedExceptionally())
                    .map(CompletableFuture::join).toList();
            starting.forEach(CompletableFuture::join);
        } finally {
            starters.shutdown();
        }
    }

    @AfterAll
    static void stopBoth() {
        instances.forEach(ServerProcess::close);
        if (schema != null) {
            TestPostgres.dropSchema(schema);
        }
    }

    /**
     * Eight writers replace the sets of the same users through both instances in turn while a reader
     * on each instance reads them: every read, and the end, shows all users with the whole set of one
     * and the same writer, never a mix of two nor a part of one.
     */
    @Test
    void concurrentReplacesThroughBothInstancesNeverMix() {
        List<String> userIds = IntStream.range(0, CONTESTED_USERS).mapToObj(i -> "contested-" + i).toList();
        assertNoContent(api(0).postUsers(SOURCE, document(userIds, SETS.get(0))));
        CountDownLatch writing = new CountDownLatch(WRITERS);
        List<Callable<Traffic>> calls = new ArrayList<>();
        IntStream.range(0, WRITERS).forEach(writer -> calls.add(writer(writer, userIds, writing)));
        IntStream.range(0, instances.size()).forEach(instance -> calls.add(reader(instance, userIds, writing)));

        List<Traffic> traffic;
        try (Race race = Race.withRunners(calls.size())) {
            traffic = race.run(calls);
        }

        assertThat(traffic).flatMap(Traffic::postStatuses).hasSize(WRITERS * POSTS_PER_WRITER).containsOnly(204);
        List<Map<String, List<UserAttribute>>> reads = traffic.stream().flatMap(call -> call.reads().stream())
                .toList();
        assertThat(reads.stream().filter(read -> !isOneWholeSet(read, userIds)).toList())
                .as("reads, of %d, that show anything but one writer's whole set for all users", reads.size())
                .isEmpty();
        assertThat(reads.stream().map(read -> read.get(userIds.get(0))).distinct().count())
                .as("different sets the readers saw while the writers wrote").isGreaterThan(1);
        Map<String, List<UserAttribute>> end = api(0).getUsers(SOURCE, userIds);
        assertThat(isOneWholeSet(end, userIds)).as("one writer's whole set for all users at the end: %s", end)
                .isTrue();
        assertThat(api(1).getUsers(SOURCE, userIds)).as("the end read through the other instance").isEqualTo(end);
    }

    /**
     * A user posted through one instance is read at once through the other, and once a DELETE through
     * the first has answered 204 the very next GET through the other shows the user gone; both ways.
     */
    @Test
    void deleteThroughOneInstanceIsSeenAtOnceByTheOther() {
        for (int round = 0; round < VISIBILITY_ROUNDS; round++) {
            HttpApi writer = api(round % 2);
            HttpApi reader = api((round + 1) % 2);
            String userId = "deleted-" + round;
            List<UserAttribute> set = SETS.get(round % WRITERS);
            assertNoContent(writer.postUsers(SOURCE, Map.of(userId, set)));
            assertThat(reader.getUsers(SOURCE, List.of(userId))).containsExactly(entry(userId, set));

            HttpResponse<String> deleted = writer.deleteUsers(List.of(userId));
            Map<String, List<UserAttribute>> afterwards = reader.getUsers(SOURCE, List.of(userId));

            assertNoContent(deleted);
            assertThat(afterwards).as("the other instance's next read, round %d", round).isEmpty();
        }
    }

    /** A customer that {@code customer add} creates while both instances run is admitted by both at once. */
    @Test
    void customerAddedFromTheCommandLineWorksOnBothAtOnce() {
        assertThat(statusesOfGet("31001", "added:aside")).as("before the add").containsExactly(401, 401);

        UsermetaProcess.Ended added = customerCommand("add", "31001", "--license-key", "added:aside");

        assertThat(added.exitCode()).as(added.errors()).isZero();
        assertThat(statusesOfGet("31001", "added:aside")).containsExactly(200, 200);
        assertThat(statusesOfGet("31001", "not-the-key")).containsExactly(401, 401);
    }

    /** After {@code customer rotate-key} both instances refuse the old key and accept the printed new one, at once. */
    @Test
    void rotateKeyFromTheCommandLineRetiresTheOldKeyOnBothAtOnce() {
        addCustomer("31002", "old:key");
        assertThat(statusesOfGet("31002", "old:key")).as("before the rotation").containsExactly(200, 200);

        UsermetaProcess.Ended rotated = customerCommand("rotate-key", "31002");

        assertThat(rotated.exitCode()).as(rotated.errors()).isZero();
        assertThat(statusesOfGet("31002", "old:key")).containsExactly(401, 401);
        assertThat(statusesOfGet("31002", rotated.output().strip())).containsExactly(200, 200);
    }

    /** After {@code customer remove} both instances answer the removed customer's key with 401, at once. */
    @Test
    void removeFromTheCommandLineRevokesTheCustomerOnBothAtOnce() {
        addCustomer("31003", "remove:me");
        assertThat(statusesOfGet("31003", "remove:me")).as("before the removal").containsExactly(200, 200);

        UsermetaProcess.Ended removed = customerCommand("remove", "31003");

        assertThat(removed.exitCode()).as(removed.errors()).isZero();
        assertThat(statusesOfGet("31003", "remove:me")).containsExactly(401, 401);
    }

    private static HttpApi api(int instance) {
        return instances.get(instance).api();
    }

    /** Posts the writer's set for all the users {@value #POSTS_PER_WRITER} times, through each instance in turn. */
    private static Callable<Traffic> writer(int writer, List<String> userIds, CountDownLatch writing) {
        return () -> {
            try {
                List<Integer> statuses = new ArrayList<>();
                for (int post = 0; post < POSTS_PER_WRITER; post++) {
                    HttpApi api = api((writer + post) % instances.size());
                    statuses.add(api.postUsers(SOURCE, document(userIds, SETS.get(writer))).statusCode());
                }
                return new Traffic(statuses, List.of());
            } finally {
                writing.countDown();
            }
        };
    }

    /** Reads all the users in one GET through one instance, again and again until the writers are done. */
    private static Callable<Traffic> reader(int instance, List<String> userIds, CountDownLatch writing) {
        return () -> {
            List<Map<String, List<UserAttribute>>> reads = new ArrayList<>();
            long deadline = System.nanoTime() + READ_DEADLINE.toNanos();
            do {
                reads.add(api(instance).getUsers(SOURCE, userIds));
            } while (writing.getCount() > 0 && System.nanoTime() < deadline);
            return new Traffic(List.of(), reads);
        };
    }

    private static Map<String, List<UserAttribute>> document(List<String> userIds, List<UserAttribute> set) {
        Map<String, List<UserAttribute>> users = new LinkedHashMap<>();
        userIds.forEach(userId -> users.put(userId, set));
        return users;
    }

    /** Whether every user is there with one writer's whole set, all with the same one: one document, whole. */
    private static boolean isOneWholeSet(Map<String, List<UserAttribute>> read, List<String> userIds) {
        return read.keySet().equals(Set.copyOf(userIds)) && SETS.contains(read.get(userIds.get(0)))
                && new HashSet<>(read.values()).size() == 1;
    }

    private static void addCustomer(String customerId, String licenseKey) {
        UsermetaProcess.Ended added = customerCommand("add", customerId, "--license-key", licenseKey);
        assertThat(added.exitCode()).as(added.errors()).isZero();
    }

    /** Runs {@code usermeta customer args…} on the instances' database as a process of its own. */
    private static UsermetaProcess.Ended customerCommand(String... args) {
        List<String> command = new ArrayList<>(List.of("customer"));
        command.addAll(List.of(args));
        command.addAll(List.of("--db", TestPostgres.schemaUrl(schema)));
        return UsermetaProcess.run(directory, Map.of(), COMMAND_TIMEOUT, command.toArray(String[]::new));
    }

    /** The status of a GET with these credentials through each instance, in order. */
    private static List<Integer> statusesOfGet(String customerId, String licenseKey) {
        return instances.stream()
                .map(instance -> new HttpApi(instance.baseUri(), customerId, licenseKey)
                        .get("/api/" + customerId + "/crm/user/u-1").statusCode())
                .toList();
    }

    private static void assertNoContent(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    /**
     * What one call of the race saw.
     *
     * @param postStatuses the statuses of a writer's POSTs
     * @param reads what a reader's GETs returned, in order
     */
    private record Traffic(List<Integer> postStatuses, List<Map<String, List<UserAttribute>>> reads) {}
}
