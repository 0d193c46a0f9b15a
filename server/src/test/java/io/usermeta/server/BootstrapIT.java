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
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A starting server makes itself usable: a new database without customers gets customer 00000 and
 * its key on the console once, and {@code USERMETA_BOOTSTRAP_CUSTOMER} creates or re-keys a customer.
 */
class BootstrapIT {
    private static final Pattern PRINTED_KEY = Pattern.compile("Its license key is\\s+(\\S+)");
    private static final Pattern LOG_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*");

    @TempDir
    Path directory;

    /**
     * A new database without a bootstrap customer gets customer 00000, whose key is printed at the
     * first start only, never in a log line, and works.
     */
    @Test
    void firstStartCreatesCustomerAndPrintsItsKeyOnce() {
        String database = TestServer.databaseUrl(directory);

        String firstOutput = consoleOfRun(database, null, server -> assertThat(server.customers().list())
                .extracting(CustomerRepository.Customer::customerId).containsExactly("00000"));
        String key = printedKey(firstOutput);
        String secondOutput = consoleOfRun(database, null,
                server -> assertThat(statusOfGet(server, "00000", key)).isEqualTo(200));

        assertThat(firstOutput.lines().filter(line -> line.contains(key))).noneMatch(LOG_LINE.asMatchPredicate());
        assertThat(secondOutput).doesNotContain(key).doesNotContainPattern(PRINTED_KEY);
    }

    /** A bootstrap customer is created with its key, colons included, and no other customer or key appears. */
    @Test
    void bootstrapCustomerIsCreatedWithAKeyContainingColons() {
        String database = TestServer.databaseUrl(directory);

        String output = consoleOfRun(database, "4711:boot:strap:key", server -> {
            assertThat(statusOfGet(server, "4711", "boot:strap:key")).isEqualTo(200);
            assertThat(server.customers().list()).extracting(CustomerRepository.Customer::customerId)
                    .containsExactly("4711");
        });

        assertThat(output).doesNotContainPattern(PRINTED_KEY).doesNotContain("boot:strap:key");
    }

    /** Starting with a new key for an existing bootstrap customer replaces its key: the old one gets 401. */
    @Test
    void bootstrapCustomerGetsItsKeyReplaced() {
        String database = TestServer.databaseUrl(directory);
        consoleOfRun(database, "4711:first:key", server -> { });

        consoleOfRun(database, "4711:second:key", server -> {
            assertThat(statusOfGet(server, "4711", "first:key")).isEqualTo(401);
            assertThat(statusOfGet(server, "4711", "second:key")).isEqualTo(200);
        });
    }

    /**
     * Starts a server on {@code database} with the given bootstrap customer, runs {@code checks}
     * against it, stops it, and returns what went to {@code System.out} meanwhile, log lines included.
     */
    private static String consoleOfRun(String database, String bootstrapCustomer, Consumer<UsermetaServer> checks) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (UsermetaServer server =
                UsermetaServer.start(TestServer.config(database, Limits.defaults(), bootstrapCustomer))) {
            checks.accept(server);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static String printedKey(String output) {
        Matcher key = PRINTED_KEY.matcher(output);
        assertThat(key.find()).as("a printed key in: %s", output).isTrue();
        return key.group(1);
    }

    private static int statusOfGet(UsermetaServer server, String customerId, String licenseKey) {
        return new HttpApi(server.baseUri(), customerId, licenseKey)
                .get("/api/" + customerId + "/crm/user/u-1")
                .statusCode();
    }
}
