package io.usermeta.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.testing.HttpApi;
import io.usermeta.testing.Race;
import io.usermeta.testing.RunningServer;
import io.usermeta.testing.UserAttribute;
import io.usermeta.testing.WriterSets;
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
    private static final List<List<UserAttribute>> SETS = WriterSets.of(WRITERS);

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    private static HttpApi api;
    private static Race race;

    @BeforeAll
    static void start() {
        api = SERVER.api();
        race = Race.withRunners(WRITERS);
    }

    @AfterAll
    static void stop() {
        race.close();
    }

    /** Sixteen simultaneous POSTs that create one user all succeed, and exactly one of their sets is stored. */
    @Test
    void racingPostsForANewUserStoreExactlyOneWholeSet() {
        for (int round = 0; round < ROUNDS; round++) {
            String userId = "new-" + round;

            List<HttpResponse<String>> responses = race.run(writersOf(userId));

            assertAllNoContent(responses);
            assertThat(storedSet(userId)).isIn(SETS);
        }
    }

    /** Sixteen simultaneous POSTs that replace an existing user's set all succeed, and exactly one set is stored. */
    @Test
    void racingPostsForAnExistingUserStoreExactlyOneWholeSet() {
        for (int round = 0; round < ROUNDS; round++) {
            String userId = "existing-" + round;
            giveAnEarlierSet(userId);

            List<HttpResponse<String>> responses = race.run(writersOf(userId));

            assertAllNoContent(responses);
            assertThat(storedSet(userId)).isIn(SETS);
        }
    }

    /** A POST racing a DELETE of the same user leaves the user either absent or holding exactly the posted set. */
    @Test
    void postRacingDeleteLeavesUserAbsentOrWithThePostedSet() {
        List<UserAttribute> posted = SETS.get(WRITERS - 1);
        for (int round = 0; round < 2 * ROUNDS; round++) {
            String userId = "deleted-" + round;
            if (round % 2 == 0) {
                giveAnEarlierSet(userId);
            }

            List<HttpResponse<String>> responses = race.run(List.of(
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

            List<HttpResponse<String>> responses = race.run(writers);

            assertAllNoContent(responses);
            Set<List<UserAttribute>> storedSets = new HashSet<>(api.getUsers(SOURCE, userIds).values());
            assertThat(storedSets).hasSize(1);
        }
    }

    private static List<Callable<HttpResponse<String>>> writersOf(String userId) {
        return SETS.stream()
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
        order.forEach(userId -> users.put(userId, SETS.get(document)));
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

    private static void assertAllNoContent(List<HttpResponse<String>> responses) {
        assertThat(responses).allSatisfy(ConcurrentWritesChecks::assertNoContent);
    }

    private static void assertNoContent(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }
}
