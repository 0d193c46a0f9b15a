package io.usermeta.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractStringAssert;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Asserts that a response is one of the API's errors: the expected status, a {@code text/xml} body
 * {@code <error status="…"><message>…</message></error>} with the same status, and no stack trace.
 */
public final class ErrorBodies {
    private static final Pattern CONTENT_TYPE = Pattern.compile("(?im)^content-type:\\s*(.*?)\\s*$");
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(");

    private ErrorBodies() {}

    /** Checks the error and gives an assertion on its message, for the words it must contain. */
    public static AbstractStringAssert<?> assertError(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("status, body %s", response.body()).isEqualTo(status);
        return assertBody(response.headers().firstValue("Content-Type").orElse(""), response.body(), status);
    }

    public static AbstractStringAssert<?> assertError(HttpApi.RawResponse response, int status) {
        assertThat(response.status()).as("status, response %s", response).isEqualTo(status);
        Matcher type = CONTENT_TYPE.matcher(response.head());
        return assertBody(type.find() ? type.group(1) : "", response.body(), status);
    }

    private static AbstractStringAssert<?> assertBody(String contentType, String body, int status) {
        assertThat(contentType).as("Content-Type of the error").startsWith("text/xml");
        assertThat(body).doesNotContain("Exception").doesNotMatch("(?s).*" + STACK_FRAME.pattern() + ".*");
        Element error = XmlText.parse(body);
        assertThat(error.getTagName()).isEqualTo("error");
        assertThat(error.getAttribute("status")).isEqualTo(String.valueOf(status));
        NodeList messages = error.getElementsByTagName("message");
        assertThat(messages.getLength()).as("message elements in %s", body).isEqualTo(1);
        return assertThat(messages.item(0).getTextContent()).as("error message").isNotBlank();
    }
}
