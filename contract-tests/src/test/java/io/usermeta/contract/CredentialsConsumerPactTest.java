package io.usermeta.contract;

import static io.usermeta.client.UserSets.user;
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
import static io.usermeta.contract.Contract.assertRefused;
import static io.usermeta.contract.Contract.attribute;
import static io.usermeta.contract.Contract.respondsWithXml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.usermeta.client.api.UsersApi;
import io.usermeta.client.invoker.ApiException;
import io.usermeta.client.model.Error;
import io.usermeta.client.model.Users;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the Java client relies on when credentials are wrong (401) or belong to another customer (403),
 * for each operation. The 403 calls go through the generated API, since the thin layer always uses the
 * path of the customer it authenticates as.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V3)
class CredentialsConsumerPactTest {
    private static final String BAD_CREDENTIALS = "credentials are missing or wrong";
    private static final String OTHER_CUSTOMERS_PATH = "customer '00001' may not access customer '00000'";
    private static final List<Map<String, Object>> GENDER = List.of(attribute("gender", "f", "NOMINAL"));

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact getWithWrongKey(PactDslWithProvider builder) {
        return unauthorized(aGet(builder.given(U1_IN_TWO_SOURCES).uponReceiving("a GET with a wrong license key"),
                WRONG_KEY_CREDENTIALS, "u-1", ONE_SOURCE));
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
                WRONG_KEY_CREDENTIALS, GENDER));
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
                WRONG_KEY_CREDENTIALS, "u-1"));
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
                OTHER_CUSTOMER_CREDENTIALS, "u-1", ONE_SOURCE));
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
                OTHER_CUSTOMER_CREDENTIALS, GENDER));
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
                OTHER_CUSTOMER_CREDENTIALS, "u-1"));
    }

    /** Opting out another customer's users fails with 403 and the error body. */
    @Test
    @PactTestFor(pactMethod = "deleteAsOtherCustomer")
    void deleteAsOtherCustomerIsForbidden(MockServer mockServer) {
        UsersApi otherCustomer = connect(mockServer, OTHER_CUSTOMER, OTHER_LICENSE_KEY).usersApi();

        assertForbidden(() -> otherCustomer.deleteUsers(CUSTOMER, List.of("u-1")));
    }

    private static RequestResponsePact unauthorized(PactDslRequestWithPath request) {
        return respondsWithXml(request, 401, Contract.error(401, BAD_CREDENTIALS))
                .matchHeader("WWW-Authenticate", "Basic( .*)?", "Basic realm=\"usermeta\"")
                .toPact();
    }

    private static RequestResponsePact forbidden(PactDslRequestWithPath request) {
        return respondsWithXml(request, 403, Contract.error(403, OTHER_CUSTOMERS_PATH)).toPact();
    }

    private static void assertForbidden(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getCode()).isEqualTo(403);
            assertThat(e.getErrorEntity()).isInstanceOfSatisfying(Error.class, error ->
                    assertThat(error.getMessage()).isEqualTo(OTHER_CUSTOMERS_PATH));
        });
    }

    private static UsermetaClient connect(MockServer mockServer, String customerId, String licenseKey) {
        return UsermetaClient.connect(URI.create(mockServer.getUrl()), customerId, licenseKey);
    }
}
