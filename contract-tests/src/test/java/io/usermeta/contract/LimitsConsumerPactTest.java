package io.usermeta.contract;

import static io.usermeta.client.UserSets.user;
import static io.usermeta.contract.ClusterXml.appendPredicate;
import static io.usermeta.contract.ClusterXml.document;
import static io.usermeta.contract.ClusterXml.predicate;
import static io.usermeta.contract.Contract.CUSTOMER_CREDENTIALS;
import static io.usermeta.contract.Contract.MAX_BODY_BYTES;
import static io.usermeta.contract.Contract.MAX_URI_LENGTH;
import static io.usermeta.contract.Contract.NO_HORROR_FANS;
import static io.usermeta.contract.Contract.ONE_SOURCE;
import static io.usermeta.contract.Contract.REGISTRATION;
import static io.usermeta.contract.Contract.U2_UNKNOWN;
import static io.usermeta.contract.Contract.aDelete;
import static io.usermeta.contract.Contract.aGet;
import static io.usermeta.contract.Contract.aPost;
import static io.usermeta.contract.Contract.aRequest;
import static io.usermeta.contract.Contract.assertRefused;
import static io.usermeta.contract.Contract.attribute;
import static io.usermeta.contract.Contract.attributeWithExactValue;
import static io.usermeta.contract.Contract.connect;
import static io.usermeta.contract.Contract.customerPath;
import static io.usermeta.contract.Contract.respondsWithXml;
import static io.usermeta.contract.Contract.usersPath;
import static io.usermeta.contract.Contract.withXml;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.usermeta.client.Attributes;
import io.usermeta.client.Conditions;
import io.usermeta.client.UsermetaClient;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the Java client relies on when a request is over one of the server's limits: more user ids than
 * allowed or a URI too long (414), a body too large (413). The bodies are sized against the limits the
 * provider verification runs with ({@link Contract#providerLimits()}), the id lists against the default.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V3)
class LimitsConsumerPactTest {
    /** One more id than the server's default limit of 1,000 per request. */
    private static final List<String> TOO_MANY_IDS = IntStream.rangeClosed(0, 1_000)
            .mapToObj(Integer::toString)
            .collect(Collectors.toList());
    private static final String TOO_MANY_IDS_MESSAGE = "1001 user ids in the path; the limit is 1000";
    /** A source name that alone makes the URI longer than the provider's limit. */
    private static final String LONG_SOURCE = "s".repeat(MAX_URI_LENGTH);
    private static final String URI_TOO_LONG = "the URI has " + usersPath(LONG_SOURCE).length()
            + " bytes; the limit is " + MAX_URI_LENGTH;
    /**
     * A TEXT value as long as the body limit: within the limit of TEXT values, but the body that carries
     * it is a little larger than the provider takes.
     */
    private static final String LONG_TEXT = "x".repeat(MAX_BODY_BYTES);
    /** The XML attributes of a predicate that looks for {@link #LONG_TEXT} in TEXT values. */
    private static final Object[] LONG_CONTAINS = {"op", "contains", "key", "wants", "value", LONG_TEXT};
    private static final String BODY_TOO_LARGE = "the body is larger than the limit of " + MAX_BODY_BYTES + " bytes";

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact getTooManyIds(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aGet(builder.uponReceiving("a GET of more user ids than the default limit"),
                CUSTOMER_CREDENTIALS, String.join(",", TOO_MANY_IDS), ONE_SOURCE);

        return respondsWithXml(request, 414, Contract.error(414, TOO_MANY_IDS_MESSAGE)).toPact();
    }

    /** Reading more ids than the limit is refused with 414, and the client passes on the server's message. */
    @Test
    @PactTestFor(pactMethod = "getTooManyIds")
    void readingTooManyIdsIsRefused(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertRefused(() -> usermeta.get(REGISTRATION, TOO_MANY_IDS.toArray(String[]::new)), 414,
                TOO_MANY_IDS_MESSAGE);
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact deleteTooManyIds(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aDelete(builder
                .uponReceiving("a DELETE of more user ids than the default limit"), CUSTOMER_CREDENTIALS,
                String.join(",", TOO_MANY_IDS));

        return respondsWithXml(request, 414, Contract.error(414, TOO_MANY_IDS_MESSAGE)).toPact();
    }

    /** Opting out more ids than the limit is refused with 414, and the client passes on the server's message. */
    @Test
    @PactTestFor(pactMethod = "deleteTooManyIds")
    void deletingTooManyIdsIsRefused(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertRefused(() -> usermeta.delete(TOO_MANY_IDS.toArray(String[]::new)), 414, TOO_MANY_IDS_MESSAGE);
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact postToLongUri(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aPost(builder.given(U2_UNKNOWN)
                        .uponReceiving("a POST whose URI is longer than the provider's limit"),
                CUSTOMER_CREDENTIALS, LONG_SOURCE, List.of(attribute("gender", "f", "NOMINAL")));

        return respondsWithXml(request, 414, Contract.error(414, URI_TOO_LONG)).toPact();
    }

    /** A replace whose URI is over the limit is refused with 414, and the client passes on the message. */
    @Test
    @PactTestFor(pactMethod = "postToLongUri")
    void replacingOverALongUriIsRefused(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertRefused(() -> usermeta.replace(LONG_SOURCE, user("u-2", Attributes.nominal("gender", "f"))), 414,
                URI_TOO_LONG);
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact postTooLarge(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aPost(builder.given(U2_UNKNOWN)
                        .uponReceiving("a POST of a document a little larger than the provider's body limit"),
                CUSTOMER_CREDENTIALS, List.of(attributeWithExactValue("wants", LONG_TEXT, "TEXT")));

        return respondsWithXml(request, 413, Contract.error(413, BODY_TOO_LARGE)).toPact();
    }

    /** A document over the body limit is refused with 413, and the client passes on the server's message. */
    @Test
    @PactTestFor(pactMethod = "postTooLarge")
    void replacingWithTooLargeADocumentIsRefused(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertRefused(() -> usermeta.replace(REGISTRATION, user("u-2", Attributes.text("wants", LONG_TEXT))), 413,
                BODY_TOO_LARGE);
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact putTooLarge(PactDslWithProvider builder) {
        PactDslRequestWithPath request = withXml(aRequest(builder.given(NO_HORROR_FANS)
                        .uponReceiving("a PUT of a segment a little larger than the provider's body limit"),
                CUSTOMER_CREDENTIALS, "PUT", customerPath("segments/horror-fans")),
                document("segment", Map.of(), segment -> appendPredicate(segment, LONG_CONTAINS)));

        return respondsWithXml(request, 413, Contract.error(413, BODY_TOO_LARGE)).toPact();
    }

    /** A segment over the body limit is refused with 413, and the client passes on the server's message. */
    @Test
    @PactTestFor(pactMethod = "putTooLarge")
    void savingTooLargeASegmentIsRefused(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertRefused(() -> usermeta.putSegment("horror-fans", Conditions.contains("wants", LONG_TEXT)), 413,
                BODY_TOO_LARGE);
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact evaluateTooLarge(PactDslWithProvider builder) {
        PactDslRequestWithPath request = withXml(aRequest(builder
                        .uponReceiving("a POST of a condition a little larger than the provider's body limit"),
                CUSTOMER_CREDENTIALS, "POST", customerPath("evaluate")), predicate(LONG_CONTAINS));

        return respondsWithXml(request, 413, Contract.error(413, BODY_TOO_LARGE)).toPact();
    }

    /** A condition over the body limit is refused with 413, and the client passes on the server's message. */
    @Test
    @PactTestFor(pactMethod = "evaluateTooLarge")
    void evaluatingTooLargeAConditionIsRefused(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertRefused(() -> usermeta.evaluate(Conditions.contains("wants", LONG_TEXT), null, null), 413,
                BODY_TOO_LARGE);
    }
}
