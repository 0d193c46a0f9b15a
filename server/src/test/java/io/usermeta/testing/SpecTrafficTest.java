package io.usermeta.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checks every test's traffic goes through: they must find what the spec does not allow, in
 * answers and in requests the server accepted, and nothing in exchanges the spec describes.
 */
class SpecTrafficTest {
    private static final String USERS_PATH = "/api/00000/registration/user";
    private static final String XML = "text/xml;charset=UTF-8";
    private static final String CREDENTIALS = HttpApi.basic("00000", "key");
    private static final String DOCUMENT =
            "<users><user id=\"u-1\"><attributes><attribute key=\"k\" value=\"1\" type=\"NUMERIC\"/></attributes>"
                    + "</user></users>";
    private static final String REFUSAL = "<error status=\"400\"><message>why</message></error>";

    /** A POST the spec describes, answered 204, conforms; so does its UTF-16 form. */
    @Test
    void describedExchangeConforms() {
        assertThat(problems(post(XML, DOCUMENT.getBytes(StandardCharsets.UTF_8)), 204, null, "")).isEmpty();
        assertThat(problems(post("text/xml; charset=UTF-16", DOCUMENT.getBytes(StandardCharsets.UTF_16)), 204,
                null, "")).isEmpty();
    }

    /** A request body the spec's schema does not allow must not be accepted, but may be refused with a 400. */
    @Test
    void acceptedBodyOutsideTheSchemaIsAProblem() {
        SentRequest request = post(XML, DOCUMENT.replace("type=", "color=\"red\" type=")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(problems(request, 204, null, "")).singleElement().asString()
                .contains("does not allow the request", "color");
        assertThat(problems(request, 400, XML, REFUSAL)).isEmpty();
    }

    /** Neither may a body of a media type the operation does not take, nor one that fails with a 5xx. */
    @Test
    void acceptedContentTypeOutsideTheSpecIsAProblem() {
        SentRequest request = post("application/json", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(problems(request, 204, null, "")).singleElement().asString().contains("Content-Type");
        assertThat(problems(request, 500, XML, REFUSAL.replace("400", "500"))).isNotEmpty();
        assertThat(problems(request, 415, XML, REFUSAL.replace("400", "415"))).isEmpty();
    }

    /** A GET of an id the spec's pattern excludes, or with a query value it does not allow, must not succeed. */
    @Test
    void acceptedParametersOutsideTheSpecAreProblems() {
        SentRequest withSpace =
                new SentRequest("GET", USERS_PATH + "/u-1,a%20b", Map.of("Authorization", CREDENTIALS), null);
        SentRequest notBoolean = new SentRequest("GET", USERS_PATH + "/u-1?allSources=maybe",
                Map.of("Authorization", CREDENTIALS), null);

        assertThat(problems(withSpace, 200, XML, "<users/>")).singleElement().asString().contains("pattern");
        assertThat(problems(notBoolean, 200, XML, "<users/>")).singleElement().asString().contains("maybe");
        assertThat(problems(withSpace, 400, XML, REFUSAL)).isEmpty();
    }

    /** An answer with a status the operation does not declare, or a body outside its schema, is a problem. */
    @Test
    void undescribedAnswersAreProblems() {
        SentRequest get = new SentRequest("GET", USERS_PATH + "/u-1", Map.of("Authorization", CREDENTIALS), null);

        assertThat(problems(get, 409, XML, REFUSAL.replace("400", "409"))).isNotEmpty();
        assertThat(problems(get, 200, XML, "<users><user/></users>")).isNotEmpty();
        assertThat(problems(get, 200, XML, "<users/>")).isEmpty();
    }

    private static SentRequest post(String contentType, byte[] body) {
        return new SentRequest("POST", USERS_PATH, Map.of("Authorization", CREDENTIALS, "Content-Type", contentType),
                body);
    }

    private static List<String> problems(SentRequest request, int status, String contentType, String body) {
        return SpecTraffic.problems(request, status, contentType, body);
    }
}
