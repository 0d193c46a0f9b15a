package io.usermeta.contract;

import static io.usermeta.contract.Contract.AUTHORIZATION;
import static io.usermeta.contract.Contract.CUSTOMER;
import static io.usermeta.contract.Contract.CUSTOMER_CREDENTIALS;
import static io.usermeta.contract.Contract.LICENSE_KEY;
import static io.usermeta.contract.Contract.XML;
import static io.usermeta.contract.Contract.respondsWithXml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.xml.PactXmlBuilder;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.usermeta.client.UsermetaClient;
import io.usermeta.client.invoker.ApiClient;
import io.usermeta.client.invoker.ApiException;
import io.usermeta.client.model.Error;
import io.usermeta.client.model.Users;
import jakarta.ws.rs.core.GenericType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the Java client relies on from the service as a whole: the health check and unknown paths. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V3)
class ServiceConsumerPactTest {
    private static final String UNKNOWN_PATH = "/api/" + CUSTOMER + "/registration/profile/u-1";

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact health(PactDslWithProvider builder) {
        PactDslRequestWithPath request = builder.uponReceiving("a GET of the health check, without credentials")
                .path("/health")
                .method("GET");

        return respondsWithXml(request, 200, new DocumentedXml(new PactXmlBuilder("health").build(health ->
                health.setAttributes(Map.of("status", "UP"))))).toPact();
    }

    /** The health check needs no valid credentials and reports the service as up. */
    @Test
    @PactTestFor(pactMethod = "health")
    void healthyServiceSaysSo(MockServer mockServer) {
        UsermetaClient anybody = UsermetaClient.connect(URI.create(mockServer.getUrl()), "nobody", "none");

        assertThat(anybody.isHealthy()).isTrue();
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact unknownPath(PactDslWithProvider builder) {
        PactDslRequestWithPath request = builder.uponReceiving("a GET of a path that matches no operation")
                .path(UNKNOWN_PATH)
                .method("GET")
                .headers(AUTHORIZATION, CUSTOMER_CREDENTIALS);

        return respondsWithXml(request, 404, Contract.error(404, "no such path")).toPact();
    }

    /** A path that matches no operation answers 404 with the one error body. */
    @Test
    @PactTestFor(pactMethod = "unknownPath")
    void unknownPathIsNotFound(MockServer mockServer) {
        // No generated operation has such a path, so this calls the generated ApiClient directly.
        ApiClient apiClient = UsermetaClient.connect(URI.create(mockServer.getUrl()), CUSTOMER, LICENSE_KEY)
                .usersApi().getApiClient();

        assertThatThrownBy(() -> apiClient.invokeAPI("unknown", UNKNOWN_PATH, "GET", List.of(), null, Map.of(),
                Map.of(), Map.of(), XML, XML, new String[] {"basicAuth"}, new GenericType<Users>() {}, false,
                Map.of("404", new GenericType<Error>() {})))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getErrorEntity()).isInstanceOf(Error.class);
                });
    }
}
