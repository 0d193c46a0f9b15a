package io.usermeta.contract;

import static io.usermeta.contract.ClusterXml.appendCondition;
import static io.usermeta.contract.ClusterXml.appendPredicate;
import static io.usermeta.contract.ClusterXml.attributes;
import static io.usermeta.contract.ClusterXml.document;
import static io.usermeta.contract.Contract.CLUSTERED_USERS;
import static io.usermeta.contract.Contract.CUSTOMER_CREDENTIALS;
import static io.usermeta.contract.Contract.JSON;
import static io.usermeta.contract.Contract.NOT_XML;
import static io.usermeta.contract.Contract.NO_HORROR_FANS;
import static io.usermeta.contract.Contract.SEGMENTS_SAVED;
import static io.usermeta.contract.Contract.aRequest;
import static io.usermeta.contract.Contract.assertErrorBody;
import static io.usermeta.contract.Contract.assertRefused;
import static io.usermeta.contract.Contract.connect;
import static io.usermeta.contract.Contract.customerPath;
import static io.usermeta.contract.Contract.refusedAlike;
import static io.usermeta.contract.Contract.respondsWithXml;
import static io.usermeta.contract.Contract.sendDirectly;
import static io.usermeta.contract.Contract.withJson;
import static io.usermeta.contract.Contract.withXml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.xml.XmlNode;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.usermeta.client.Conditions;
import io.usermeta.client.UsermetaClient;
import io.usermeta.client.model.Condition.OpEnum;
import io.usermeta.client.model.Condition;
import io.usermeta.client.model.Segment;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the Java client relies on when it saves, reads, lists and deletes segments. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V3)
class SegmentsConsumerPactTest {
    private static final String UNKNOWN_SEGMENT = "customer '00000' has no segment 'horror-fans'";
    private static final String WRONG_TYPE = "condition /: range on 'country' looks at NUMERIC values, but the key"
            + " holds [NOMINAL] values; set type to match";
    private static final String NAME_WITH_SPACE = "horror fans";
    private static final String NAME_WITH_SPACE_IN_PATH = "horror%20fans";
    private static final String INVALID_NAME = "segment name 'horror fans' must be 1-64 letters, digits, '_', '-'"
            + " or '.', and not . or ..";
    /** A segment as the generated models write it in JSON, with their empty lists. */
    private static final String HORROR_FANS_JSON = "{\"condition\":{\"op\":\"equals\",\"key\":\"film\","
            + "\"value\":\"horror\",\"values\":[],\"conditions\":[]}}";

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact list(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aRequest(builder.given(SEGMENTS_SAVED)
                .uponReceiving("a GET of the saved segments"), CUSTOMER_CREDENTIALS, "GET", customerPath("segments"));

        return respondsWithXml(request, 200, document("segments", Map.of(), segments -> {
            segments.appendElement("segment", attributes("name", "adults"), SegmentsConsumerPactTest::adults);
            segments.appendElement("segment", attributes("name", "resellers-de"),
                    SegmentsConsumerPactTest::resellersInGermany);
        })).toPact();
    }

    /** The list holds every saved segment by name, each with its description and condition. */
    @Test
    @PactTestFor(pactMethod = "list")
    void listsSavedSegments(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertThat(usermeta.segments())
                .extracting(Segment::getName, Segment::getDescription, segment -> segment.getCondition().getOp())
                .containsExactly(tuple("adults", "Aged 18 or more", OpEnum.RANGE),
                        tuple("resellers-de", null, OpEnum.ALL_OF));
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact read(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aSegmentRequest(builder.given(SEGMENTS_SAVED)
                .uponReceiving("a GET of a saved segment"), "GET", "resellers-de");

        return respondsWithXml(request, 200, document("segment", attributes("name", "resellers-de"),
                SegmentsConsumerPactTest::resellersInGermany)).toPact();
    }

    /** A saved segment reads back with its name and the whole condition tree. */
    @Test
    @PactTestFor(pactMethod = "read")
    void readsASegment(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        Segment segment = usermeta.segment("resellers-de");

        assertThat(segment.getName()).isEqualTo("resellers-de");
        assertThat(segment.getCondition()).isEqualTo(Conditions.allOf(
                Conditions.equalTo("type", "reseller"), Conditions.equalTo("country", "DE")));
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact readUnknown(PactDslWithProvider builder) {
        return unknownSegment(aSegmentRequest(builder.given(NO_HORROR_FANS)
                .uponReceiving("a GET of an unknown segment"), "GET", "horror-fans"));
    }

    /** Reading an unknown segment fails with 404 and the server's message. */
    @Test
    @PactTestFor(pactMethod = "readUnknown")
    void readingAnUnknownSegmentFails(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertUnknown(() -> usermeta.segment("horror-fans"));
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact invalidName(PactDslWithProvider builder) {
        PactDslRequestWithPath read = aSegmentRequest(builder
                .uponReceiving("a GET of a segment whose name has a space"), "GET", NAME_WITH_SPACE_IN_PATH);

        return refusedAlike(read, "a DELETE of a segment whose name has a space", "DELETE",
                customerPath("segments/" + NAME_WITH_SPACE_IN_PATH), 400, INVALID_NAME);
    }

    /** Reading or deleting by a name the API does not allow fails with 400 and the server's message. */
    @Test
    @PactTestFor(pactMethod = "invalidName")
    void anInvalidNameIsRefused(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertInvalidName(() -> usermeta.segment(NAME_WITH_SPACE));
        assertInvalidName(() -> usermeta.deleteSegment(NAME_WITH_SPACE));
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact create(PactDslWithProvider builder) {
        PactDslRequestWithPath request = withXml(aSegmentRequest(builder.given(NO_HORROR_FANS)
                .uponReceiving("a PUT of a new segment"), "PUT", "horror-fans"), document("segment", Map.of(),
                        segment -> {
                            segment.appendElement("description", "Aged 25 to 34 and fond of horror films");
                            appendCondition(segment, attributes("op", "allOf"), allOf -> {
                                appendPredicate(allOf, "op", "range", "key", "age", "type", "NUMERIC", "gte", "25",
                                        "lt", "35");
                                appendPredicate(allOf, "op", "equals", "key", "film", "value", "horror");
                            });
                        }));

        return request.willRespondWith().status(201).toPact();
    }

    /** Saving a segment under a new name sends its description and condition and says it was created. */
    @Test
    @PactTestFor(pactMethod = "create")
    void createsASegment(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);
        Segment horrorFans = new Segment().description("Aged 25 to 34 and fond of horror films")
                .condition(Conditions.allOf(
                        Conditions.range("age", Condition.TypeEnum.NUMERIC).gte("25").lt("35"),
                        Conditions.equalTo("film", "horror")));

        assertThat(usermeta.putSegment("horror-fans", horrorFans)).isTrue();
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact replace(PactDslWithProvider builder) {
        PactDslRequestWithPath request = withXml(aSegmentRequest(builder.given(SEGMENTS_SAVED)
                .uponReceiving("a PUT replacing a saved segment"), "PUT", "resellers-de"), document("segment",
                        Map.of(), segment -> appendCondition(segment, attributes("op", "in", "key", "country"),
                                in -> {
                                    in.appendElement("value", "DE");
                                    in.appendElement("value", "AT");
                                })));

        return request.willRespondWith().status(204).toPact();
    }

    /** Saving under a name in use replaces that segment and says it was not created. */
    @Test
    @PactTestFor(pactMethod = "replace")
    void replacesASegment(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertThat(usermeta.putSegment("resellers-de", Conditions.in("country", "DE", "AT"))).isFalse();
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact invalid(PactDslWithProvider builder) {
        PactDslRequestWithPath request = withXml(aSegmentRequest(builder.given(CLUSTERED_USERS).given(NO_HORROR_FANS)
                .uponReceiving("a PUT of a segment whose condition looks at a type its key never holds"),
                "PUT", "horror-fans"), document("segment", Map.of(), segment ->
                        appendPredicate(segment, "op", "range", "key", "country", "type", "NUMERIC", "gte", "1")));

        return respondsWithXml(request, 400, Contract.error(400, WRONG_TYPE)).toPact();
    }

    /** A condition on a type its key never holds is refused with 400 and a message saying what to fix. */
    @Test
    @PactTestFor(pactMethod = "invalid")
    void refusedSegmentCarriesTheMessage(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);
        Condition numericCountry = Conditions.range("country", Condition.TypeEnum.NUMERIC).gte("1");

        assertRefused(() -> usermeta.putSegment("horror-fans", numericCountry), 400, WRONG_TYPE);
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact delete(PactDslWithProvider builder) {
        return aSegmentRequest(builder.given(SEGMENTS_SAVED).uponReceiving("a DELETE of a saved segment"),
                "DELETE", "resellers-de")
                .willRespondWith()
                .status(204)
                .toPact();
    }

    /** Deleting a saved segment succeeds without a body. */
    @Test
    @PactTestFor(pactMethod = "delete")
    void deletesASegment(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertThatCode(() -> usermeta.deleteSegment("resellers-de")).doesNotThrowAnyException();
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact deleteUnknown(PactDslWithProvider builder) {
        return unknownSegment(aSegmentRequest(builder.given(NO_HORROR_FANS)
                .uponReceiving("a DELETE of an unknown segment"), "DELETE", "horror-fans"));
    }

    /** Deleting an unknown segment fails with 404 and the server's message. */
    @Test
    @PactTestFor(pactMethod = "deleteUnknown")
    void deletingAnUnknownSegmentFails(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertUnknown(() -> usermeta.deleteSegment("horror-fans"));
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact putAsJson(PactDslWithProvider builder) {
        PactDslRequestWithPath request = withJson(aSegmentRequest(builder.given(NO_HORROR_FANS)
                .uponReceiving("a PUT of a segment as JSON"), "PUT", "horror-fans"), HORROR_FANS_JSON);

        return respondsWithXml(request, 415, Contract.error(415, NOT_XML)).toPact();
    }

    /** A segment in another media type is refused with 415, and the client passes on the server's message. */
    @Test
    @PactTestFor(pactMethod = "putAsJson")
    void otherMediaTypesAreRefused(MockServer mockServer) {
        // The generated operation only ever sends XML; its ApiClient can send the same segment as JSON.
        Segment horrorFans = new Segment().condition(Conditions.equalTo("film", "horror"));

        assertErrorBody(() -> sendDirectly(mockServer, "PUT", customerPath("segments/horror-fans"), horrorFans,
                JSON), 415, NOT_XML);
    }

    /** The content of segment adults as the provider state saves it. */
    private static void adults(XmlNode segment) {
        segment.appendElement("description", "Aged 18 or more");
        appendPredicate(segment, "op", "range", "key", "age", "type", "NUMERIC", "gte", "18");
    }

    /** The content of segment resellers-de as the provider state saves it. */
    private static void resellersInGermany(XmlNode segment) {
        appendCondition(segment, attributes("op", "allOf"), allOf -> {
            appendPredicate(allOf, "op", "equals", "key", "type", "value", "reseller");
            appendPredicate(allOf, "op", "equals", "key", "country", "value", "DE");
        });
    }

    private static PactDslRequestWithPath aSegmentRequest(PactDslRequestWithoutPath request, String method,
            String name) {
        return aRequest(request, CUSTOMER_CREDENTIALS, method, customerPath("segments/" + name));
    }

    private static RequestResponsePact unknownSegment(PactDslRequestWithPath request) {
        return respondsWithXml(request, 404, Contract.error(404, UNKNOWN_SEGMENT)).toPact();
    }

    private static void assertInvalidName(ThrowingCallable call) {
        assertRefused(call, 400, INVALID_NAME);
    }

    private static void assertUnknown(ThrowingCallable call) {
        assertRefused(call, 404, UNKNOWN_SEGMENT);
    }
}
