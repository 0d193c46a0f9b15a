package io.usermeta.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.testing.ClusterBodies.CatalogueKey;
import io.usermeta.testing.ClusterBodies.Distribution;
import io.usermeta.testing.ClusterBodies.Membership;
import io.usermeta.testing.ClusterBodies.MembersPage;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The cluster API of the test customer over real HTTP: catalogue, distributions, saved segments, members,
 * evaluation and memberships. The reading methods fail the test unless the answer is a 200, and page
 * through members to the last page.
 */
public final class ClusterReads {
    private static final String API = "/api/" + TestServer.CUSTOMER;
    /** More pages than any test's members need: a cursor that never ends fails instead of looping. */
    private static final int MAX_PAGES = 1_000;

    private final HttpApi api;

    public ClusterReads(HttpApi api) {
        this.api = api;
    }

    public List<CatalogueKey> catalogue() {
        return ClusterBodies.catalogue(ok(api.get(API + "/attributes")));
    }

    /** The answer to a distribution request; {@code query} is appended as written, e.g. {@code edges=1,2}. */
    public HttpResponse<String> getDistribution(String key, String query) {
        return api.get(API + "/attributes/" + key + "/distribution" + (query.isEmpty() ? "" : "?" + query));
    }

    public Distribution distribution(String key, String query) {
        return ClusterBodies.distribution(ok(getDistribution(key, query)));
    }

    /** PUTs a segment holding {@code condition}; the answer is returned unchecked. */
    public HttpResponse<String> putSegment(String name, String condition) {
        byte[] body = ConditionText.segment(condition).getBytes(StandardCharsets.UTF_8);
        return api.send(api.request(API + "/segments/" + name).header("Content-Type", "text/xml")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Every member of a saved segment, read in pages of at most {@code limit}. */
    public Members members(String segment, int limit) {
        return allPages(limit, query -> api.get(API + "/segments/" + segment + "/members?" + query));
    }

    /** Every user {@code condition} holds, evaluated in pages of at most {@code limit}. */
    public Members evaluate(String condition, int limit) {
        return allPages(limit, query -> api.post(API + "/evaluate?" + query, condition));
    }

    public List<Membership> memberships(String userId) {
        return ClusterBodies.memberships(ok(api.get(API + "/memberships/"
                + URLEncoder.encode(userId, StandardCharsets.UTF_8))));
    }

    /** Follows the cursors from the first page to the last; no page may hold more than {@code limit} ids. */
    private static Members allPages(int limit, Function<String, HttpResponse<String>> request) {
        MembersPage first = ClusterBodies.membersPage(ok(request.apply("limit=" + limit)));
        List<String> ids = new ArrayList<>(first.ids());
        MembersPage page = first;
        for (int pages = 1; page.next() != null; pages++) {
            assertThat(pages).as("pages read, the cursor never ending").isLessThan(MAX_PAGES);
            assertThat(page.ids()).as("ids of a page").hasSizeLessThanOrEqualTo(limit);
            String cursor = URLEncoder.encode(page.next(), StandardCharsets.UTF_8);
            page = ClusterBodies.membersPage(ok(request.apply("limit=" + limit + "&cursor=" + cursor)));
            ids.addAll(page.ids());
        }
        assertThat(page.ids()).as("ids of the last page").hasSizeLessThanOrEqualTo(limit);
        return new Members(first.count(), ids);
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("status of %s, body %s", response.request().uri(), response.body())
                .isEqualTo(200);
        return response.body();
    }

    /**
     * All the members of a segment or condition.
     *
     * @param count the count of the first page
     * @param ids the ids of every page, in answer order
     */
    public record Members(Long count, List<String> ids) {}
}
