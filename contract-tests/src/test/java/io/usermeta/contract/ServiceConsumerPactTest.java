package io.usermeta.contract;

import static io.usermeta.contract.Contract.AUTHORIZATION;
import static io.usermeta.contract.Contract.CUSTOMER;
import static io.usermeta.contract.Contract.CUSTOMER_CREDENTIALS;
import static io.usermeta.contract.Contract.XML;
import static io.usermeta.contract.Contract.aRequest;
import static io.usermeta.contract.Contract.assertErrorBody;
import static io.usermeta.contract.Contract.customerPath;
import static io.usermeta.contract.Contract.refusedAlike;
import static io.usermeta.contract.Contract.respondsWithXml;
import static io.usermeta.contract.Contract.sendDirectly;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the Java client relies on from the service as a whole: the health check, unknown paths, and
 * the rules for every path (no matrix parameters).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V3)
class ServiceConsumerPactTest {
    private static final String UNKNOWN_PATH = "/api/" + CUSTOMER + "/registration/profile/u-1";
    private static final String NO_SUCH_PATH = "no such path";
    /** A matrix parameter, as some HTTP libraries and proxies append to a path; the API takes none. */
    private static final String MATRIX_PARAMETER = ";version=1";
    private static final String RAW_SEMICOLON = "the path contains a raw ';'; encode it as %3B"
            + " (matrix parameters are not supported)";

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

        return respondsWithXml(request, 404, Contract.error(404, NO_SUCH_PATH)).toPact();
    }

    /** A path that matches no operation answers 404 with the one error body. */
    @Test
    @PactTestFor(pactMethod = "unknownPath")
    void unknownPathIsNotFound(MockServer mockServer) {
        // No generated operation has such a path, so this calls the generated ApiClient directly.
        assertErrorBody(() -> sendDirectly(mockServer, "GET", UNKNOWN_PATH, null, XML), 404, NO_SUCH_PATH);
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact matrixParameters(PactDslWithProvider builder) {
        PactDslRequestWithPath catalogue = aRequest(builder
                .uponReceiving("a GET of the attribute catalogue with a matrix parameter"), CUSTOMER_CREDENTIALS, "GET",
                customerPath("attributes" + MATRIX_PARAMETER));

        return refusedAlike(catalogue, "a GET of the saved segments with a matrix parameter", "GET",
                customerPath("segments" + MATRIX_PARAMETER), 400, RAW_SEMICOLON);
    }

    /**
     * A matrix parameter is refused with 400 on the paths of the catalogue and of the segments, the
     * operations without any other input to get wrong, and the client passes on the server's message.
     */
    @Test
    @PactTestFor(pactMethod = "matrixParameters")
    void matrixParametersAreRefused(MockServer mockServer) {
        // The generated operations encode every ';' they are given, so only their ApiClient sends one raw.
        for (String path : List.of("attributes", "segments")) {
            assertErrorBody(() -> sendDirectly(mockServer, "GET", customerPath(path + MATRIX_PARAMETER), null, XML),
                    400, RAW_SEMICOLON);
        }
    }
}
