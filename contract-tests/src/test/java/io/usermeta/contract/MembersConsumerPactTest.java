package io.usermeta.contract;

import static io.usermeta.contract.ClusterXml.attributes;
import static io.usermeta.contract.ClusterXml.document;
import static io.usermeta.contract.ClusterXml.members;
import static io.usermeta.contract.ClusterXml.predicate;
import static io.usermeta.contract.Contract.CLUSTERED_USERS;
import static io.usermeta.contract.Contract.CUSTOMER_CREDENTIALS;
import static io.usermeta.contract.Contract.ESCAPED_ID;
import static io.usermeta.contract.Contract.ESCAPED_USER_KNOWN;
import static io.usermeta.contract.Contract.JSON;
import static io.usermeta.contract.Contract.NOT_XML;
import static io.usermeta.contract.Contract.NO_HORROR_FANS;
import static io.usermeta.contract.Contract.SEGMENTS_SAVED;
import static io.usermeta.contract.Contract.aRequest;
import static io.usermeta.contract.Contract.assertErrorBody;
import static io.usermeta.contract.Contract.assertRefused;
import static io.usermeta.contract.Contract.connect;
import static io.usermeta.contract.Contract.customerPath;
import static io.usermeta.contract.Contract.respondsWithXml;
import static io.usermeta.contract.Contract.sendDirectly;
import static io.usermeta.contract.Contract.withJson;
import static io.usermeta.contract.Contract.withXml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.Matchers;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.xml.XmlNode;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.usermeta.client.Conditions;
import io.usermeta.client.UsermetaClient;
import io.usermeta.client.model.Attribute;
import io.usermeta.client.model.Condition;
import io.usermeta.client.model.MatchedPredicate;
import io.usermeta.client.model.Member;
import io.usermeta.client.model.Members;
import io.usermeta.client.model.Membership;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the Java client relies on when it lists the members of a saved segment or of a condition sent in
 * the request, page by page, and asks which segments hold a user.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V3)
class MembersConsumerPactTest {
    /** The cursor the server gives out after r-2; a later page's request must carry it unchanged. */
    private static final String AFTER_R2 = "ci0yQMluQw";
    /** A cursor cut short, as a caller that stores cursors in too short a column would send it. */
    private static final String CUT_CURSOR = AFTER_R2.substring(0, 8);
    private static final String ADULTS_MEMBERS = customerPath("segments/adults/members");
    private static final String UNKNOWN_SEGMENT = "customer '00000' has no segment 'horror-fans'";
    private static final String NO_CHILDREN = "condition /: allOf needs at least one child condition";
    /** A condition as the generated model writes it in JSON, with its empty lists. */
    private static final String PRESENT_COUNTRY_JSON =
            "{\"op\":\"present\",\"key\":\"country\",\"values\":[],\"conditions\":[]}";
    private static final String NOT_A_CURSOR = "query parameter cursor '" + CUT_CURSOR + "' is not a cursor this API"
            + " gave out; pass the next of the previous page unchanged";
    private static final String ID_WITH_SPACE = "user id #1 in the path 'r 1' contains U+0020, which user ids may"
            + " not contain";

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact firstPage(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aGet(clustered(builder)
                .uponReceiving("a GET of the first page of a segment's members"), ADULTS_MEMBERS).query("limit=2");

        return respondsWithXml(request, 200, members(attributes("count", "3", "next", Matchers.string(AFTER_R2)),
                "r-1", "r-2")).toPact();
    }

    /** The first page is counted and, when more members follow, carries the cursor of the next page. */
    @Test
    @PactTestFor(pactMethod = "firstPage")
    void readsTheFirstPage(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        Members page = usermeta.members("adults", 2, null);

        assertThat(page.getCount()).isEqualTo(3);
        assertThat(page.getNext()).isNotEmpty();
        assertThat(page.getUsers()).extracting(Member::getId).containsExactly("r-1", "r-2");
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact everyPage(PactDslWithProvider builder) {
        PactDslRequestWithPath first = aGet(clustered(builder)
                .uponReceiving("a GET of the first page of a segment's members, uncounted"), ADULTS_MEMBERS)
                .query("limit=2&count=false");
        PactDslRequestWithPath second = aGet(respondsWithXml(first, 200,
                members(attributes("next", Matchers.string(AFTER_R2)), "r-1", "r-2"))
                .given(CLUSTERED_USERS).given(SEGMENTS_SAVED)
                .uponReceiving("a GET of the page of a segment's members after a cursor"), ADULTS_MEMBERS)
                .query("limit=2&cursor=" + AFTER_R2 + "&count=false");

        return respondsWithXml(second, 200, members(Map.of(), "r-3")).toPact();
    }

    /** The stream of all members follows each next cursor until a page has none. */
    @Test
    @PactTestFor(pactMethod = "everyPage")
    void followsTheCursorsThroughEveryPage(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        List<String> members = usermeta.allMembers("adults", 2).collect(Collectors.toList());

        assertThat(members).containsExactly("r-1", "r-2", "r-3");
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact cutCursor(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aGet(builder.given(SEGMENTS_SAVED)
                .uponReceiving("a GET of a segment's members after a cursor cut short"), ADULTS_MEMBERS)
                .query("cursor=" + CUT_CURSOR);

        return respondsWithXml(request, 400, Contract.error(400, NOT_A_CURSOR)).toPact();
    }

    /** A cursor the server did not give out is refused with 400, and the client passes on the message. */
    @Test
    @PactTestFor(pactMethod = "cutCursor")
    void cursorCutShortIsRefused(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertRefused(() -> usermeta.members("adults", null, CUT_CURSOR), 400, NOT_A_CURSOR);
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact unknownSegment(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aGet(builder.given(NO_HORROR_FANS)
                .uponReceiving("a GET of the members of an unknown segment"),
                customerPath("segments/horror-fans/members"));

        return respondsWithXml(request, 404, Contract.error(404, UNKNOWN_SEGMENT)).toPact();
    }

    /** The members of an unknown segment are a 404 with the server's message. */
    @Test
    @PactTestFor(pactMethod = "unknownSegment")
    void membersOfAnUnknownSegmentFail(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertRefused(() -> usermeta.members("horror-fans", null, null), 404, UNKNOWN_SEGMENT);
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact evaluate(PactDslWithProvider builder) {
        PactDslRequestWithPath request = anEvaluation(builder.given(CLUSTERED_USERS)
                .uponReceiving("a POST of a condition to evaluate"),
                predicate("op", "range", "key", "age", "type", "NUMERIC", "gte", "25"));

        return respondsWithXml(request, 200, members(attributes("count", "2"), "r-1", "r-2")).toPact();
    }

    /** A condition sent in the request answers with its members, counted, as a saved segment would. */
    @Test
    @PactTestFor(pactMethod = "evaluate")
    void evaluatesACondition(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        Members page = usermeta.evaluate(Conditions.range("age", Condition.TypeEnum.NUMERIC).gte("25"), null, null);

        assertThat(page.getCount()).isEqualTo(2);
        assertThat(page.getNext()).isNull();
        assertThat(page.getUsers()).extracting(Member::getId).containsExactly("r-1", "r-2");
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact evaluateInvalid(PactDslWithProvider builder) {
        PactDslRequestWithPath request = anEvaluation(builder
                .uponReceiving("a POST of a combination without child conditions to evaluate"),
                document("condition", attributes("op", "allOf"), none -> { }));

        return respondsWithXml(request, 400, Contract.error(400, NO_CHILDREN)).toPact();
    }

    /** An invalid condition is refused with 400 and a message naming where in the tree it is wrong. */
    @Test
    @PactTestFor(pactMethod = "evaluateInvalid")
    void invalidConditionIsRefused(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertRefused(() -> usermeta.evaluate(Conditions.allOf(), null, null), 400, NO_CHILDREN);
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact evaluateJson(PactDslWithProvider builder) {
        PactDslRequestWithPath request = withJson(aRequest(builder
                .uponReceiving("a POST of a condition to evaluate as JSON"), CUSTOMER_CREDENTIALS, "POST",
                customerPath("evaluate")), PRESENT_COUNTRY_JSON);

        return respondsWithXml(request, 415, Contract.error(415, NOT_XML)).toPact();
    }

    /** A condition in another media type is refused with 415, and the client passes on the server's message. */
    @Test
    @PactTestFor(pactMethod = "evaluateJson")
    void otherMediaTypesAreRefused(MockServer mockServer) {
        // The generated operation only ever sends XML; its ApiClient can send the same condition as JSON.
        assertErrorBody(() -> sendDirectly(mockServer, "POST", customerPath("evaluate"), Conditions.present("country"),
                JSON), 415, NOT_XML);
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact memberships(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aGet(clustered(builder)
                .uponReceiving("a GET of the segments that hold a user"), customerPath("memberships/r-1"));

        return respondsWithXml(request, 200, document("memberships", attributes("user", "r-1"), memberships -> {
            memberships.appendElement("segment", attributes("name", "adults"), adults ->
                    appendMatched(adults, "/", "range", "age", "30", "NUMERIC"));
            memberships.appendElement("segment", attributes("name", "resellers-de"), resellers -> {
                appendMatched(resellers, "/0", "equals", "type", "reseller", "NOMINAL");
                appendMatched(resellers, "/1", "equals", "country", "DE", "NOMINAL");
            });
        })).toPact();
    }

    /** Each segment that holds the user comes with the predicates that matched and the attributes that did. */
    @Test
    @PactTestFor(pactMethod = "memberships")
    void readsWhyAUserBelongs(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        List<Membership> memberships = usermeta.memberships("r-1");

        assertThat(memberships).extracting(Membership::getName).containsExactly("adults", "resellers-de");
        assertThat(memberships.get(1).getMatched())
                .extracting(MatchedPredicate::getPath, MatchedPredicate::getOp, MatchedPredicate::getKey)
                .containsExactly(tuple("/0", MatchedPredicate.OpEnum.EQUALS, "type"),
                        tuple("/1", MatchedPredicate.OpEnum.EQUALS, "country"));
        assertThat(memberships.get(0).getMatched()).flatExtracting(MatchedPredicate::getAttributes)
                .extracting(Attribute::getKey, Attribute::getValue, Attribute::getType, Attribute::getSource)
                .containsExactly(tuple("age", "30", Attribute.TypeEnum.NUMERIC, "registration"));
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact membershipsOfAnEscapedId(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aGet(builder.given(ESCAPED_USER_KNOWN).given(SEGMENTS_SAVED)
                .uponReceiving("a GET of the segments that hold a user whose id is percent-encoded"),
                customerPath("memberships/Customer%3C12.2014%3E"));

        return respondsWithXml(request, 200, document("memberships", attributes("user", ESCAPED_ID), none -> { }))
                .toPact();
    }

    /** The user id is percent-encoded in the path, and a user no segment holds has no memberships. */
    @Test
    @PactTestFor(pactMethod = "membershipsOfAnEscapedId")
    void encodesTheUserId(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertThat(usermeta.memberships(ESCAPED_ID)).isEmpty();
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact membershipsOfAnInvalidId(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aGet(builder
                .uponReceiving("a GET of the segments that hold a user whose id has a space"),
                customerPath("memberships/r%201"));

        return respondsWithXml(request, 400, Contract.error(400, ID_WITH_SPACE)).toPact();
    }

    /** A user id the API does not allow is refused with 400, and the client passes on the server's message. */
    @Test
    @PactTestFor(pactMethod = "membershipsOfAnInvalidId")
    void invalidUserIdIsRefused(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertRefused(() -> usermeta.memberships("r 1"), 400, ID_WITH_SPACE);
    }

    /** The users r-1 to r-3 and the segments adults and resellers-de. */
    private static PactDslWithState clustered(PactDslWithProvider builder) {
        return builder.given(CLUSTERED_USERS).given(SEGMENTS_SAVED);
    }

    private static PactDslRequestWithPath aGet(PactDslRequestWithoutPath request, String path) {
        return aRequest(request, CUSTOMER_CREDENTIALS, "GET", path);
    }

    private static PactDslRequestWithPath anEvaluation(PactDslRequestWithoutPath request, DocumentedXml condition) {
        return withXml(aRequest(request, CUSTOMER_CREDENTIALS, "POST", customerPath("evaluate")), condition);
    }

    /** Appends a matched predicate and the one registration attribute of r-1 that meets it. */
    private static void appendMatched(XmlNode segment, String path, String op, String key, String value,
            String type) {
        segment.appendElement("matched", attributes("path", path, "op", op, "key", key), matched ->
                matched.appendElement("attribute", attributes("key", key, "value", value, "type", type,
                        "source", "registration")));
    }
}
