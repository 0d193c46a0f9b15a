package io.usermeta.rules;

import static io.usermeta.testing.Documents.attribute;
import static io.usermeta.testing.Documents.user;
import static io.usermeta.testing.Documents.users;
import static io.usermeta.testing.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.auth.LicenseKeys;
import io.usermeta.testing.HttpApi;
import io.usermeta.testing.RunningServer;
import io.usermeta.testing.TestServer;
import io.usermeta.testing.UsersBody;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP Basic with customer id and license key: 401 with a challenge for missing or bad credentials,
 * 403 for another customer's valid credentials, and customer ids compared as exact strings.
 */
class AuthenticationChecks {
    private static final String USER_PATH = "/api/00000/registration/user/u-1";
    private static final String OTHER_CUSTOMER = "0";
    private static final String OTHER_KEY = "other:key:with:colons";

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    @BeforeAll
    static void addOtherCustomer() {
        SERVER.server().server().customers().add(OTHER_CUSTOMER, LicenseKeys.hash(OTHER_KEY));
        SERVER.api().post("/api/00000/registration/user", users(user("u-1", attribute("n", "1"))));
    }

    private static HttpResponse<String> getWith(String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(SERVER.server().baseUri().resolve(USER_PATH)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return SERVER.api().send(request.build());
    }

    private static String basicToken(byte[] pair) {
        return Base64.getEncoder().encodeToString(pair);
    }

    private static HttpApi otherCustomer() {
        return new HttpApi(SERVER.server().baseUri(), OTHER_CUSTOMER, OTHER_KEY);
    }

    /** A request without credentials is a 401 with a Basic challenge. */
    @Test
    void missingCredentialsAreChallenged() {
        HttpResponse<String> response = getWith(null);

        assertError(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));
    }

    /** POST and DELETE without credentials are 401 too, and change nothing. */
    @Test
    void writesWithoutCredentialsAreChallenged() {
        HttpRequest.Builder post = HttpRequest.newBuilder(
                SERVER.server().baseUri().resolve("/api/00000/registration/user"))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(users(user("u-1", attribute("n", "changed")))));
        HttpRequest.Builder delete = HttpRequest.newBuilder(SERVER.server().baseUri().resolve("/api/00000/user/u-1"))
                .DELETE();

        HttpResponse<String> posted = SERVER.api().send(post.build());
        HttpResponse<String> deleted = SERVER.api().send(delete.build());

        assertError(posted, 401);
        assertError(deleted, 401);
        assertThat(UsersBody.of(SERVER.api().get(USER_PATH)).attributesOf("u-1").get(0).value()).isEqualTo("1");
    }

    /** A wrong license key is a 401 with a Basic challenge. */
    @Test
    void wrongKeyIsRejected() {
        HttpResponse<String> response = getWith(HttpApi.basic(TestServer.CUSTOMER, "wrong-key"));

        assertError(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    /** The key is compared in full: its part before the colon alone is wrong. */
    @Test
    void keyCutAtItsColonIsRejected() {
        assertError(getWith(HttpApi.basic(TestServer.CUSTOMER, "test-key")), 401);
    }

    /** Credentials of a customer that does not exist are a 401, whichever customer the path names. */
    @Test
    void unknownCustomerIsRejected() {
        HttpApi stranger = new HttpApi(SERVER.server().baseUri(), "99999", "any-key");

        assertError(getWith(HttpApi.basic("99999", "any-key")), 401);
        assertError(stranger.get("/api/99999/registration/user/u-1"), 401);
    }

    /** The scheme name is case-insensitive. */
    @ParameterizedTest
    @ValueSource(strings = {"Basic", "basic", "BASIC", "bAsIc"})
    void schemeNameIsCaseInsensitive(String scheme) {
        String token = basicToken(
                (TestServer.CUSTOMER + ":" + TestServer.LICENSE_KEY).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = getWith(scheme + " " + token);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    /** The pair is split at the first colon, so a key with several colons works. */
    @Test
    void keyContainingColonsWorks() {
        HttpResponse<String> response = otherCustomer().get("/api/0/registration/user/u-1");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    /** Credentials that are not a base64 UTF-8 id:key pair in the Basic scheme are a 401. */
    @ParameterizedTest
    @ValueSource(strings = {"Basic !!!not-base64!!!", "Basic", "Basic ", "Basic MDAwMDA=", "Bearer MDAwMDA6eA==",
        "Basic //79", "MDAwMDA6dGVzdC1rZXk6d2l0aC1jb2xvbg=="})
    void malformedCredentialsAreRejected(String authorization) {
        HttpResponse<String> response = getWith(authorization);

        assertError(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    /** Valid credentials of another customer than the path's are a 403 on every operation. */
    @Test
    void otherCustomersCredentialsAreForbidden() {
        HttpApi other = otherCustomer();

        HttpResponse<String> read = other.get(USER_PATH);
        HttpResponse<String> posted = other.post("/api/00000/registration/user",
                users(user("u-1", attribute("n", "x"))));
        HttpResponse<String> deleted = other.delete("/api/00000/user/u-1");

        assertError(read, 403).contains(OTHER_CUSTOMER, TestServer.CUSTOMER);
        assertError(posted, 403);
        assertError(deleted, 403);
        assertThat(UsersBody.of(SERVER.api().get(USER_PATH)).attributesOf("u-1").get(0).value()).isEqualTo("1");
    }

    /** Customer ids are exact strings: {@code 0} and {@code 00000} are different customers with separate data. */
    @Test
    void customerIdsAreComparedAsExactStrings() {
        otherCustomer().post("/api/0/registration/user", users(user("shared-id", attribute("owner", "zero"))));
        SERVER.api().post("/api/00000/registration/user", users(user("shared-id", attribute("owner", "five-zeros"))));

        UsersBody zero = UsersBody.of(otherCustomer().get("/api/0/registration/user/shared-id"));
        UsersBody fiveZeros = UsersBody.of(SERVER.api().get("/api/00000/registration/user/shared-id"));
        HttpResponse<String> crossed = SERVER.api().get("/api/0/registration/user/shared-id");

        assertThat(zero.attributesOf("shared-id").get(0).value()).isEqualTo("zero");
        assertThat(fiveZeros.attributesOf("shared-id").get(0).value()).isEqualTo("five-zeros");
        assertError(crossed, 403);
    }

    /** A DELETE by one customer leaves another customer's user of the same id alone. */
    @Test
    void deleteStaysWithinTheCustomer() {
        otherCustomer().post("/api/0/registration/user", users(user("kept-by-zero", attribute("n", "1"))));

        SERVER.api().delete("/api/00000/user/kept-by-zero");
        UsersBody read = UsersBody.of(otherCustomer().get("/api/0/registration/user/kept-by-zero"));

        assertThat(read.ids()).containsExactly("kept-by-zero");
    }

    /** {@code /health} answers 200 without credentials. */
    @Test
    void healthNeedsNoCredentials() {
        HttpRequest request = HttpRequest.newBuilder(SERVER.server().baseUri().resolve("/health")).GET().build();

        HttpResponse<String> response = SERVER.api().send(request);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("UP");
    }
}
