package io.usermeta.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.testing.HttpApi;
import io.usermeta.testing.RunningServer;
import io.usermeta.testing.UserAttribute;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests that race each other over the same users: each is answered without a server error, and
 * what is stored afterwards is what some serial order of the requests would have left.
 */
class ConcurrentWritesChecks {
    private static final String SOURCE = "race";
    private static final int WRITERS = 16;
    private static final int ROUNDS = 20;
    private static final int SHARED_USERS = 100;
    private static final int OVERLAPPING_DOCUMENTS = 8;

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    private static HttpApi api;
    private static ExecutorService threads;

    @BeforeAll
    static void start() {
        api = SERVER.api();
        threads = Executors.newFixedThreadPool(WRITERS);
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
    }

    /** Sixteen simultaneous POSTs that create one user all succeed, and exactly one of their sets is stored. */
    @Test
    void racingPostsForANewUserStoreExactlyOneWholeSet() {
        for (int round = 0; round < ROUNDS; round++) {
            String userId = "new-" + round;

            List<HttpResponse<String>> responses = race(writersOf(userId));

            assertAllNoContent(responses);
            assertThat(storedSet(userId)).isIn(candidateSets());
        }
    }

    /** Sixteen simultaneous POSTs that replace an existing user's set all succeed, and exactly one set is stored. */
    @Test
    void racingPostsForAnExistingUserStoreExactlyOneWholeSet() {
        for (int round = 0; round < ROUNDS; round++) {
            String userId = "existing-" + round;
            giveAnEarlierSet(userId);

            List<HttpResponse<String>> responses = race(writersOf(userId));

            assertAllNoContent(responses);
            assertThat(storedSet(userId)).isIn(candidateSets());
        }
    }

    /** A POST racing a DELETE of the same user leaves the user either absent or holding exactly the posted set. */
    @Test
    void postRacingDeleteLeavesUserAbsentOrWithThePostedSet() {
        List<UserAttribute> posted = candidateSets().get(WRITERS - 1);
        for (int round = 0; round < 2 * ROUNDS; round++) {
            String userId = "deleted-" + round;
            if (round % 2 == 0) {
                giveAnEarlierSet(userId);
            }

            List<HttpResponse<String>> responses = race(List.of(
                    () -> api.postUsers(SOURCE, Map.of(userId, posted)),
                    () -> api.deleteUsers(List.of(userId))));

            assertAllNoContent(responses);
            Map<String, List<UserAttribute>> stored = api.getUsers(SOURCE, List.of(userId));
            assertThat(stored).satisfiesAnyOf(
                    users -> assertThat(users).isEmpty(),
                    users -> assertThat(users).containsExactly(Map.entry(userId, posted)));
        }
    }

    /**
     * Documents over the same users, each listing them in another order, all succeed without a
     * deadlock, and every user ends up with the set of one and the same document.
     */
    @Test
    void overlappingDocumentsInDifferentOrdersAllSucceedWhole() {
        List<String> userIds = IntStream.range(0, SHARED_USERS).mapToObj(i -> "shared-" + i).toList();
        Random random = new Random(7);
        for (int round = 0; round < ROUNDS / 4; round++) {
            List<Callable<HttpResponse<String>>> writers = new ArrayList<>();
            for (int document = 0; document < OVERLAPPING_DOCUMENTS; document++) {
                Map<String, List<UserAttribute>> users = documentInOrder(userIds, document, random);
                writers.add(() -> api.postUsers(SOURCE, users));
            }

            List<HttpResponse<String>> responses = race(writers);

            assertAllNoContent(responses);
            Set<List<UserAttribute>> storedSets = new HashSet<>(api.getUsers(SOURCE, userIds).values());
            assertThat(storedSets).hasSize(1);
        }
    }

    /** Set {@code writer} has {@code 1 + 3 * writer} attributes, every value naming its writer. */
    private static List<List<UserAttribute>> candidateSets() {
        List<List<UserAttribute>> sets = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            List<UserAttribute> set = new ArrayList<>();
            set.add(UserAttribute.numeric("writer", String.valueOf(writer)));
            for (int i = 0; i < 3 * writer; i++) {
                set.add(UserAttribute.nominal("attribute-" + i, "writer-" + writer));
            }
            sets.add(set);
        }
        return sets;
    }

    private static List<Callable<HttpResponse<String>>> writersOf(String userId) {
        return candidateSets().stream()
                .<Callable<HttpResponse<String>>>map(set -> () -> api.postUsers(SOURCE, Map.of(userId, set)))
                .toList();
    }

    /** All users with the set of {@code document}, listed in a shuffled order; the first two go forward and back. */
    private static Map<String, List<UserAttribute>> documentInOrder(List<String> userIds, int document,
            Random random) {
        List<String> order = new ArrayList<>(userIds);
        if (document == 1) {
            Collections.reverse(order);
        } else if (document > 1) {
            Collections.shuffle(order, random);
        }
        Map<String, List<UserAttribute>> users = new LinkedHashMap<>();
        order.forEach(userId -> users.put(userId, candidateSets().get(document)));
        return users;
    }

    private static void giveAnEarlierSet(String userId) {
        assertNoContent(api.postUsers(SOURCE, Map.of(userId, List.of(UserAttribute.nominal("before", "race")))));
    }

    private static List<UserAttribute> storedSet(String userId) {
        Map<String, List<UserAttribute>> stored = api.getUsers(SOURCE, List.of(userId));
        assertThat(stored).containsOnlyKeys(userId);
        return stored.get(userId);
    }

    /** Runs the requests at once, released together, and returns their responses in the given order. */
    private static List<HttpResponse<String>> race(List<Callable<HttpResponse<String>>> requests) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> pending = new ArrayList<>();
        for (Callable<HttpResponse<String>> request : requests) {
            pending.add(threads.submit(() -> {
                start.await();
                return request.call();
            }));
        }
        start.countDown();
        return pending.stream().map(ConcurrentWritesChecks::result).toList();
    }

    private static HttpResponse<String> result(Future<HttpResponse<String>> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a request failed without an answer", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertAllNoContent(List<HttpResponse<String>> responses) {
        assertThat(responses).allSatisfy(ConcurrentWritesChecks::assertNoContent);
    }

    private static void assertNoContent(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }
}
