package io.usermeta.contract;

import static io.usermeta.client.UserSets.user;
import static io.usermeta.contract.Contract.BAD_CREDENTIALS;
import static io.usermeta.contract.Contract.CUSTOMER;
import static io.usermeta.contract.Contract.ONE_SOURCE;
import static io.usermeta.contract.Contract.OTHER_CUSTOMER;
import static io.usermeta.contract.Contract.OTHER_CUSTOMER_CREDENTIALS;
import static io.usermeta.contract.Contract.OTHER_CUSTOMER_EXISTS;
import static io.usermeta.contract.Contract.OTHER_LICENSE_KEY;
import static io.usermeta.contract.Contract.REGISTRATION;
import static io.usermeta.contract.Contract.U1_IN_TWO_SOURCES;
import static io.usermeta.contract.Contract.U2_UNKNOWN;
import static io.usermeta.contract.Contract.WRONG_KEY_CREDENTIALS;
import static io.usermeta.contract.Contract.WRONG_LICENSE_KEY;
import static io.usermeta.contract.Contract.aDelete;
import static io.usermeta.contract.Contract.aGet;
import static io.usermeta.contract.Contract.aPost;
import static io.usermeta.contract.Contract.assertForbidden;
import static io.usermeta.contract.Contract.assertRefused;
import static io.usermeta.contract.Contract.attribute;
import static io.usermeta.contract.Contract.connect;
import static io.usermeta.contract.Contract.forbidden;
import static io.usermeta.contract.Contract.unauthorized;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.usermeta.client.Attributes;
import io.usermeta.client.UsermetaClient;
import io.usermeta.client.api.UsersApi;
import io.usermeta.client.model.Users;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the Java client relies on when credentials are wrong (401) or belong to another customer (403),
 * for each operation on users; {@link ClusterCredentialsConsumerPactTest} covers the cluster operations.
 * The 403 calls go through the generated API, since the thin layer always uses the path of the customer
 * it authenticates as.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V3)
class CredentialsConsumerPactTest {
    private static final List<Map<String, Object>> GENDER = List.of(attribute("gender", "f", "NOMINAL"));

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact getWithWrongKey(PactDslWithProvider builder) {
        return unauthorized(aGet(builder.given(U1_IN_TWO_SOURCES).uponReceiving("a GET with a wrong license key"),
                WRONG_KEY_CREDENTIALS, "u-1", ONE_SOURCE)).toPact();
    }

    /** A read with a wrong key fails with 401 and the server's message. */
    @Test
    @PactTestFor(pactMethod = "getWithWrongKey")
    void readWithWrongKeyIsUnauthorized(MockServer mockServer) {
        UsermetaClient intruder = connect(mockServer, CUSTOMER, WRONG_LICENSE_KEY);

        assertRefused(() -> intruder.get(REGISTRATION, "u-1"), 401, BAD_CREDENTIALS);
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact postWithWrongKey(PactDslWithProvider builder) {
        return unauthorized(aPost(builder.given(U2_UNKNOWN).uponReceiving("a POST with a wrong license key"),
                WRONG_KEY_CREDENTIALS, GENDER)).toPact();
    }

    /** A replace with a wrong key fails with 401 and the server's message. */
    @Test
    @PactTestFor(pactMethod = "postWithWrongKey")
    void replaceWithWrongKeyIsUnauthorized(MockServer mockServer) {
        UsermetaClient intruder = connect(mockServer, CUSTOMER, WRONG_LICENSE_KEY);

        assertRefused(() -> intruder.replace(REGISTRATION, user("u-2", Attributes.nominal("gender", "f"))),
                401, BAD_CREDENTIALS);
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact deleteWithWrongKey(PactDslWithProvider builder) {
        return unauthorized(aDelete(builder.given(U1_IN_TWO_SOURCES).uponReceiving("a DELETE with a wrong license key"),
                WRONG_KEY_CREDENTIALS, "u-1")).toPact();
    }

    /** An opt-out with a wrong key fails with 401 and the server's message. */
    @Test
    @PactTestFor(pactMethod = "deleteWithWrongKey")
    void deleteWithWrongKeyIsUnauthorized(MockServer mockServer) {
        UsermetaClient intruder = connect(mockServer, CUSTOMER, WRONG_LICENSE_KEY);

        assertRefused(() -> intruder.delete("u-1"), 401, BAD_CREDENTIALS);
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact getAsOtherCustomer(PactDslWithProvider builder) {
        return forbidden(aGet(builder.given(U1_IN_TWO_SOURCES).given(OTHER_CUSTOMER_EXISTS)
                        .uponReceiving("a GET with another customer's credentials"),
                OTHER_CUSTOMER_CREDENTIALS, "u-1", ONE_SOURCE)).toPact();
    }

    /** Reading another customer's users fails with 403 and the error body. */
    @Test
    @PactTestFor(pactMethod = "getAsOtherCustomer")
    void readAsOtherCustomerIsForbidden(MockServer mockServer) {
        UsersApi otherCustomer = connect(mockServer, OTHER_CUSTOMER, OTHER_LICENSE_KEY).usersApi();

        assertForbidden(() -> otherCustomer.getUsers(CUSTOMER, REGISTRATION, List.of("u-1"), false));
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact postAsOtherCustomer(PactDslWithProvider builder) {
        return forbidden(aPost(builder.given(U2_UNKNOWN).given(OTHER_CUSTOMER_EXISTS)
                        .uponReceiving("a POST with another customer's credentials"),
                OTHER_CUSTOMER_CREDENTIALS, GENDER)).toPact();
    }

    /** Replacing another customer's sets fails with 403 and the error body. */
    @Test
    @PactTestFor(pactMethod = "postAsOtherCustomer")
    void replaceAsOtherCustomerIsForbidden(MockServer mockServer) {
        UsersApi otherCustomer = connect(mockServer, OTHER_CUSTOMER, OTHER_LICENSE_KEY).usersApi();
        Users document = new Users().users(List.of(user("u-2", Attributes.nominal("gender", "f"))));

        assertForbidden(() -> otherCustomer.replaceUsers(CUSTOMER, REGISTRATION, document));
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact deleteAsOtherCustomer(PactDslWithProvider builder) {
        return forbidden(aDelete(builder.given(U1_IN_TWO_SOURCES).given(OTHER_CUSTOMER_EXISTS)
                        .uponReceiving("a DELETE with another customer's credentials"),
                OTHER_CUSTOMER_CREDENTIALS, "u-1")).toPact();
    }

    /** Opting out another customer's users fails with 403 and the error body. */
    @Test
    @PactTestFor(pactMethod = "deleteAsOtherCustomer")
    void deleteAsOtherCustomerIsForbidden(MockServer mockServer) {
        UsersApi otherCustomer = connect(mockServer, OTHER_CUSTOMER, OTHER_LICENSE_KEY).usersApi();

        assertForbidden(() -> otherCustomer.deleteUsers(CUSTOMER, List.of("u-1")));
    }
}
