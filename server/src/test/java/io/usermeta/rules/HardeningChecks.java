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
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests that once slipped past the rules: each is refused or answered correctly, never misread. */
class HardeningChecks {
    private static final String REGISTRATION = "/api/00000/registration/user";

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    /** A raw '#' would cut the target short and address another user; it is refused, and nothing is deleted. */
    @Test
    void rawFragmentMarkIsRefused() {
        SERVER.api().post(REGISTRATION, users(user("order", attribute("n", "1"))));

        HttpApi.RawResponse deleted = SERVER.api().raw("DELETE", "/api/00000/user/order#7", null, null);

        assertError(deleted, 400).contains("'#'");
        assertThat(SERVER.api().get(REGISTRATION + "/order").body()).contains("id=\"order\"");
    }

    /** Raw UTF-8 bytes in a path would be read as ISO-8859-1; they are refused with a hint to encode them. */
    @Test
    void rawNonAsciiBytesAreRefused() {
        byte[] utf8 = "/api/00000/user/u-ä".getBytes(StandardCharsets.UTF_8);
        String rawUtf8 = new String(utf8, StandardCharsets.ISO_8859_1);

        HttpApi.RawResponse response = SERVER.api().raw("DELETE", rawUtf8, null, null);

        assertError(response, 400).contains("percent-encode");
    }

    /** Characters RFC 3986 forbids raw in a target, such as a double quote, are a 400, not a 500. */
    @Test
    void rawQuoteIsRefused() {
        HttpApi.RawResponse response = SERVER.api().raw("GET", REGISTRATION + "/u\"1", null, null);

        assertError(response, 400).contains("U+0022");
    }

    /** A Host header that is not a host and port is a 400, not a 500. */
    @Test
    void malformedHostIsRefused() {
        HttpApi.RawResponse response = SERVER.api().exchange("GET " + REGISTRATION + "/u-1 HTTP/1.1\r\n"
                + "Host: [::1\r\nAuthorization: " + HttpApi.basic(TestServer.CUSTOMER, TestServer.LICENSE_KEY) + "\r\n",
                null);

        assertError(response, 400).contains("Host");
    }

    /** Whatever charset the Accept header names, the answer is UTF-8 and no character is lost. */
    @Test
    void answersAreUtf8WhateverAcceptSays() {
        SERVER.api().post(REGISTRATION, users(user("euro", attribute("price", "€ 5 😀"))));

        for (String charset : new String[] {"bogus", "ISO-8859-1", "US-ASCII"}) {
            HttpResponse<String> response = SERVER.api().send(SERVER.api().request(REGISTRATION + "/euro")
                    .header("Accept", "text/xml;charset=" + charset).GET().build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).containsIgnoringCase("charset=UTF-8"));
            assertThat(response.body()).contains("value=\"€ 5 😀\"");
        }
    }

    /** A control character from the path appears in a message as \\uXXXX, so the error body stays XML. */
    @Test
    void controlCharactersInMessagesAreShownEscaped() {
        HttpResponse<String> response = SERVER.api().get("/api/0%01/registration/user/u-1");

        assertError(response, 403).contains("0\\u0001");
    }

    /** A second attribute set for one user in one document is refused rather than silently dropping the first. */
    @Test
    void secondAttributesElementIsRefused() {
        String document = "<users><user id=\"twice\"><attributes><attribute key=\"a\" value=\"1\"/></attributes>"
                + "<attributes><attribute key=\"b\" value=\"2\"/></attributes></user></users>";

        HttpResponse<String> response = SERVER.api().post(REGISTRATION, document);

        assertError(response, 400).contains("twice").contains("more than one <attributes>");
    }

    /** XML 1.1, which admits control characters XML 1.0 forbids, is refused. */
    @Test
    void xml11DocumentIsRefused() {
        String document = "<?xml version=\"1.1\"?><users><user id=\"v11\"><attributes/></user></users>";

        HttpResponse<String> response = SERVER.api().post(REGISTRATION, document);

        assertError(response, 400).contains("XML 1.1");
    }

    /** A removed customer's users never reappear when its id is given to a customer again. */
    @Test
    void customerAddedAgainStartsEmpty() {
        var customers = SERVER.server().server().customers();
        customers.add("77777", LicenseKeys.hash("first"));
        HttpApi first = new HttpApi(SERVER.server().baseUri(), "77777", "first");
        first.post("/api/77777/registration/user", users(user("kept", attribute("n", "1"))));

        customers.remove("77777");
        customers.add("77777", LicenseKeys.hash("second"));
        HttpApi second = new HttpApi(SERVER.server().baseUri(), "77777", "second");

        assertThat(second.get("/api/77777/registration/user/kept").body()).doesNotContain("kept");
    }
}
