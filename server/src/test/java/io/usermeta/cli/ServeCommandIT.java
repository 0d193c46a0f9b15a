package io.usermeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.testing.HttpApi;
import io.usermeta.testing.TestServer;
import io.usermeta.testing.UsermetaProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code usermeta serve} as an operator meets it: the first key on stdout once the server listens,
 * logs on stderr, and a failure to start as one line instead of a stack trace.
 */
class ServeCommandIT {
    private static final Pattern BANNER_KEY = Pattern.compile("Its license key is\\s+(\\S+)");
    private static final Pattern LOG_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*");
    private static final String RULE = "=".repeat(72);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    /**
     * On a new database the banner comes on stdout after the server listens, with the real port and,
     * for a database given with {@code --db}, that database in the rotate-key hint; logs stay on stderr.
     */
    @Test
    void firstStartPrintsTheKeyOnStdoutOnceListening() throws Exception {
        int port = UsermetaProcess.freePort();
        String database = "jdbc:h2:file:" + directory.resolve("usermeta");

        try (UsermetaProcess serve = UsermetaProcess.start(Files.createFile(directory.resolve("stdout")),
                Files.createFile(directory.resolve("stderr")), Map.of(),
                "serve", "--host", "127.0.0.1", "--port", String.valueOf(port), "--db", database)) {
            String banner = awaitBanner(serve);
            String key = bannerKey(banner);

            assertThat(serve.errors()).contains("listening on port " + port).doesNotContain(key);
            assertThat(banner).contains("http://127.0.0.1:" + port + "/api/00000/",
                    "customer rotate-key 00000 --db '" + database + "'");
            assertThat(banner.lines()).noneMatch(LOG_LINE.asMatchPredicate());
            HttpApi customer = new HttpApi(URI.create("http://127.0.0.1:" + port), "00000", key);
            assertThat(customer.get("/api/00000/crm/user/u-1").statusCode()).isEqualTo(200);
        }
    }

    /** An in-memory database gets no rotate-key hint, which would open another, empty database. */
    @Test
    void inMemoryDatabaseGetsNoHintForOtherCommands() throws Exception {
        int port = UsermetaProcess.freePort();

        try (UsermetaProcess serve = UsermetaProcess.start(Files.createFile(directory.resolve("stdout")),
                Files.createFile(directory.resolve("stderr")), Map.of(),
                "serve", "--host", "127.0.0.1", "--port", String.valueOf(port), "--db", "jdbc:h2:mem:banner")) {
            String banner = awaitBanner(serve);

            assertThat(banner).doesNotContain("rotate-key").contains("in memory");
        }
    }

    /** A port another server holds is one line naming the port and the flag to change, and exit code 1. */
    @Test
    void portInUseIsOneLineWithoutStackTrace() {
        try (TestServer other = TestServer.start()) {
            String port = String.valueOf(other.port());

            CommandResult result = CommandResult.run("serve", "--host", "127.0.0.1", "--port", port,
                    "--db", TestServer.databaseUrl(directory));

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("usermeta: cannot listen on port " + other.port()
                    + ": address in use; choose another with --port" + System.lineSeparator());
        }
    }

    /** A port out of range is refused in one line before any database is opened. */
    @Test
    void portOutOfRangeIsOneLine() {
        CommandResult result = CommandResult.run("serve", "--port", "70000", "--db", TestServer.databaseUrl(directory));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err().lines()).singleElement().asString().startsWith("usermeta: port 70000 ");
        assertThat(directory).isEmptyDirectory();
    }

    /**
     * A value limit is refused above what the columns hold when every character takes two UTF-16 units,
     * which would otherwise let a valid value fail its write.
     */
    @Test
    void valueLimitAboveWhatTwoUnitCharactersFitIsRefused() {
        CommandResult result = CommandResult.run("serve", "--max-text-length", "131073", "--db",
                TestServer.databaseUrl(directory));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("--max-text-length is 131073, but the database stores at most 131072");
    }

    /** A length limit above what the database stores is refused at start, not answered with 500s later. */
    @Test
    void limitAboveTheStoredLengthIsRefused() {
        CommandResult result = CommandResult.run("serve", "--max-key-length", "200", "--db",
                TestServer.databaseUrl(directory));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("usermeta: --max-key-length is 200, but the database stores at most 128 characters");
        assertThat(directory).isEmptyDirectory();
    }

    /** A mistyped option is one line pointing to the command's help, not the whole usage text. */
    @Test
    void unknownOptionIsOneLinePointingToHelp() {
        CommandResult result = CommandResult.run("serve", "--prot", "8081");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("usermeta: Unknown option").endsWith("(see 'usermeta serve --help')");
    }

    /** {@code serve --help} lists the settings that only the environment gives, within 80 columns. */
    @Test
    void helpListsEnvironmentOnlySettings() {
        CommandResult result = CommandResult.run("serve", "--help");

        assertThat(result.out()).contains("USERMETA_BOOTSTRAP_CUSTOMER", "USERMETA_LOG_LEVEL", "USERMETA_JAVA_OPTS");
        assertThat(result.out().lines()).allMatch(line -> line.length() <= 80, "fits 80 columns");
    }

    private static String awaitBanner(UsermetaProcess serve) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String output = serve.output();
            if (output.indexOf(RULE) != output.lastIndexOf(RULE)) {
                return output;
            }
            assertThat(serve.isAlive()).as("serve ended early: %s", serve.errors()).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("no banner after " + START_TIMEOUT + "; stderr:\n" + serve.errors());
    }

    private static String bannerKey(String banner) {
        Matcher key = BANNER_KEY.matcher(banner);
        assertThat(key.find()).as("a key in: %s", banner).isTrue();
        return key.group(1);
    }
}
