package io.usermeta.contract;

import static io.usermeta.contract.Contract.ALL_SOURCES;
import static io.usermeta.contract.Contract.CUSTOMER_CREDENTIALS;
import static io.usermeta.contract.Contract.EMPTY_SECOND_ID;
import static io.usermeta.contract.Contract.ESCAPED_ID;
import static io.usermeta.contract.Contract.ESCAPED_USER_KNOWN;
import static io.usermeta.contract.Contract.FACEBOOK;
import static io.usermeta.contract.Contract.ONE_SOURCE;
import static io.usermeta.contract.Contract.REGISTRATION;
import static io.usermeta.contract.Contract.U1_IN_TWO_SOURCES;
import static io.usermeta.contract.Contract.aGet;
import static io.usermeta.contract.Contract.appendUser;
import static io.usermeta.contract.Contract.assertRefused;
import static io.usermeta.contract.Contract.attribute;
import static io.usermeta.contract.Contract.attributeOf;
import static io.usermeta.contract.Contract.connect;
import static io.usermeta.contract.Contract.respondsWithXml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.usermeta.client.UsermetaClient;
import io.usermeta.client.model.Attribute.TypeEnum;
import io.usermeta.client.model.Attribute;
import io.usermeta.client.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the Java client relies on when it reads users. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V3)
class ReadUsersConsumerPactTest {

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact oneSource(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aGet(builder.given(U1_IN_TWO_SOURCES)
                        .uponReceiving("a GET of one user's attributes of one source"),
                CUSTOMER_CREDENTIALS, "u-1", ONE_SOURCE);

        return respondsWithXml(request, 200, Contract.users(users -> appendUser(users, "u-1", u1Registration())))
                .toPact();
    }

    /** A read of one source returns the user with each attribute's key, value and type. */
    @Test
    @PactTestFor(pactMethod = "oneSource")
    void readsOneUsersAttributesOfOneSource(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        User found = usermeta.find(REGISTRATION, "u-1").orElseThrow();

        assertThat(found.getId()).isEqualTo("u-1");
        assertThat(found.getAttributes())
                .extracting(Attribute::getKey, Attribute::getValue, Attribute::getType, Attribute::getSource)
                .containsExactly(
                        tuple("gender", "f", TypeEnum.NOMINAL, null),
                        tuple("birthday", "1984-03-17", TypeEnum.DATE, null),
                        tuple("discountrate", "2", TypeEnum.NUMERIC, null));
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact allSources(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aGet(builder.given(U1_IN_TWO_SOURCES)
                        .uponReceiving("a GET of one user's attributes of every source"),
                CUSTOMER_CREDENTIALS, "u-1", ALL_SOURCES);
        List<Map<String, Object>> attributes = new ArrayList<>(u1Registration());
        attributes.add(attributeOf(FACEBOOK, "brand", "Acme", "NOMINAL"));

        return respondsWithXml(request, 200, Contract.users(users -> appendUser(users, "u-1", attributes)))
                .toPact();
    }

    /** With all sources, the path's source comes first and another source's attribute names its source. */
    @Test
    @PactTestFor(pactMethod = "allSources")
    void readsEverySourceWithOtherSourcesTagged(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        List<User> found = usermeta.getAllSources(REGISTRATION, "u-1");

        assertThat(found).singleElement().satisfies(user -> assertThat(user.getAttributes())
                .extracting(Attribute::getKey, Attribute::getSource)
                .containsExactly(
                        tuple("gender", null),
                        tuple("birthday", null),
                        tuple("discountrate", null),
                        tuple("brand", FACEBOOK)));
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact severalIds(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aGet(builder.given(U1_IN_TWO_SOURCES).given(ESCAPED_USER_KNOWN)
                        .uponReceiving("a GET of several users, one id percent-encoded and one unknown"),
                CUSTOMER_CREDENTIALS, "u-1,Customer%3C12.2014%3E,never-posted", ONE_SOURCE);

        return respondsWithXml(request, 200, Contract.users(users -> {
            appendUser(users, "u-1", u1Registration());
            appendUser(users, ESCAPED_ID, List.of(attribute("registered", "2014-12-01T09:30:00", "DATETIME")));
        })).toPact();
    }

    /** Known users come back in the order listed, an id with markup intact, an unknown id simply absent. */
    @Test
    @PactTestFor(pactMethod = "severalIds")
    void readsSeveralUsersSkippingUnknownOnes(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        List<User> found = usermeta.get(REGISTRATION, "u-1", ESCAPED_ID, "never-posted");

        assertThat(found).extracting(User::getId).containsExactly("u-1", ESCAPED_ID);
        assertThat(found.get(1).getAttributes()).extracting(Attribute::getValue, Attribute::getType)
                .containsExactly(tuple("2014-12-01T09:30:00", TypeEnum.DATETIME));
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact emptyId(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aGet(builder.uponReceiving("a GET of a list of user ids with an empty one"),
                CUSTOMER_CREDENTIALS, "u-1,,never-posted", ONE_SOURCE);

        return respondsWithXml(request, 400, Contract.error(400, EMPTY_SECOND_ID)).toPact();
    }

    /** An empty id in the list is refused with 400, and the client passes on the server's message. */
    @Test
    @PactTestFor(pactMethod = "emptyId")
    void emptyIdIsRefused(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertRefused(() -> usermeta.get(REGISTRATION, "u-1", "", "never-posted"), 400, EMPTY_SECOND_ID);
    }

    /** The registration attributes the provider state stores for u-1, in the order they were posted. */
    private static List<Map<String, Object>> u1Registration() {
        return List.of(
                attribute("gender", "f", "NOMINAL"),
                attribute("birthday", "1984-03-17", "DATE"),
                attribute("discountrate", "2", "NUMERIC"));
    }
}
