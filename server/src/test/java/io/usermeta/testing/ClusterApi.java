package io.usermeta.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The cluster API of one customer: saved segments, their members, ad-hoc evaluation and memberships. */
public final class ClusterApi {
    private final HttpApi http;

    public ClusterApi(HttpApi http) {
        this.http = http;
    }

    /** The cluster API of a customer added just now, with no users and no segments. */
    public static ClusterApi ofNewCustomer(RunningServer server) {
        return new ClusterApi(server.server().newCustomer());
    }

    public HttpApi http() {
        return http;
    }

    /** The path {@code /api/{customerid}} followed by {@code rest}. */
    public String path(String rest) {
        return "/api/" + http.customerId() + rest;
    }

    public HttpResponse<String> putSegment(String name, String document) {
        return http.put(path("/segments/" + name), document);
    }

    public HttpResponse<String> getSegment(String name) {
        return http.get(path("/segments/" + name));
    }

    public HttpResponse<String> deleteSegment(String name) {
        return http.delete(path("/segments/" + name));
    }

    public HttpResponse<String> listSegments() {
        return http.get(path("/segments"));
    }

    /** GET of a segment's members; {@code query} is empty or starts with {@code ?}. */
    public HttpResponse<String> members(String name, String query) {
        return http.get(path("/segments/" + name + "/members" + query));
    }

    /** POST of a condition to evaluate; {@code query} is empty or starts with {@code ?}. */
    public HttpResponse<String> evaluate(String condition, String query) {
        return http.post(path("/evaluate" + query), condition);
    }

    /** The memberships of a user, whose id is percent-encoded here. */
    public HttpResponse<String> memberships(String userId) {
        return http.get(path("/memberships/" + URLEncoder.encode(userId, StandardCharsets.UTF_8)));
    }

    /** Saves {@code condition} as segment {@code name}, which must be new. */
    public void save(String name, String condition) {
        HttpResponse<String> response = putSegment(name, ConditionXml.segment(condition));
        assertThat(response.statusCode()).as("PUT of segment %s, body %s", name, response.body()).isEqualTo(201);
    }

    /** POSTs one {@code <users>} document of {@code users} (see {@link Documents#user}) to {@code source}. */
    public void post(String source, String... users) {
        HttpResponse<String> response = http.post("/api/" + http.customerId() + "/" + source + "/user",
                Documents.users(users));
        assertThat(response.statusCode()).as("POST to %s, body %s", source, response.body()).isEqualTo(204);
    }

    /** Opts the users out. */
    public void optOut(String... userIds) {
        HttpResponse<String> response = http.deleteUsers(List.of(userIds));
        assertThat(response.statusCode()).as("DELETE, body %s", response.body()).isEqualTo(204);
    }

    /** The one page of all members of {@code condition}, evaluated ad hoc. */
    public MembersBody evaluated(String condition) {
        return MembersBody.of(evaluate(condition, ""));
    }

    /** The condition of saved segment {@code name} in the canonical form of {@link SegmentBody#canonical}. */
    public String savedCondition(String name) {
        return SegmentBody.of(getSegment(name)).condition();
    }

    public MembershipsBody membershipsOf(String userId) {
        return MembershipsBody.of(memberships(userId));
    }
}
