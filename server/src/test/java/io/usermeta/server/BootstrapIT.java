package io.usermeta.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.core.Limits;
import io.usermeta.store.CustomerRepository;
import io.usermeta.testing.HttpApi;
import io.usermeta.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A starting server makes itself usable: a new database without customers gets customer 00000,
 * whose key the first start hands to its caller once, and {@code USERMETA_BOOTSTRAP_CUSTOMER}
 * creates or re-keys a customer.
 */
class BootstrapIT {
    @TempDir
    Path directory;

    /**
     * A new database without a bootstrap customer gets customer 00000, whose key only the first start
     * hands out, never to the console or the log, and works.
     */
    @Test
    void firstStartCreatesCustomerAndHandsOutItsKeyOnce() {
        String database = TestServer.databaseUrl(directory);

        Run first = run(database, null, server -> assertThat(server.customers().list())
                .extracting(CustomerRepository.Customer::customerId).containsExactly("00000"));
        String key = first.firstCustomerKey().orElseThrow();
        Run second = run(database, null, server -> assertThat(statusOfGet(server, "00000", key)).isEqualTo(200));

        assertThat(first.console()).doesNotContain(key);
        assertThat(second.firstCustomerKey()).isEmpty();
    }

    /** A bootstrap customer is created with its key, colons included, and no other customer or key appears. */
    @Test
    void bootstrapCustomerIsCreatedWithAKeyContainingColons() {
        String database = TestServer.databaseUrl(directory);

        Run run = run(database, "4711:boot:strap:key", server -> {
            assertThat(statusOfGet(server, "4711", "boot:strap:key")).isEqualTo(200);
            assertThat(server.customers().list()).extracting(CustomerRepository.Customer::customerId)
                    .containsExactly("4711");
        });

        assertThat(run.firstCustomerKey()).isEmpty();
        assertThat(run.console()).doesNotContain("boot:strap:key");
    }

    /** Starting with a new key for an existing bootstrap customer replaces its key: the old one gets 401. */
    @Test
    void bootstrapCustomerGetsItsKeyReplaced() {
        String database = TestServer.databaseUrl(directory);
        run(database, "4711:first:key", server -> { });

        run(database, "4711:second:key", server -> {
            assertThat(statusOfGet(server, "4711", "first:key")).isEqualTo(401);
            assertThat(statusOfGet(server, "4711", "second:key")).isEqualTo(200);
        });
    }

    /**
     * Starts a server on {@code database} with the given bootstrap customer, runs {@code checks}
     * against it and stops it; returns what went to {@code System.out} and {@code System.err}
     * meanwhile, log lines included, and the key the start handed out.
     */
    private static Run run(String database, String bootstrapCustomer, Consumer<UsermetaServer> checks) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(console);
        System.setErr(console);
        Optional<String> firstCustomerKey;
        try (UsermetaServer server =
                UsermetaServer.start(TestServer.config(database, Limits.defaults(), bootstrapCustomer))) {
            firstCustomerKey = server.firstCustomerKey();
            checks.accept(server);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Run(captured.toString(StandardCharsets.UTF_8), firstCustomerKey);
    }

    private static int statusOfGet(UsermetaServer server, String customerId, String licenseKey) {
        return new HttpApi(server.baseUri(), customerId, licenseKey)
                .get("/api/" + customerId + "/crm/user/u-1")
                .statusCode();
    }

    /** What one start and stop wrote to the console, and the first customer's key if it made one. */
    private record Run(String console, Optional<String> firstCustomerKey) {}
}
