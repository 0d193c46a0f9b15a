package io.usermeta.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.Matchers;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.xml.PactXmlBuilder;
import au.com.dius.pact.consumer.xml.XmlNode;
import au.com.dius.pact.core.model.RequestResponsePact;
import io.usermeta.client.UsermetaClient;
import io.usermeta.client.UsermetaException;
import io.usermeta.client.invoker.ApiClient;
import io.usermeta.client.invoker.ApiException;
import io.usermeta.client.model.Error;
import io.usermeta.core.Limits;
import io.usermeta.testing.HttpApi;
import io.usermeta.testing.TestServer;
import jakarta.ws.rs.core.GenericType;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * What the consumer pacts and the provider verification share: participant names, credentials,
 * provider state names, the provider's limits, requests, refusals, and builders for the XML bodies of
 * the User API.
 */
final class Contract {
    static final String CONSUMER = "usermeta-java-client";
    static final String PROVIDER = "usermeta";

    static final String CUSTOMER = TestServer.CUSTOMER;
    static final String LICENSE_KEY = TestServer.LICENSE_KEY;
    static final String OTHER_CUSTOMER = "00001";
    static final String OTHER_LICENSE_KEY = "other-key";

    static final String AUTHORIZATION = "Authorization";
    static final String CUSTOMER_CREDENTIALS = HttpApi.basic(CUSTOMER, LICENSE_KEY);
    static final String WRONG_LICENSE_KEY = "wrong-key";
    static final String WRONG_KEY_CREDENTIALS = HttpApi.basic(CUSTOMER, WRONG_LICENSE_KEY);
    static final String OTHER_CUSTOMER_CREDENTIALS = HttpApi.basic(OTHER_CUSTOMER, OTHER_LICENSE_KEY);
    static final String BAD_CREDENTIALS = "credentials are missing or wrong";
    static final String OTHER_CUSTOMERS_PATH = "customer '00001' may not access customer '00000'";

    /**
     * The body limit the provider verification runs with: the default (64 MiB) would make a 413 pact
     * carry a 64 MiB body, so it is 64 KiB, far above any other interaction's body.
     */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /**
     * The URI limit the provider verification runs with, for the same reason: small enough for a POST's
     * path to exceed it, yet twice as long as a GET of 1,001 ids, which is refused for the count of ids.
     */
    static final int MAX_URI_LENGTH = 8 * 1024;

    static final String CONTENT_TYPE = "Content-Type";
    static final String XML = "text/xml";
    static final String JSON = "application/json";
    static final String NOT_XML = "the body must be text/xml or application/xml";
    /** The documented type, optionally with a charset: the parameter is the server's to choose. */
    static final String XML_WITH_ANY_CHARSET = "text/xml(;\\s*charset=[\\w-]+)?";

    /** The generated client always sends {@code allSources}, also when it asks for the default. */
    static final String ONE_SOURCE = "allSources=false";
    static final String ALL_SOURCES = "allSources=true";

    static final String REGISTRATION = "registration";
    static final String FACEBOOK = "facebook";
    static final String ESCAPED_ID = "Customer<12.2014>";
    /** The server's message for the id list {@code u-1,,never-posted}. */
    static final String EMPTY_SECOND_ID = "user id #2 in the path is empty (two commas in a row, or a comma at an end)";

    /** State: u-1 has three registration attributes (NOMINAL, DATE, NUMERIC) and one facebook one. */
    static final String U1_IN_TWO_SOURCES = "customer 00000 has user u-1 with registration and facebook attributes";
    /** State: the user with the id that needs escaping has one registration attribute (DATETIME). */
    static final String ESCAPED_USER_KNOWN = "customer 00000 has user Customer<12.2014> with a registration attribute";
    /** State: u-2 is not stored, and whatever an interaction stores for it is removed afterwards. */
    static final String U2_UNKNOWN = "customer 00000 has no user u-2";
    /** State: a second customer exists, so its valid credentials can be used on the first one's paths. */
    static final String OTHER_CUSTOMER_EXISTS = "customer 00001 exists with license key other-key";
    /** State: r-1, r-2 and r-3 have registration attributes to count and cluster. */
    static final String CLUSTERED_USERS =
            "customer 00000 has users r-1, r-2 and r-3 with type, country, age and registered";
    /** State: segments adults (age 18 or more, with a description) and resellers-de (type reseller, country DE). */
    static final String SEGMENTS_SAVED = "customer 00000 has segments adults and resellers-de";
    /** State: there is no segment horror-fans, and what an interaction saves under that name is removed afterwards. */
    static final String NO_HORROR_FANS = "customer 00000 has no segment horror-fans";

    private Contract() {}

    /** The limits of the server the pacts are verified against: the defaults, but for body and URI size. */
    static Limits providerLimits() {
        Limits defaults = Limits.defaults();
        return new Limits(MAX_BODY_BYTES, defaults.maxIdsPerRequest(), defaults.maxAttributesPerSet(),
                defaults.maxKeyLength(), defaults.maxValueLength(), defaults.maxTextLength(), MAX_URI_LENGTH);
    }

    /** The path of a customer's source, with each segment already percent-encoded. */
    static String usersPath(String source) {
        return customerPath(source + "/user");
    }

    /** The path of {@code rest} below the customer's, e.g. {@code segments/adults}, already percent-encoded. */
    static String customerPath(String rest) {
        return "/api/" + CUSTOMER + "/" + rest;
    }

    /** A request of {@code method} to {@code path} with these credentials. */
    static PactDslRequestWithPath aRequest(PactDslRequestWithoutPath request, String credentials, String method,
            String path) {
        return request.path(path)
                .method(method)
                .headers(AUTHORIZATION, credentials);
    }

    /**
     * The pact of two requests refused alike: {@code first}, then one of {@code method} to {@code path} with
     * the customer's credentials and no provider states. Pact starts the second from a copy of the first
     * without its headers, so {@code first} must have no query or body.
     */
    static RequestResponsePact refusedAlike(PactDslRequestWithPath first, String description, String method,
            String path, int status, String message) {
        PactDslRequestWithPath second = respondsWithXml(first, status, error(status, message))
                .uponReceiving(description)
                .path(path)
                .method(method)
                .headers(AUTHORIZATION, CUSTOMER_CREDENTIALS);
        return respondsWithXml(second, status, error(status, message)).toPact();
    }

    /** The same with an XML body of the documented media type. */
    static PactDslRequestWithPath withXml(PactDslRequestWithPath request, DocumentedXml body) {
        return request.matchHeader(CONTENT_TYPE, XML_WITH_ANY_CHARSET, XML).body(body);
    }

    /** The same with a JSON body, a media type the API does not take. */
    static PactDslRequestWithPath withJson(PactDslRequestWithPath request, String json) {
        return request.body(json, JSON);
    }

    /** A GET of the listed users' registration attributes, ids joined and encoded as the client sends them. */
    static PactDslRequestWithPath aGet(PactDslRequestWithoutPath request, String credentials, String userIds,
            String query) {
        return aRequest(request, credentials, "GET", usersPath(REGISTRATION) + "/" + userIds).query(query);
    }

    /** A POST of u-2 with these attributes to the registration source. */
    static PactDslRequestWithPath aPost(PactDslRequestWithoutPath request, String credentials,
            List<Map<String, Object>> attributes) {
        return aPost(request, credentials, REGISTRATION, attributes);
    }

    /** A POST of u-2 with these attributes to {@code source}. */
    static PactDslRequestWithPath aPost(PactDslRequestWithoutPath request, String credentials, String source,
            List<Map<String, Object>> attributes) {
        return withXml(aRequest(request, credentials, "POST", usersPath(source)),
                users(users -> appendUser(users, "u-2", attributes)));
    }

    /** A DELETE of the listed users, ids joined and encoded as the client sends them. */
    static PactDslRequestWithPath aDelete(PactDslRequestWithoutPath request, String credentials, String userIds) {
        return aRequest(request, credentials, "DELETE", customerPath("user/" + userIds));
    }

    /** The response to {@code request}: this status and an XML body of the documented media type. */
    static PactDslResponse respondsWithXml(PactDslRequestWithPath request, int status, DocumentedXml body) {
        return request.willRespondWith()
                .status(status)
                .matchHeader(CONTENT_TYPE, XML_WITH_ANY_CHARSET, XML)
                .body(body);
    }

    /** A {@code <users>} document whose content {@code users} appends. */
    static DocumentedXml users(Consumer<XmlNode> users) {
        return new DocumentedXml(new PactXmlBuilder("users").build(users));
    }

    /** Appends a {@code <user>} with exactly this id and these {@code <attribute>} elements, in order. */
    static void appendUser(XmlNode users, String id, List<Map<String, Object>> attributes) {
        users.appendElement("user", Map.of("id", id), user ->
                user.appendElement("attributes", Map.of(), list -> attributes.forEach(attribute ->
                        list.appendElement("attribute", attribute))));
    }

    /** An attribute with any key and value text but exactly this type. */
    static Map<String, Object> attribute(String key, String value, String type) {
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("key", Matchers.string(key));
        attribute.put("value", Matchers.string(value));
        attribute.put("type", type);
        return attribute;
    }

    /** An attribute whose value is the point of the interaction, so the value must be exactly this one. */
    static Map<String, Object> attributeWithExactValue(String key, String value, String type) {
        Map<String, Object> attribute = attribute(key, value, type);
        attribute.put("value", value);
        return attribute;
    }

    /** An attribute of another source than the path's: any key and value, exactly this type and source. */
    static Map<String, Object> attributeOf(String source, String key, String value, String type) {
        Map<String, Object> attribute = attribute(key, value, type);
        attribute.put("source", source);
        return attribute;
    }

    /** The thin client layer, acting as the contract's customer against Pact's mock server. */
    static UsermetaClient connect(MockServer mockServer) {
        return connect(mockServer, CUSTOMER, LICENSE_KEY);
    }

    /** The thin client layer with these credentials, against Pact's mock server. */
    static UsermetaClient connect(MockServer mockServer, String customerId, String licenseKey) {
        return UsermetaClient.connect(URI.create(mockServer.getUrl()), customerId, licenseKey);
    }

    /**
     * Sends a request no generated operation sends (another path or media type) through the generated
     * {@link ApiClient}, as the contract's customer, reading any error answer as the error body.
     */
    static void sendDirectly(MockServer mockServer, String method, String path, Object body, String contentType)
            throws ApiException {
        connect(mockServer).usersApi().getApiClient().invokeAPI("direct", path, method, List.of(), body, Map.of(),
                Map.of(), Map.of(), XML, contentType, new String[] {"basicAuth"}, null, false,
                Map.of("0", new GenericType<Error>() {}));
    }

    /** Asserts that {@code call} fails through the thin layer with this status and the server's message. */
    static void assertRefused(ThrowingCallable call, int status, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UsermetaException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.serverMessage()).isEqualTo(message);
        });
    }

    /** Asserts that {@code call} fails through the generated API with this status and the server's message. */
    static void assertErrorBody(ThrowingCallable call, int status, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getCode()).isEqualTo(status);
            assertThat(e.getErrorEntity()).isInstanceOfSatisfying(Error.class, error ->
                    assertThat(error.getMessage()).isEqualTo(message));
        });
    }

    /** Asserts that {@code call} fails through the generated API with 403 and the server's message. */
    static void assertForbidden(ThrowingCallable call) {
        assertErrorBody(call, 403, OTHER_CUSTOMERS_PATH);
    }

    /** The response to a request with a wrong license key: 401, a Basic challenge and the error body. */
    static PactDslResponse unauthorized(PactDslRequestWithPath request) {
        return respondsWithXml(request, 401, error(401, BAD_CREDENTIALS))
                .matchHeader("WWW-Authenticate", "Basic( .*)?", "Basic realm=\"usermeta\"");
    }

    /** The response to a request with valid credentials of another customer: 403 and the error body. */
    static PactDslResponse forbidden(PactDslRequestWithPath request) {
        return respondsWithXml(request, 403, error(403, OTHER_CUSTOMERS_PATH));
    }

    /** The one error body: exactly this status, and a message for people whose words may change. */
    static DocumentedXml error(int status, String exampleMessage) {
        return new DocumentedXml(new PactXmlBuilder("error").build(error -> {
            error.setAttributes(Map.of("status", Integer.toString(status)));
            error.appendElement("message", Map.of(), Matchers.string(exampleMessage));
        }));
    }
}
