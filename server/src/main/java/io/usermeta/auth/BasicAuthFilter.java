package io.usermeta.auth;

import io.usermeta.core.Identifiers;
import io.usermeta.errors.ApiException;
import io.usermeta.store.CustomerRepository;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Admits a request to a customer's paths only with that customer's id and license key: missing or
 * wrong credentials get a 401, valid credentials of another customer a 403. Keys are looked up on
 * every request, so a key changed from the command line takes effect at once.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BasicAuthFilter implements ContainerRequestFilter {
    static final String CUSTOMER_PARAMETER = "customerid";

    private final CustomerRepository customers;

    public BasicAuthFilter(CustomerRepository customers) {
        this.customers = customers;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String pathCustomer = request.getUriInfo().getPathParameters().getFirst(CUSTOMER_PARAMETER);
        if (pathCustomer == null) {
            return;
        }
        Credentials credentials = Credentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (credentials == null || !Identifiers.isCustomerId(credentials.customerId())
                || !LicenseKeys.matches(customers.findKey(credentials.customerId()).orElse(null),
                        credentials.licenseKey())) {
            throw new UnauthorizedException();
        }
        if (!credentials.customerId().equals(pathCustomer)) {
            throw new ApiException(403, "customer '" + credentials.customerId()
                    + "' may not access the data of customer '" + pathCustomer + "'");
        }
    }

    /** A customer id and license key from an {@code Authorization: Basic} header. */
    record Credentials(String customerId, String licenseKey) {
        static Credentials parse(String header) {
            if (header == null) {
                return null;
            }
            String trimmed = header.trim();
            int space = trimmed.indexOf(' ');
            if (space < 0 || !trimmed.substring(0, space).equalsIgnoreCase("basic")) {
                return null;
            }
            String pair = decode(trimmed.substring(space + 1).trim());
            int colon = pair == null ? -1 : pair.indexOf(':');
            return colon < 0 ? null : new Credentials(pair.substring(0, colon), pair.substring(colon + 1));
        }

        private static String decode(String token) {
            try {
                byte[] bytes = Base64.getDecoder().decode(token);
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (IllegalArgumentException | CharacterCodingException e) {
                return null;
            }
        }
    }
}
