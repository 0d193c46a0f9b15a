package io.usermeta.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The users of a customer added for one test, and the check that a condition holds exactly the users
 * expected in each of the three answers that must agree: ad-hoc evaluation, the members of a saved
 * segment, and the memberships of every user.
 */
public final class Population {
    private static final AtomicInteger NEXT_SEGMENT = new AtomicInteger();

    private final ClusterApi api;
    private final Set<String> users = new TreeSet<>();

    private Population(ClusterApi api) {
        this.api = api;
    }

    /** A population of a customer added just now, with no users yet. */
    public static Population ofNewCustomer(RunningServer server) {
        return new Population(ClusterApi.ofNewCustomer(server));
    }

    public ClusterApi api() {
        return api;
    }

    /** Posts the set of {@code userId} for {@code source}; the id and attributes are written as given. */
    public Population user(String source, String userId, String... attributes) {
        api.post(source, Documents.user(userId, attributes));
        users.add(userId);
        return this;
    }

    /**
     * Asserts that {@code condition} holds exactly the {@code expected} users: evaluated ad hoc and as
     * a saved segment, the members in id order and their count; and in the memberships of each user.
     */
    public void assertMembers(String condition, String... expected) {
        List<String> members = Arrays.stream(expected).sorted().toList();
        String name = "check-" + NEXT_SEGMENT.incrementAndGet();

        MembersBody evaluated = api.evaluated(condition);
        api.save(name, condition);
        MembersBody saved = MembersBody.of(api.members(name, ""));
        List<String> holding = users.stream().filter(user -> api.membershipsOf(user).names().contains(name)).toList();
        assertThat(api.deleteSegment(name).statusCode()).isEqualTo(204);

        for (MembersBody page : List.of(evaluated, saved)) {
            assertThat(page.ids()).as("members of %s", condition).containsExactlyElementsOf(members);
            assertThat(page.count()).as("count of %s", condition).isEqualTo((long) members.size());
            assertThat(page.next()).as("next of the only page of %s", condition).isNull();
        }
        assertThat(holding).as("users whose memberships hold %s", condition).containsExactlyElementsOf(members);
    }
}
