package io.usermeta.rules;

import static io.usermeta.testing.ConditionXml.equalTo;
import static io.usermeta.testing.Documents.attribute;
import static io.usermeta.testing.Documents.user;
import static io.usermeta.testing.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.testing.ClusterApi;
import io.usermeta.testing.MembersBody;
import io.usermeta.testing.Race;
import io.usermeta.testing.RunningServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Members come in pages of at most {@code limit} users in id order, continued with the {@code next}
 * cursor; the first page is counted unless asked otherwise, and a member throughout is listed exactly
 * once however the other users change meanwhile.
 */
class MemberPagingChecks {
    private static final String MEMBER = equalTo("group", "member");
    private static final List<String> FIVE = List.of("u-1", "u-2", "u-3", "u-4", "u-5");

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    private static ClusterApi five;

    @BeforeAll
    static void saveFiveMembers() {
        five = ClusterApi.ofNewCustomer(SERVER);
        five.post("crm", FIVE.stream().map(id -> user(id, attribute("group", "member"))).toArray(String[]::new));
        five.post("crm", user("u-0", attribute("group", "outsider")), user("u-9", attribute("group", "outsider")));
        five.save("five", MEMBER);
    }

    private static String cursor(String next) {
        return URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    /** Pages follow each other through next; the last has none, and only the first is counted by default. */
    @Test
    void pagesFollowTheCursorAndOnlyTheFirstIsCounted() {
        MembersBody first = MembersBody.of(five.members("five", "?limit=2"));
        MembersBody second = MembersBody.of(five.members("five", "?limit=2&cursor=" + cursor(first.next())));
        MembersBody last = MembersBody.of(five.members("five", "?limit=2&cursor=" + cursor(second.next())));

        assertThat(first.ids()).containsExactly("u-1", "u-2");
        assertThat(first.count()).isEqualTo(5);
        assertThat(second.ids()).containsExactly("u-3", "u-4");
        assertThat(second.count()).isNull();
        assertThat(second.next()).isNotNull();
        assertThat(last.ids()).containsExactly("u-5");
        assertThat(last.next()).isNull();
        assertThat(last.count()).isNull();
    }

    /** Ad-hoc evaluation pages the same way, with the same condition sent for each page. */
    @Test
    void evaluationPagesTheSameWay() {
        MembersBody first = MembersBody.of(five.evaluate(MEMBER, "?limit=3"));
        MembersBody last = MembersBody.of(five.evaluate(MEMBER, "?limit=3&cursor=" + cursor(first.next())));

        assertThat(first.ids()).containsExactly("u-1", "u-2", "u-3");
        assertThat(first.count()).isEqualTo(5);
        assertThat(last.ids()).containsExactly("u-4", "u-5");
        assertThat(last.next()).isNull();
        assertThat(last.count()).isNull();
    }

    /** A page that ends exactly at the last member has no next. */
    @Test
    void pageEndingAtTheLastMemberHasNoNext() {
        MembersBody whole = MembersBody.of(five.members("five", "?limit=5"));

        assertThat(whole.ids()).containsExactlyElementsOf(FIVE);
        assertThat(whole.next()).isNull();
    }

    /** Members come in increasing order of user id, character by character, also across pages of one. */
    @Test
    void membersComeInIdOrderAcrossPages() {
        ClusterApi api = ClusterApi.ofNewCustomer(SERVER);
        List<String> ids = List.of("b", "B", "a", "_", "A1", "ä", "z", "Customer&lt;1&gt;");
        api.post("crm", ids.stream().map(id -> user(id, attribute("group", "member"))).toArray(String[]::new));
        api.save("ordered", MEMBER);

        List<String> listed = allPages(api, "ordered", 1);

        assertThat(listed).containsExactly("A1", "B", "Customer<1>", "_", "a", "b", "z", "ä");
    }

    /** count=true counts a later page, count=false leaves the first uncounted. */
    @Test
    void countParameterOverridesTheDefault() {
        MembersBody first = MembersBody.of(five.members("five", "?limit=2"));

        MembersBody uncounted = MembersBody.of(five.members("five", "?limit=2&count=false"));
        MembersBody counted = MembersBody.of(five.members("five",
                "?limit=2&count=true&cursor=" + cursor(first.next())));
        MembersBody evaluated = MembersBody.of(five.evaluate(MEMBER, "?count=false"));

        assertThat(uncounted.count()).isNull();
        assertThat(uncounted.ids()).containsExactly("u-1", "u-2");
        assertThat(counted.count()).isEqualTo(5);
        assertThat(counted.ids()).containsExactly("u-3", "u-4");
        assertThat(evaluated.count()).isNull();
        assertThat(evaluated.ids()).containsExactlyElementsOf(FIVE);
    }

    /** Without limit a page holds up to 1,000 members; the largest limit, 10,000, is accepted. */
    @Test
    void defaultAndLargestLimits() {
        MembersBody unlimited = MembersBody.of(five.members("five", ""));
        MembersBody largest = MembersBody.of(five.members("five", "?limit=10000"));

        assertThat(unlimited.ids()).containsExactlyElementsOf(FIVE);
        assertThat(largest.ids()).containsExactlyElementsOf(FIVE);
    }

    /** A limit outside 1 to 10,000 or not a number is a 400 naming the parameter, for members and evaluation. */
    @ParameterizedTest
    @ValueSource(strings = {"0", "10001", "abc", "-1", "1.5", "", "99999999999"})
    void invalidLimitIs400(String limit) {
        assertError(five.members("five", "?limit=" + limit), 400).contains("limit");
        assertError(five.evaluate(MEMBER, "?limit=" + limit), 400).contains("limit");
    }

    /** A count other than true or false is a 400 naming the parameter. */
    @Test
    void invalidCountIs400() {
        assertError(five.members("five", "?count=yes"), 400).contains("count");
        assertError(five.evaluate(MEMBER, "?count=1"), 400).contains("count");
    }

    /** A parameter given twice is a 400 naming it. */
    @Test
    void repeatedParameterIs400() {
        assertError(five.members("five", "?limit=1&limit=2"), 400).contains("limit");
    }

    /** A cursor that is not one the API gives out is a 400 naming the parameter. */
    @ParameterizedTest
    @ValueSource(strings = {"!!!", "%%%", "_-8", "AA", "dS0yx", "dS0y=", "L2E"})
    void malformedCursorIs400(String cursor) {
        assertError(five.members("five", "?limit=2&cursor=" + cursor(cursor)), 400).contains("cursor");
        assertError(five.evaluate(MEMBER, "?cursor=" + cursor(cursor)), 400).contains("cursor");
    }

    /** A next altered by the client, though still well-formed, is a 400 naming the parameter. */
    @Test
    void alteredCursorIs400() {
        String next = MembersBody.of(five.members("five", "?limit=2")).next();
        String shortened = next.substring(0, next.length() - 1);
        String otherUser = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("u-0".getBytes(StandardCharsets.UTF_8));

        assertError(five.members("five", "?limit=2&cursor=" + cursor(shortened)), 400).contains("cursor");
        assertError(five.members("five", "?limit=2&cursor=" + cursor(otherUser)), 400).contains("cursor");
    }

    /**
     * Paging while other users are added and deleted lists every user that was a member throughout
     * exactly once, in increasing id order, and never any user twice.
     */
    @Test
    void pagingIsStableWhileOtherUsersChange() {
        ClusterApi api = ClusterApi.ofNewCustomer(SERVER);
        List<String> steady = IntStream.range(0, 200).mapToObj(i -> String.format("m-%03d", i)).toList();
        api.post("crm", steady.stream().map(id -> user(id, attribute("group", "member"))).toArray(String[]::new));
        api.save("steady", MEMBER);

        List<List<String>> walks;
        try (Race race = Race.withRunners(2)) {
            List<Callable<List<String>>> calls = List.of(() -> walk(api, steady, 20), () -> churn(api));
            walks = race.run(calls);
        }

        List<String> listed = walks.get(0);
        assertThat(listed).doesNotHaveDuplicates().isSorted().containsAll(steady);
    }

    /** The members of {@code segment} read page by page, {@code limit} at a time. */
    private static List<String> allPages(ClusterApi api, String segment, int limit) {
        List<String> listed = new ArrayList<>();
        String next = null;
        do {
            String query = "?limit=" + limit + (next == null ? "" : "&cursor=" + cursor(next));
            MembersBody page = MembersBody.of(api.members(segment, query));
            listed.addAll(page.ids());
            next = page.next();
        } while (next != null);
        return listed;
    }

    /** Walks all pages of segment steady {@code times} over, checking each walk; returns the last. */
    private static List<String> walk(ClusterApi api, List<String> steady, int times) {
        List<String> listed = List.of();
        for (int walk = 0; walk < times; walk++) {
            listed = allPages(api, "steady", 7);
            assertThat(listed).as("walk %d", walk).doesNotHaveDuplicates().isSorted().containsAll(steady);
        }
        return listed;
    }

    /** Adds and deletes members and non-members whose ids fall between the steady ones. */
    private static List<String> churn(ClusterApi api) {
        for (int round = 0; round < 60; round++) {
            String joining = String.format("m-%03d-joins", (round * 37) % 200);
            String outsider = String.format("m-%03d-outside", (round * 53) % 200);
            api.post("crm", user(joining, attribute("group", "member")), user(outsider, attribute("group", "x")));
            HttpResponse<String> deleted = api.http().deleteUsers(List.of(joining, outsider));
            assertThat(deleted.statusCode()).isEqualTo(204);
        }
        return List.of();
    }
}
