package io.usermeta.server;

import io.usermeta.auth.LicenseKeys;
import io.usermeta.core.Identifiers;
import io.usermeta.store.CustomerRepository;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a starting server can be used: creates or updates the customer given for automation,
 * or, on a database without customers, creates customer 00000 with a new key.
 */
final class CustomerBootstrap {
    static final String FIRST_CUSTOMER = "00000";

    private static final Logger LOG = LoggerFactory.getLogger(CustomerBootstrap.class);

    private CustomerBootstrap() {}

    /**
     * {@code idAndKey} is {@code ID:KEY}, split at the first colon, or {@code null}. Returns the key
     * generated for customer 00000 when this start created it, so the caller can show it once.
     */
    static Optional<String> run(CustomerRepository customers, String idAndKey) {
        if (idAndKey != null && !idAndKey.isEmpty()) {
            putGivenCustomer(customers, idAndKey);
            return Optional.empty();
        }
        if (customers.count() > 0) {
            return Optional.empty();
        }
        String key = LicenseKeys.generate();
        return customers.add(FIRST_CUSTOMER, LicenseKeys.hash(key)) ? Optional.of(key) : Optional.empty();
    }

    private static void putGivenCustomer(CustomerRepository customers, String idAndKey) {
        int colon = idAndKey.indexOf(':');
        String customerId = colon < 0 ? idAndKey : idAndKey.substring(0, colon);
        if (colon < 1 || colon == idAndKey.length() - 1 || !Identifiers.isCustomerId(customerId)) {
            throw new IllegalArgumentException("USERMETA_BOOTSTRAP_CUSTOMER must be ID:KEY with an id of"
                    + " 1-64 ASCII letters or digits and a non-empty key");
        }
        customers.put(customerId, LicenseKeys.hash(idAndKey.substring(colon + 1)));
        LOG.info("Bootstrap customer [{}] created or updated", customerId);
    }
}
