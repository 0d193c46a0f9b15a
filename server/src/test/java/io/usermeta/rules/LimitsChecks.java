package io.usermeta.rules;

import static io.usermeta.testing.Documents.attribute;
import static io.usermeta.testing.Documents.attributes;
import static io.usermeta.testing.Documents.user;
import static io.usermeta.testing.Documents.users;
import static io.usermeta.testing.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.core.Limits;
import io.usermeta.testing.HttpApi;
import io.usermeta.testing.RunningServer;
import io.usermeta.testing.TestServer;
import io.usermeta.testing.UsersBody;
import io.usermeta.testing.Witness;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every limit is enforced at its boundary: the limit itself is accepted, one more is a 4xx naming the
 * limit. Most checks run against a server with small limits; the defaults are checked where cheap.
 */
class LimitsChecks {
    private static final String SOURCE = "registration";
    private static final String REGISTRATION = "/api/00000/" + SOURCE + "/user";
    private static final Limits SMALL = new Limits(4096, 3, 3, 8, 12, 40, 1024);

    @RegisterExtension
    static final RunningServer SMALL_SERVER = RunningServer.withLimits(SMALL);

    @RegisterExtension
    static final RunningServer DEFAULT_SERVER = RunningServer.withDefaults();

    private static String ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "id" + i).collect(Collectors.joining(","));
    }

    /** A document of exactly {@code size} bytes that stores the witness's change, padded with spaces. */
    private static byte[] documentOfSize(Witness witness, long size) {
        String document = users(witness.changed());
        String padding = " ".repeat((int) (size - document.length()));
        return (document.replace("</users>", padding + "</users>")).getBytes(StandardCharsets.UTF_8);
    }

    private static void assertPostRejected(HttpApi api, String offender, String... named) {
        Witness.assertRejectedAndNothingStored(api, SOURCE, offender, named);
    }

    private static void assertPostAccepted(HttpApi api, String document) {
        HttpResponse<String> response = api.post(REGISTRATION, document);

        assertThat(response.statusCode()).as("status, body %s", response.body()).isEqualTo(204);
    }

    /** A body one byte over the limit, with a Content-Length, is a 413 and stores nothing. */
    @Test
    void bodyOverLimitIsRejected() {
        Witness witness = Witness.storedIn(SMALL_SERVER.api(), SOURCE);

        HttpResponse<String> response = SMALL_SERVER.api().post(REGISTRATION, "text/xml",
                documentOfSize(witness, SMALL.maxBodyBytes() + 1));

        assertError(response, 413).contains(String.valueOf(SMALL.maxBodyBytes()));
        witness.assertUnchanged();
    }

    /** A chunked body without a Content-Length is cut off at the limit with a 413 and stores nothing. */
    @Test
    void chunkedBodyOverLimitIsRejected() {
        Witness witness = Witness.storedIn(SMALL_SERVER.api(), SOURCE);
        byte[] body = documentOfSize(witness, SMALL.maxBodyBytes() + 1);
        HttpRequest request = SMALL_SERVER.api().request(REGISTRATION).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

        HttpResponse<String> response = SMALL_SERVER.api().send(request);

        assertError(response, 413).contains(String.valueOf(SMALL.maxBodyBytes()));
        witness.assertUnchanged();
    }

    /** A body of exactly the limit is accepted. */
    @Test
    void bodyAtLimitIsAccepted() {
        Witness witness = Witness.storedIn(SMALL_SERVER.api(), SOURCE);

        HttpResponse<String> response = SMALL_SERVER.api().post(REGISTRATION, "text/xml",
                documentOfSize(witness, SMALL.maxBodyBytes()));

        assertThat(response.statusCode()).isEqualTo(204);
    }

    /** The default body limit is 64 MiB: a declared length one byte over it is refused before any is read. */
    @Test
    void defaultBodyLimitIs64MiB() {
        long length = 64L * 1024 * 1024 + 1;
        String head = "POST " + REGISTRATION + " HTTP/1.1\r\nContent-Type: text/xml\r\n"
                + "Authorization: " + HttpApi.basic(TestServer.CUSTOMER, TestServer.LICENSE_KEY) + "\r\n"
                + "Content-Length: " + length + "\r\n";

        HttpApi.RawResponse response = DEFAULT_SERVER.api().exchange(head, null);

        assertError(response, 413).contains(String.valueOf(64L * 1024 * 1024));
    }

    /** More ids than the limit in a GET or DELETE is a 414 naming the limit; the limit itself is fine. */
    @Test
    void moreIdsThanTheLimitAreRejected() {
        HttpApi api = SMALL_SERVER.api();

        assertThat(api.get(REGISTRATION + "/" + ids(3)).statusCode()).isEqualTo(200);
        assertThat(api.delete("/api/00000/user/" + ids(3)).statusCode()).isEqualTo(204);
        assertError(api.get(REGISTRATION + "/" + ids(4)), 414).contains("4", "3");
        assertError(api.delete("/api/00000/user/" + ids(4)), 414).contains("4", "3");
    }

    /** The default id limit is 1,000 per GET or DELETE. */
    @Test
    void defaultIdLimitIs1000() {
        HttpApi api = DEFAULT_SERVER.api();

        assertThat(api.get(REGISTRATION + "/" + ids(1000)).statusCode()).isEqualTo(200);
        assertError(api.get(REGISTRATION + "/" + ids(1001)), 414).contains("1000");
        assertError(api.delete("/api/00000/user/" + ids(1001)), 414).contains("1000");
    }

    /** A URI longer than the limit is a 414. */
    @Test
    void uriOverLimitIsRejected() {
        String longId = "%41".repeat(200);

        HttpResponse<String> response = SMALL_SERVER.api().get(REGISTRATION + "/" + longId + "," + longId);

        assertError(response, 414).contains(String.valueOf(SMALL.maxUriLength()));
    }

    /** More attributes per user and source than the limit is a 400 naming user and limit. */
    @Test
    void tooManyAttributesAreRejected() {
        assertPostAccepted(SMALL_SERVER.api(), users(user("three", attributes(3))));
        assertPostRejected(SMALL_SERVER.api(), user("four", attributes(4)), "four", "limit", "3");
    }

    /** The default attribute limit is 1,000 per user and source. */
    @Test
    void defaultAttributeLimitIs1000() {
        assertPostAccepted(DEFAULT_SERVER.api(), users(user("thousand", attributes(1000))));
        assertPostRejected(DEFAULT_SERVER.api(), user("thousand-one", attributes(1001)), "thousand-one", "1000");
    }

    /** A key longer than the limit is a 400 naming user, key and limit. */
    @Test
    void keyOverLimitIsRejected() {
        assertPostAccepted(SMALL_SERVER.api(), users(user("key8", attribute("k".repeat(8), "v"))));
        assertPostRejected(SMALL_SERVER.api(), user("key9", attribute("k".repeat(9), "v")), "key9", "limit", "8");
    }

    /** The default key limit is 128 characters. */
    @Test
    void defaultKeyLimitIs128() {
        assertPostAccepted(DEFAULT_SERVER.api(), users(user("key128", attribute("k".repeat(128), "v"))));
        assertPostRejected(DEFAULT_SERVER.api(), user("key129", attribute("k".repeat(129), "v")), "key129", "128");
    }

    /** A NOMINAL value longer than the limit is a 400; the limit counts characters, not bytes. */
    @ParameterizedTest
    @ValueSource(strings = {"v", "\u6771", "\ud83d\ude00"})
    void nominalValueOverLimitIsRejected(String character) {
        assertPostAccepted(SMALL_SERVER.api(), users(user("nominal12", attribute("k", character.repeat(12)))));
        assertPostRejected(SMALL_SERVER.api(), user("nominal13", attribute("name", character.repeat(13))),
                "nominal13", "name", "NOMINAL", "limit", "12");
    }

    /** The default NOMINAL value limit is 1,024 characters. */
    @Test
    void defaultNominalValueLimitIs1024() {
        assertPostAccepted(DEFAULT_SERVER.api(), users(user("nominal1024", attribute("k", "v".repeat(1024)))));
        assertPostRejected(DEFAULT_SERVER.api(), user("nominal1025", attribute("k", "v".repeat(1025))),
                "nominal1025", "NOMINAL", "1024");
    }

    /** A TEXT value may be longer than the NOMINAL limit, up to its own limit; one more is a 400. */
    @Test
    void textValueOverLimitIsRejected() {
        assertPostAccepted(SMALL_SERVER.api(), users(user("text40", attribute("k", "t".repeat(40), "TEXT"))));
        assertPostRejected(SMALL_SERVER.api(), user("text41", attribute("wants", "t".repeat(41), "TEXT")),
                "text41", "wants", "TEXT", "limit", "40");
    }

    /** The default TEXT value limit is 64 KiB (65,536 characters). */
    @Test
    void defaultTextValueLimitIs64KiB() {
        assertPostAccepted(DEFAULT_SERVER.api(), users(user("text65536", attribute("k", "t".repeat(65_536), "TEXT"))));
        assertPostRejected(DEFAULT_SERVER.api(), user("text65537", attribute("k", "t".repeat(65_537), "TEXT")),
                "text65537", "TEXT", "65536");
    }

    /** A user id may have 256 characters; 257 are a 400 in a body and in a path. */
    @Test
    void userIdOver256CharactersIsRejected() {
        String longest = "u".repeat(256);

        assertPostAccepted(DEFAULT_SERVER.api(), users(user(longest, attribute("n", "1"))));
        UsersBody read = UsersBody.of(DEFAULT_SERVER.api().get(REGISTRATION + "/" + longest));
        assertPostRejected(DEFAULT_SERVER.api(), user(longest + "u", attribute("n", "1")), "256");
        assertError(DEFAULT_SERVER.api().get(REGISTRATION + "/" + longest + "u"), 400).contains("256");

        assertThat(read.ids()).containsExactly(longest);
    }
}
