package io.usermeta.rules;

import static io.usermeta.testing.ConditionXml.equalTo;
import static io.usermeta.testing.ConditionXml.present;
import static io.usermeta.testing.ConditionXml.segment;
import static io.usermeta.testing.Documents.attribute;
import static io.usermeta.testing.Documents.user;
import static io.usermeta.testing.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.auth.LicenseKeys;
import io.usermeta.core.Limits;
import io.usermeta.testing.ClusterApi;
import io.usermeta.testing.HttpApi;
import io.usermeta.testing.RunningServer;
import io.usermeta.testing.SegmentBody;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The refusals every cluster operation shares, each with the API's error body: 401 without valid
 * credentials, 403 for another customer's, 406 when XML is not acceptable, and for the operations
 * with a body 415 for another content type and 413 for an over-large body. None changes anything.
 */
class SegmentStatusCodesChecks {
    private static final String OTHER_CUSTOMER = "99";
    private static final String OTHER_KEY = "other-key";
    private static final String SAVED = equalTo("country", "DE");
    private static final String CHANGED = equalTo("country", "AT");
    private static final int SMALL_BODY = 2048;

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    @RegisterExtension
    static final RunningServer SMALL_SERVER = RunningServer.withLimits(smallBodies());

    private static ClusterApi api;

    private static Limits smallBodies() {
        Limits defaults = Limits.defaults();
        return new Limits(SMALL_BODY, defaults.maxIdsPerRequest(), defaults.maxAttributesPerSet(),
                defaults.maxKeyLength(), defaults.maxValueLength(), defaults.maxTextLength(), defaults.maxUriLength());
    }

    @BeforeAll
    static void saveSegment() {
        api = new ClusterApi(SERVER.api());
        SERVER.server().server().customers().add(OTHER_CUSTOMER, LicenseKeys.hash(OTHER_KEY));
        api.post("crm", user("u-1", attribute("country", "DE")));
        api.putSegment("saved", segment(SAVED));
    }

    /** Whatever was refused, the saved segment is unchanged and no other was created. */
    @AfterEach
    void nothingChanged() {
        assertThat(SegmentBody.listOf(api.listSegments())).extracting(SegmentBody::name).containsExactly("saved");
        assertThat(api.savedCondition("saved")).isEqualTo(SegmentBody.canonical(SAVED));
    }

    /** Each operation of the cluster API as method, path and body ({@code null} for none). */
    static Stream<Arguments> operations() {
        return Stream.of(
                Arguments.of("GET", "/api/00000/segments", null),
                Arguments.of("GET", "/api/00000/segments/saved", null),
                Arguments.of("PUT", "/api/00000/segments/saved", segment(CHANGED)),
                Arguments.of("PUT", "/api/00000/segments/created", segment(CHANGED)),
                Arguments.of("DELETE", "/api/00000/segments/saved", null),
                Arguments.of("GET", "/api/00000/segments/saved/members", null),
                Arguments.of("POST", "/api/00000/evaluate", SAVED),
                Arguments.of("GET", "/api/00000/memberships/u-1", null),
                Arguments.of("GET", "/api/00000/attributes", null),
                Arguments.of("GET", "/api/00000/attributes/country/distribution", null));
    }

    private static HttpRequest.Builder request(HttpRequest.Builder builder, String method, String body) {
        return body == null
                ? builder.method(method, HttpRequest.BodyPublishers.noBody())
                : builder.header("Content-Type", "text/xml").method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder unauthenticated(String path) {
        return HttpRequest.newBuilder(SERVER.server().baseUri().resolve(path));
    }

    /** A request without credentials, or with a wrong key, is a 401 with a Basic challenge. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operations")
    void missingOrWrongCredentialsAre401(String method, String path, String body) {
        HttpResponse<String> missing = api.http().send(request(unauthenticated(path), method, body).build());
        HttpResponse<String> wrong = api.http().send(request(unauthenticated(path), method, body)
                .header("Authorization", HttpApi.basic("00000", "wrong-key")).build());

        assertError(missing, 401);
        assertError(wrong, 401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));
    }

    /** Valid credentials of another customer are a 403 naming both customers. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operations")
    void otherCustomersCredentialsAre403(String method, String path, String body) {
        HttpApi other = new HttpApi(SERVER.server().baseUri(), OTHER_CUSTOMER, OTHER_KEY);

        HttpResponse<String> response = other.send(request(other.request(path), method, body).build());

        assertError(response, 403).contains("'" + OTHER_CUSTOMER + "'", "'00000'");
    }

    /** A request that accepts only JSON is a 406. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operations")
    void acceptWithoutXmlIs406(String method, String path, String body) {
        HttpRequest request = request(api.http().request(path), method, body).header("Accept", "application/json")
                .build();

        assertError(api.http().send(request), 406);
    }

    /** Both XML media types are acceptable answers. */
    @ParameterizedTest
    @ValueSource(strings = {"text/xml", "application/xml", "*/*", "text/*"})
    void xmlMediaTypesAreAcceptable(String accept) {
        HttpRequest request = api.http().request("/api/00000/segments/saved/members").header("Accept", accept)
                .GET().build();

        assertThat(api.http().send(request).statusCode()).isEqualTo(200);
    }

    /** A PUT or evaluation whose body is not XML is a 415. */
    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain", "application/x-www-form-urlencoded"})
    void nonXmlBodyIs415(String contentType) {
        byte[] document = segment(CHANGED).getBytes(StandardCharsets.UTF_8);
        byte[] condition = CHANGED.getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> put = api.http().send(api.http().request("/api/00000/segments/saved")
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(document)).build());
        HttpResponse<String> evaluated = api.http().post("/api/00000/evaluate", contentType, condition);

        assertError(put, 415).contains("xml");
        assertError(evaluated, 415).contains("xml");
    }

    /** Both XML content types are read, with or without a charset. */
    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/xml; charset=UTF-8", "application/xml;charset=ISO-8859-1"})
    void xmlBodiesAreRead(String contentType) {
        HttpResponse<String> evaluated = api.http().post("/api/00000/evaluate", contentType,
                present("country").getBytes(StandardCharsets.UTF_8));

        assertThat(evaluated.statusCode()).as(evaluated.body()).isEqualTo(200);
    }

    /** A PUT or evaluation body over the size limit is a 413 naming the limit. */
    @Test
    void bodyOverTheLimitIs413() {
        String padding = " ".repeat(SMALL_BODY);
        HttpApi small = SMALL_SERVER.api();

        HttpResponse<String> put = small.put("/api/00000/segments/big", segment(present("country") + padding));
        HttpResponse<String> evaluated = small.post("/api/00000/evaluate", present("country") + padding);

        assertError(put, 413).contains(String.valueOf(SMALL_BODY));
        assertError(evaluated, 413).contains(String.valueOf(SMALL_BODY));
        assertError(small.get("/api/00000/segments/big"), 404);
    }

    /** A wrong method on a cluster path is a 405 listing the allowed ones. */
    @ParameterizedTest
    @ValueSource(strings = {"POST /api/00000/segments", "POST /api/00000/segments/saved",
        "PUT /api/00000/segments/saved/members", "GET /api/00000/evaluate", "DELETE /api/00000/memberships/u-1"})
    void wrongMethodIs405(String request) {
        String[] parts = request.split(" ");

        HttpResponse<String> response = api.http().send(request(api.http().request(parts[1]), parts[0],
                parts[0].equals("GET") || parts[0].equals("DELETE") ? null : segment(CHANGED)).build());

        assertError(response, 405).contains("allowed");
    }

    /** A query string with a broken escape is a 400 for the list of segments and the catalogue too. */
    @Test
    void brokenEscapeInQueryIs400() {
        assertError(api.http().raw("GET", "/api/00000/segments?x=%ZZ", null, null), 400).contains("query");
        assertError(api.http().raw("GET", "/api/00000/attributes?x=%ZZ", null, null), 400).contains("query");
    }

    /** A distribution's page size out of range is a 400 naming the parameter. */
    @Test
    void distributionLimitOutOfRangeIs400() {
        assertError(api.http().get("/api/00000/attributes/country/distribution?limit=0"), 400).contains("limit");
    }
}
