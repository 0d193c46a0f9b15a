package io.usermeta.server;

import io.usermeta.auth.LicenseKeys;
import io.usermeta.core.Identifiers;
import io.usermeta.store.CustomerRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a starting server can be used: creates or updates the customer given for automation,
 * or, on a database without customers, creates customer 00000 and prints its new key once.
 */
final class CustomerBootstrap {
    static final String FIRST_CUSTOMER = "00000";

    private static final Logger LOG = LoggerFactory.getLogger(CustomerBootstrap.class);

    private CustomerBootstrap() {}

    /** {@code idAndKey} is {@code ID:KEY}, split at the first colon, or {@code null}. */
    static void run(CustomerRepository customers, String idAndKey) {
        if (idAndKey != null && !idAndKey.isEmpty()) {
            int colon = idAndKey.indexOf(':');
            String customerId = colon < 0 ? idAndKey : idAndKey.substring(0, colon);
            if (colon < 1 || colon == idAndKey.length() - 1 || !Identifiers.isCustomerId(customerId)) {
                throw new IllegalArgumentException("USERMETA_BOOTSTRAP_CUSTOMER must be ID:KEY with an"
                        + " alphanumeric id of 1-64 characters and a non-empty key");
            }
            customers.put(customerId, LicenseKeys.hash(idAndKey.substring(colon + 1)));
            LOG.info("Bootstrap customer [{}] created or updated", customerId);
            return;
        }
        if (customers.count() == 0) {
            String key = LicenseKeys.generate();
            if (customers.add(FIRST_CUSTOMER, LicenseKeys.hash(key))) {
                printOnce(key);
            }
        }
    }

    /** Written to the console, not the log: license keys never go into log files. */
    private static void printOnce(String key) {
        String rule = "=".repeat(72);
        System.out.println(rule);
        System.out.println("  New database: created customer " + FIRST_CUSTOMER + ". Its license key is");
        System.out.println();
        System.out.println("    " + key);
        System.out.println();
        System.out.println("  It is shown only now. Use it as the password of HTTP Basic auth, e.g.");
        System.out.println("    curl -u " + FIRST_CUSTOMER + ":" + key + " http://localhost:PORT/api/...");
        System.out.println("  Replace it with: bin/usermeta customer rotate-key " + FIRST_CUSTOMER);
        System.out.println(rule);
        System.out.flush();
    }
}
