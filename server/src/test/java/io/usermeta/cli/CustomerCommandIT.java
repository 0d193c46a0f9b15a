package io.usermeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.testing.HttpApi;
import io.usermeta.testing.TestServer;
import io.usermeta.testing.UserAttribute;
import io.usermeta.testing.UsermetaProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code customer} commands, run against the database of a running server: what they change
 * takes effect on the server's next request, without a restart.
 */
class CustomerCommandIT {
    private static final Pattern PRINTED_KEY = Pattern.compile("[A-Za-z0-9_-]{20,}\\R");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ");
    private static final String SOURCE = "crm";

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** {@code customer add ID} prints a generated key that the running server accepts at once. */
    @Test
    void addPrintsAGeneratedKeyThatWorksAtOnce() {
        CommandResult added = run("customer", "add", "10001");

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(statusOfGet("10001", printedKey(added))).isEqualTo(200);
        assertThat(statusOfGet("10001", "not-the-key")).isEqualTo(401);
    }

    /**
     * {@code customer add ID} prints the generated key alone on stdout, so a script can capture it, and
     * says on stderr what it did and on which database.
     */
    @Test
    void addPrintsOnlyTheKeyOnStdoutAndTheRestOnStderr() {
        CommandResult added = run("customer", "add", "10007");

        assertThat(added.out()).matches(PRINTED_KEY);
        assertThat(added.err()).contains("database: jdbc:h2:file:", "AUTO_SERVER=TRUE",
                "Added customer 10007; its license key is shown only now");
    }

    /** A license key given with {@code --license-key} may contain colons and is not printed back. */
    @Test
    void addAcceptsAGivenLicenseKeyWithColons() {
        CommandResult added = run("customer", "add", "10002", "--license-key", "given:key:with:colons");

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).isEmpty();
        assertThat(added.err()).doesNotContain("given:key:with:colons");
        assertThat(statusOfGet("10002", "given:key:with:colons")).isEqualTo(200);
    }

    /** Adding a customer id that exists fails with exit code 1 and leaves the existing key working. */
    @Test
    void addOfAnExistingCustomerFailsWithExitCodeOne() {
        CommandResult added = run("customer", "add", TestServer.CUSTOMER);

        assertThat(added.exitCode()).isEqualTo(1);
        assertThat(added.err()).contains("exists already");
        assertThat(statusOfGet(TestServer.CUSTOMER, TestServer.LICENSE_KEY)).isEqualTo(200);
    }

    /** {@code customer list} names every customer and shows none of their keys. */
    @Test
    void listShowsIdsButNeverKeys() {
        String generated = printedKey(run("customer", "add", "10003"));
        run("customer", "add", "10004", "--license-key", "listed:secret");

        CommandResult listed = run("customer", "list");

        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains(TestServer.CUSTOMER, "10003", "10004");
        assertThat(listed.out()).doesNotContain(generated, "listed:secret", TestServer.LICENSE_KEY);
    }

    /** {@code customer list} starts each column at the same position in every line, its header included. */
    @Test
    void listAlignsItsColumns() {
        run("customer", "add", "10008", "--license-key", "aligned");

        List<String> lines = run("customer", "list").out().lines().toList();

        String header = lines.get(0);
        assertThat(lines.subList(1, lines.size())).isNotEmpty().allSatisfy(line -> {
            Matcher times = TIMESTAMP.matcher(line);
            assertThat(times.find()).as(line).isTrue();
            assertThat(times.start()).as(line).isEqualTo(header.indexOf("CREATED"));
            assertThat(times.find()).as(line).isTrue();
            assertThat(times.start()).as(line).isEqualTo(header.indexOf("KEY SET"));
            assertThat(line.charAt(header.indexOf("USERS"))).as(line).isBetween('0', '9');
        });
    }

    /** After {@code rotate-key} the old key gets 401 and the printed new key works, both at once. */
    @Test
    void rotateKeyRetiresTheOldKeyAtOnce() {
        run("customer", "add", "10005", "--license-key", "old:key");

        CommandResult rotated = run("customer", "rotate-key", "10005");

        assertThat(rotated.exitCode()).as(rotated.err()).isZero();
        assertThat(statusOfGet("10005", "old:key")).isEqualTo(401);
        assertThat(statusOfGet("10005", printedKey(rotated))).isEqualTo(200);
    }

    /** {@code remove} makes the customer's credentials get 401 and deletes its users with it. */
    @Test
    void removeRevokesCredentialsAndDeletesUsers() {
        run("customer", "add", "10006", "--license-key", "remove:me");
        HttpApi customer = new HttpApi(server.baseUri(), "10006", "remove:me");
        assertThat(customer.postUsers(SOURCE, Map.of("u-1", List.of(UserAttribute.nominal("tier", "gold"))))
                .statusCode()).isEqualTo(204);

        CommandResult removed = run("customer", "remove", "10006");

        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(statusOfGet("10006", "remove:me")).isEqualTo(401);
        run("customer", "add", "10006", "--license-key", "remove:me");
        assertThat(customer.getUsers(SOURCE, List.of("u-1"))).isEmpty();
    }

    /** An invalid customer id is refused with a non-zero exit code and a message naming the rule. */
    @Test
    void invalidCustomerIdIsRefusedWithAMessage() {
        CommandResult added = run("customer", "add", "not/valid");

        assertThat(added.exitCode()).isNotZero();
        assertThat(added.err()).contains("not/valid", "1-64 ASCII letters or digits");
        assertThat(run("customer", "list").out()).doesNotContain("not/valid");
    }

    /** A subcommand's {@code -V} prints the version, as the top command's does. */
    @Test
    void subcommandPrintsTheVersion() {
        CommandResult version = run("customer", "add", "-V");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("usermeta ");
    }

    /** A customer added by a second process on the server's database works over HTTP without a restart. */
    @Test
    void customerAddedByAnotherProcessWorksAtOnce() throws Exception {
        Path output = Files.createTempFile(server.directory(), "customer-add", ".log");

        int exitCode;
        try (UsermetaProcess process = UsermetaProcess.start(output, Map.of(),
                "customer", "add", "20001", "--license-key", "other:process", "--db", server.databaseUrl())) {
            exitCode = process.waitFor(Duration.ofSeconds(60));
        }

        assertThat(exitCode).as(Files.readString(output)).isZero();
        assertThat(statusOfGet("20001", "other:process")).isEqualTo(200);
    }

    /** Runs the command line in this JVM on the server's database. */
    private static CommandResult run(String... args) {
        List<String> withDatabase = new ArrayList<>(List.of(args));
        withDatabase.addAll(List.of("--db", server.databaseUrl()));
        return CommandResult.run(withDatabase.toArray(String[]::new));
    }

    private static String printedKey(CommandResult result) {
        assertThat(result.out()).as("a key alone on stdout").matches(PRINTED_KEY);
        return result.out().strip();
    }

    private static int statusOfGet(String customerId, String licenseKey) {
        return new HttpApi(server.baseUri(), customerId, licenseKey)
                .get("/api/" + customerId + "/" + SOURCE + "/user/u-1")
                .statusCode();
    }
}
