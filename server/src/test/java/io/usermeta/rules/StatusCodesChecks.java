package io.usermeta.rules;

import static io.usermeta.testing.Documents.attribute;
import static io.usermeta.testing.Documents.user;
import static io.usermeta.testing.Documents.users;
import static io.usermeta.testing.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.testing.HttpApi;
import io.usermeta.testing.RunningServer;
import io.usermeta.testing.UsersBody;
import io.usermeta.testing.Witness;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Status codes of success and of the container's own refusals, each error with the API's error body. */
class StatusCodesChecks {
    private static final String SOURCE = "registration";
    private static final String REGISTRATION = "/api/00000/" + SOURCE + "/user";

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    /** Sends {@code method} with an XML body, except for GET and DELETE, which carry none. */
    private static HttpResponse<String> send(String method, String path) {
        HttpApi api = SERVER.api();
        HttpRequest.Builder request = api.request(path);
        if (method.equals("GET") || method.equals("DELETE")) {
            return api.send(request.method(method, HttpRequest.BodyPublishers.noBody()).build());
        }
        return api.send(request.method(method, HttpRequest.BodyPublishers.ofString(users()))
                .header("Content-Type", "text/xml").build());
    }

    /** A successful POST answers 204 with no body. */
    @Test
    void postAnswers204WithoutBody() {
        HttpResponse<String> response = SERVER.api().post(REGISTRATION, users(user("posted", attribute("n", "1"))));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    /** A DELETE answers 204, also for ids that were never posted. */
    @Test
    void deleteAnswers204EvenForUnknownIds() {
        SERVER.api().post(REGISTRATION, users(user("deleted", attribute("n", "1"))));

        HttpResponse<String> known = SERVER.api().delete("/api/00000/user/deleted");
        HttpResponse<String> unknown = SERVER.api().delete("/api/00000/user/never-posted,deleted");

        assertThat(known.statusCode()).isEqualTo(204);
        assertThat(unknown.statusCode()).isEqualTo(204);
    }

    /** A GET answers 200 with a {@code text/xml} body. */
    @Test
    void getAnswers200WithXml() {
        SERVER.api().post(REGISTRATION, users(user("read", attribute("n", "1"))));

        HttpResponse<String> response = SERVER.api().get(REGISTRATION + "/read");

        assertThat(UsersBody.of(response).ids()).containsExactly("read");
    }

    /** A method a known path does not support is a 405 that lists the allowed ones. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "PUT, /api/00000/registration/user",
        "GET, /api/00000/registration/user",
        "DELETE, /api/00000/registration/user",
        "POST, /api/00000/registration/user/u-1",
        "PUT, /api/00000/registration/user/u-1",
        "DELETE, /api/00000/registration/user/u-1",
        "GET, /api/00000/user/u-1",
        "POST, /api/00000/user/u-1",
        "POST, /health"})
    void wrongMethodOnKnownPathIs405(String method, String path) {
        HttpResponse<String> response = send(method, path);

        assertError(response, 405).contains("allowed");
        assertThat(response.headers().firstValue("Allow")).isPresent();
    }

    /** A GET or DELETE that carries a body is served as usual; the body is ignored. */
    @Test
    void bodyOnGetOrDeleteIsIgnored() {
        SERVER.api().post(REGISTRATION, users(user("with-body", attribute("n", "1"))));
        byte[] body = users().getBytes(StandardCharsets.UTF_8);

        HttpApi.RawResponse read = SERVER.api().raw("GET", REGISTRATION + "/with-body", "text/xml", body);
        HttpApi.RawResponse deleted = SERVER.api().raw("DELETE", "/api/00000/user/with-body", "text/xml", body);
        HttpApi.RawResponse wrongMethod = SERVER.api().raw("GET", REGISTRATION, "text/xml", body);

        assertThat(read.status()).isEqualTo(200);
        assertThat(UsersBody.parse(read.body()).ids()).containsExactly("with-body");
        assertThat(deleted.status()).isEqualTo(204);
        assertError(wrongMethod, 405);
    }

    /** A path that matches no operation is a 404. */
    @ParameterizedTest
    @ValueSource(strings = {"/", "/nothing", "/api", "/api/00000", "/api/00000/registration",
        "/api/00000/registration/users/u-1", "/api/00000/registration/user/a/b"})
    void unknownPathIs404(String path) {
        assertError(SERVER.api().get(path), 404);
    }

    /** A POST body of another content type than XML, or of a wildcard, is a 415 and stores nothing. */
    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain", "application/x-www-form-urlencoded",
        "application/octet-stream", "*/*", "text/*"})
    void nonXmlContentTypeIs415(String contentType) {
        Witness witness = Witness.storedIn(SERVER.api(), SOURCE);

        HttpResponse<String> response = SERVER.api().post(REGISTRATION, contentType,
                users(witness.changed()).getBytes(StandardCharsets.UTF_8));

        assertError(response, 415).contains("xml");
        witness.assertUnchanged();
    }

    /** A Content-Type that is no media type at all is a 400 with the error body naming the header. */
    @ParameterizedTest
    @ValueSource(strings = {"text", "text/xml; charset=", "/"})
    void malformedContentTypeIs400(String contentType) {
        Witness witness = Witness.storedIn(SERVER.api(), SOURCE);

        HttpResponse<String> response = SERVER.api().post(REGISTRATION, contentType,
                users(witness.changed()).getBytes(StandardCharsets.UTF_8));

        assertError(response, 400).contains("Content-Type");
        witness.assertUnchanged();
    }

    /** Both {@code text/xml} and {@code application/xml} bodies are accepted, with or without charset. */
    @ParameterizedTest
    @ValueSource(strings = {"text/xml", "application/xml", "text/xml; charset=UTF-8", "application/xml;charset=utf-8"})
    void xmlContentTypesAreAccepted(String contentType) {
        HttpResponse<String> response = SERVER.api().post(REGISTRATION, contentType,
                users(user("typed", attribute("n", "1"))).getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(204);
    }

    /** A GET that accepts only non-XML responses is a 406 with the error body. */
    @Test
    void getAcceptingOnlyJsonIs406() {
        HttpRequest request = SERVER.api().request(REGISTRATION + "/u-1").header("Accept", "application/json").GET()
                .build();

        HttpResponse<String> response = SERVER.api().send(request);

        assertError(response, 406);
    }

    /** An allSources value other than true or false is a 400. */
    @Test
    void invalidAllSourcesIs400() {
        assertError(SERVER.api().get(REGISTRATION + "/u-1?allSources=yes"), 400).contains("allSources");
    }

    /** A source id that breaks its rule is a 400 naming it. */
    @Test
    void invalidSourceIs400() {
        HttpResponse<String> read = SERVER.api().get("/api/00000/bad%20source/user/u-1");
        HttpResponse<String> posted = SERVER.api().post("/api/00000/" + "s".repeat(65) + "/user", users());

        assertError(read, 400).contains("source");
        assertError(posted, 400).contains("source");
    }
}
