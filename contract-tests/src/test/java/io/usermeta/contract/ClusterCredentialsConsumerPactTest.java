package io.usermeta.contract;

import static io.usermeta.contract.ClusterXml.appendPredicate;
import static io.usermeta.contract.ClusterXml.document;
import static io.usermeta.contract.ClusterXml.predicate;
import static io.usermeta.contract.Contract.BAD_CREDENTIALS;
import static io.usermeta.contract.Contract.CLUSTERED_USERS;
import static io.usermeta.contract.Contract.CUSTOMER;
import static io.usermeta.contract.Contract.NO_HORROR_FANS;
import static io.usermeta.contract.Contract.OTHER_CUSTOMER;
import static io.usermeta.contract.Contract.OTHER_CUSTOMER_CREDENTIALS;
import static io.usermeta.contract.Contract.OTHER_CUSTOMER_EXISTS;
import static io.usermeta.contract.Contract.OTHER_LICENSE_KEY;
import static io.usermeta.contract.Contract.SEGMENTS_SAVED;
import static io.usermeta.contract.Contract.WRONG_KEY_CREDENTIALS;
import static io.usermeta.contract.Contract.WRONG_LICENSE_KEY;
import static io.usermeta.contract.Contract.aRequest;
import static io.usermeta.contract.Contract.assertForbidden;
import static io.usermeta.contract.Contract.assertRefused;
import static io.usermeta.contract.Contract.connect;
import static io.usermeta.contract.Contract.customerPath;
import static io.usermeta.contract.Contract.withXml;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.usermeta.client.Conditions;
import io.usermeta.client.UsermetaClient;
import io.usermeta.client.api.AttributesApi;
import io.usermeta.client.api.SegmentsApi;
import io.usermeta.client.model.Condition;
import io.usermeta.client.model.Segment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the Java client relies on when credentials are wrong (401) or belong to another customer (403),
 * for each operation of the cluster API. Each refused request has something to refuse: its provider
 * states are those under which the same request with the right credentials answers data or deletes a
 * segment, and for the PUT the state that removes what a wrongly accepted request would save. The 403
 * calls go through the generated APIs, since the thin layer always uses the path of the customer it
 * authenticates as.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V3)
class ClusterCredentialsConsumerPactTest {
    private static final String SAVED = "adults";
    private static final String NEW = "horror-fans";
    private static final String USER = "r-1";
    private static final String KEY = "country";
    private static final Condition NEW_CONDITION = Conditions.equalTo("film", "horror");
    private static final Condition EVALUATED = Conditions.present(KEY);

    /** One request of each cluster operation, as the client sends it with the right credentials. */
    private static final List<Operation> OPERATIONS = List.of(
            new Operation("a GET of the attribute catalogue", List.of(CLUSTERED_USERS), "GET", "attributes", null),
            new Operation("a GET of a distribution", List.of(CLUSTERED_USERS), "GET",
                    "attributes/" + KEY + "/distribution", null),
            new Operation("a GET of the saved segments", List.of(SEGMENTS_SAVED), "GET", "segments", null),
            new Operation("a GET of a saved segment", List.of(SEGMENTS_SAVED), "GET", "segments/" + SAVED, null),
            new Operation("a PUT of a new segment", List.of(NO_HORROR_FANS), "PUT", "segments/" + NEW,
                    document("segment", Map.of(), segment ->
                            appendPredicate(segment, "op", "equals", "key", "film", "value", "horror"))),
            new Operation("a DELETE of a saved segment", List.of(SEGMENTS_SAVED), "DELETE", "segments/" + SAVED,
                    null),
            new Operation("a GET of a saved segment's members", List.of(CLUSTERED_USERS, SEGMENTS_SAVED), "GET",
                    "segments/" + SAVED + "/members", null),
            new Operation("a POST of a condition to evaluate", List.of(CLUSTERED_USERS), "POST", "evaluate",
                    predicate("op", "present", "key", KEY)),
            new Operation("a GET of the segments that hold a user", List.of(CLUSTERED_USERS, SEGMENTS_SAVED), "GET",
                    "memberships/" + USER, null));

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact wrongKey(PactDslWithProvider builder) {
        return refuseEveryOperation(builder, "with a wrong license key", WRONG_KEY_CREDENTIALS, List.of(),
                Contract::unauthorized);
    }

    /** Every cluster operation with a wrong key fails with 401, and the client passes on the server's message. */
    @Test
    @PactTestFor(pactMethod = "wrongKey")
    void everyOperationWithAWrongKeyIsUnauthorized(MockServer mockServer) {
        UsermetaClient intruder = connect(mockServer, CUSTOMER, WRONG_LICENSE_KEY);

        assertThat(callsThroughTheThinLayer(intruder)).allSatisfy((operation, call) ->
                assertRefused(call, 401, BAD_CREDENTIALS));
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact otherCustomer(PactDslWithProvider builder) {
        return refuseEveryOperation(builder, "with another customer's credentials", OTHER_CUSTOMER_CREDENTIALS,
                List.of(OTHER_CUSTOMER_EXISTS), Contract::forbidden);
    }

    /** Every cluster operation on another customer's path fails with 403 and the server's message. */
    @Test
    @PactTestFor(pactMethod = "otherCustomer")
    void everyOperationAsOtherCustomerIsForbidden(MockServer mockServer) {
        UsermetaClient otherCustomer = connect(mockServer, OTHER_CUSTOMER, OTHER_LICENSE_KEY);

        assertThat(callsOnTheFirstCustomersPath(otherCustomer.attributesApi(), otherCustomer.segmentsApi()))
                .allSatisfy((operation, call) -> assertForbidden(call));
    }

    /** Each operation in {@link #OPERATIONS}, sent with these credentials and answered with {@code refusal}. */
    private static RequestResponsePact refuseEveryOperation(PactDslWithProvider builder, String how,
            String credentials, List<String> extraStates, Function<PactDslRequestWithPath, PactDslResponse> refusal) {
        PactDslResponse response = null;
        for (Operation operation : OPERATIONS) {
            List<String> states = new ArrayList<>(operation.states());
            states.addAll(extraStates);
            PactDslWithState withStates = response == null ? builder.given(states.get(0))
                    : response.given(states.get(0));
            for (String state : states.subList(1, states.size())) {
                withStates = withStates.given(state);
            }
            PactDslRequestWithPath request = aRequest(withStates.uponReceiving(operation.name() + " " + how),
                    credentials, operation.method(), customerPath(operation.path()));
            response = refusal.apply(operation.body() == null ? request : withXml(request, operation.body()));
        }
        return response.toPact();
    }

    /** The calls of {@link #OPERATIONS} through the thin layer, by operation. */
    private static Map<String, ThrowingCallable> callsThroughTheThinLayer(UsermetaClient usermeta) {
        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        calls.put("catalogue", usermeta::catalogue);
        calls.put("distribution", () -> usermeta.distribution(KEY));
        calls.put("segments", usermeta::segments);
        calls.put("segment", () -> usermeta.segment(SAVED));
        calls.put("putSegment", () -> usermeta.putSegment(NEW, NEW_CONDITION));
        calls.put("deleteSegment", () -> usermeta.deleteSegment(SAVED));
        calls.put("members", () -> usermeta.members(SAVED, null, null));
        calls.put("evaluate", () -> usermeta.evaluate(EVALUATED, null, null));
        calls.put("memberships", () -> usermeta.memberships(USER));
        return calls;
    }

    /** The calls of {@link #OPERATIONS} through the generated APIs, on the path of customer 00000. */
    private static Map<String, ThrowingCallable> callsOnTheFirstCustomersPath(AttributesApi attributes,
            SegmentsApi segments) {
        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        calls.put("getAttributeCatalogue", () -> attributes.getAttributeCatalogue(CUSTOMER));
        calls.put("getAttributeDistribution", () -> attributes.getAttributeDistribution(CUSTOMER, KEY, null, null,
                null, null, null, null, null));
        calls.put("listSegments", () -> segments.listSegments(CUSTOMER));
        calls.put("getSegment", () -> segments.getSegment(CUSTOMER, SAVED));
        calls.put("putSegment", () -> segments.putSegment(CUSTOMER, NEW, new Segment().condition(NEW_CONDITION)));
        calls.put("deleteSegment", () -> segments.deleteSegment(CUSTOMER, SAVED));
        calls.put("getSegmentMembers", () -> segments.getSegmentMembers(CUSTOMER, SAVED, null, null, null));
        calls.put("evaluateCondition", () -> segments.evaluateCondition(CUSTOMER, EVALUATED, null, null, null));
        calls.put("getMemberships", () -> segments.getMemberships(CUSTOMER, USER));
        return calls;
    }

    /**
     * One request of the cluster API: what it is, the provider states under which it would answer data or
     * change something, method, path below the customer's, and XML body ({@code null}: none).
     */
    private record Operation(String name, List<String> states, String method, String path, DocumentedXml body) {}
}
