package io.usermeta.contract;

import static io.usermeta.client.UserSets.user;
import static io.usermeta.contract.Contract.CUSTOMER_CREDENTIALS;
import static io.usermeta.contract.Contract.EMPTY_SECOND_ID;
import static io.usermeta.contract.Contract.JSON;
import static io.usermeta.contract.Contract.NOT_XML;
import static io.usermeta.contract.Contract.REGISTRATION;
import static io.usermeta.contract.Contract.U1_IN_TWO_SOURCES;
import static io.usermeta.contract.Contract.U2_UNKNOWN;
import static io.usermeta.contract.Contract.aDelete;
import static io.usermeta.contract.Contract.aPost;
import static io.usermeta.contract.Contract.aRequest;
import static io.usermeta.contract.Contract.assertErrorBody;
import static io.usermeta.contract.Contract.assertRefused;
import static io.usermeta.contract.Contract.attribute;
import static io.usermeta.contract.Contract.attributeWithExactValue;
import static io.usermeta.contract.Contract.connect;
import static io.usermeta.contract.Contract.respondsWithXml;
import static io.usermeta.contract.Contract.sendDirectly;
import static io.usermeta.contract.Contract.usersPath;
import static io.usermeta.contract.Contract.withJson;
import static org.assertj.core.api.Assertions.assertThatCode;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.usermeta.client.Attributes;
import io.usermeta.client.UsermetaClient;
import io.usermeta.client.model.Attribute;
import io.usermeta.client.model.Users;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the Java client relies on when it replaces attribute sets and opts users out. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V3)
class WriteUsersConsumerPactTest {
    private static final String INVALID_NUMERIC_MESSAGE = "user 'u-2', attribute #1 'discountrate': value '2,5'"
            + " is not a NUMERIC decimal (optional sign, digits, optional point; no exponent)";
    private static final String RESERVED_SOURCE_MESSAGE = "source 'segments' is reserved for the cluster API;"
            + " the reserved names are attributes, memberships and segments";
    private static final String JSON_DOCUMENT = "{\"users\":[{\"id\":\"u-2\",\"attributes\":"
            + "[{\"key\":\"gender\",\"value\":\"f\",\"type\":\"NOMINAL\"}]}]}";

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact replace(PactDslWithProvider builder) {
        return aPost(builder.given(U2_UNKNOWN).uponReceiving("a POST replacing one user's attribute set of one source"),
                CUSTOMER_CREDENTIALS, List.of(
                        attribute("gender", "f", "NOMINAL"),
                        attribute("discountrate", "2.5", "NUMERIC"),
                        attribute("birthday", "1984-03-17", "DATE")))
                .willRespondWith()
                .status(204)
                .toPact();
    }

    /** Replacing a set sends each attribute with its key, value and type, and succeeds without a body. */
    @Test
    @PactTestFor(pactMethod = "replace")
    void replacesAUsersSet(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertThatCode(() -> usermeta.replace(REGISTRATION, user("u-2",
                Attributes.nominal("gender", "f"),
                Attributes.numeric("discountrate", new BigDecimal("2.5")),
                Attributes.date("birthday", LocalDate.of(1984, 3, 17)))))
                .doesNotThrowAnyException();
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact invalidValue(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aPost(builder.given(U2_UNKNOWN)
                        .uponReceiving("a POST with a NUMERIC value written with a decimal comma"),
                CUSTOMER_CREDENTIALS, List.of(attributeWithExactValue("discountrate", "2,5", "NUMERIC")));

        return respondsWithXml(request, 400, Contract.error(400, INVALID_NUMERIC_MESSAGE)).toPact();
    }

    /** A refused document surfaces as an exception carrying the status and the server's message. */
    @Test
    @PactTestFor(pactMethod = "invalidValue")
    void rejectedDocumentCarriesStatusAndMessage(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);
        Attribute decimalComma = new Attribute().key("discountrate").value("2,5").type(Attribute.TypeEnum.NUMERIC);

        assertRefused(() -> usermeta.replace(REGISTRATION, user("u-2", decimalComma)), 400, INVALID_NUMERIC_MESSAGE);
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact notXml(PactDslWithProvider builder) {
        PactDslRequestWithPath request = withJson(aRequest(builder.given(U2_UNKNOWN)
                .uponReceiving("a POST of the document as JSON"), CUSTOMER_CREDENTIALS, "POST",
                usersPath(REGISTRATION)), JSON_DOCUMENT);

        return respondsWithXml(request, 415, Contract.error(415, NOT_XML)).toPact();
    }

    /** A body of another media type is refused with 415, and the client passes on the server's message. */
    @Test
    @PactTestFor(pactMethod = "notXml")
    void otherMediaTypesAreRefused(MockServer mockServer) {
        // The generated operation only ever sends XML; its ApiClient can send the same document as JSON.
        Users document = new Users().users(List.of(user("u-2", Attributes.nominal("gender", "f"))));

        assertErrorBody(() -> sendDirectly(mockServer, "POST", usersPath(REGISTRATION), document, JSON), 415,
                NOT_XML);
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact reservedSource(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aPost(builder.given(U2_UNKNOWN)
                        .uponReceiving("a POST to segments, a name reserved for the cluster API"),
                CUSTOMER_CREDENTIALS, "segments", List.of(attribute("gender", "f", "NOMINAL")));

        return respondsWithXml(request, 400, Contract.error(400, RESERVED_SOURCE_MESSAGE)).toPact();
    }

    /** A source named like a cluster path is refused with 400, so no data is stored under it. */
    @Test
    @PactTestFor(pactMethod = "reservedSource")
    void reservedSourceIsRefused(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertRefused(() -> usermeta.replace("segments", user("u-2", Attributes.nominal("gender", "f"))), 400,
                RESERVED_SOURCE_MESSAGE);
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact deleteWithEmptyId(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aDelete(builder
                .uponReceiving("a DELETE of a list of user ids with an empty one"), CUSTOMER_CREDENTIALS,
                "u-1,,never-posted");

        return respondsWithXml(request, 400, Contract.error(400, EMPTY_SECOND_ID)).toPact();
    }

    /** An opt-out of a list with an empty id is refused with 400, and the client passes on the server's message. */
    @Test
    @PactTestFor(pactMethod = "deleteWithEmptyId")
    void deleteWithEmptyIdIsRefused(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertRefused(() -> usermeta.delete("u-1", "", "never-posted"), 400, EMPTY_SECOND_ID);
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact delete(PactDslWithProvider builder) {
        return aDelete(builder.given(U1_IN_TWO_SOURCES).uponReceiving("a DELETE of a known and an unknown user"),
                CUSTOMER_CREDENTIALS, "u-1,never-posted")
                .willRespondWith()
                .status(204)
                .toPact();
    }

    /** Opting out a known and an unknown user succeeds without a body. */
    @Test
    @PactTestFor(pactMethod = "delete")
    void deletesKnownAndUnknownUsers(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertThatCode(() -> usermeta.delete("u-1", "never-posted")).doesNotThrowAnyException();
    }
}
