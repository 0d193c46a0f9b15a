package io.usermeta.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.config.DatabaseConfig;
import io.usermeta.config.ServerConfig;
import io.usermeta.core.Limits;
import io.usermeta.testing.HttpApi;
import io.usermeta.testing.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answers a client gets when the server or its database fails: 503 while the database cannot be
 * reached, 500 for anything unexpected, each with an incident id and never a stack trace; and the
 * rarer client statuses each operation declares. The operations of the cluster API fail the same way.
 */
class FailureStatusesIT {
    private static final String USERS = "/api/00000/registration/user";
    private static final String DOCUMENT = "<users><user id=\"u-1\"><attributes>"
            + "<attribute key=\"k\" value=\"v\"/></attributes></user></users>";

    @TempDir
    Path directory;

    /** With its database out of reach, every operation answers 503 with an incident id. */
    @Test
    void unreachableDatabaseAnswers503() throws Exception {
        int databasePort = freePort();
        Server database = Server.createTcpServer("-tcpPort", Integer.toString(databasePort), "-ifNotExists",
                "-baseDir", directory.toString()).start();
        String url = "jdbc:h2:tcp://127.0.0.1:" + databasePort + "/usermeta;LOCK_TIMEOUT=10000";
        ServerConfig config = new ServerConfig("127.0.0.1", 0, new DatabaseConfig(url, null, null, 4, 500),
                Limits.defaults(), 5, TestServer.CUSTOMER + ":" + TestServer.LICENSE_KEY);
        try (UsermetaServer server = UsermetaServer.start(config)) {
            HttpApi api = new HttpApi(server.baseUri(), TestServer.CUSTOMER, TestServer.LICENSE_KEY);
            assertThat(api.post(USERS, DOCUMENT).statusCode()).isEqualTo(204);

            database.stop();

            List<HttpResponse<String>> answers = List.of(api.get("/health"), api.get(USERS + "/u-1"),
                    api.post(USERS, DOCUMENT), api.delete("/api/00000/user/u-1"));
            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.statusCode()).isEqualTo(503);
                assertThat(answer.body()).contains("<error status=\"503\"").doesNotContain("Exception");
            });
            assertThat(answers.subList(1, 4)).allSatisfy(answer -> assertThat(answer.body()).contains("incident=\""));
            assertFailedWithIncident(segmentOperations(api), 503);
        } finally {
            database.stop();
        }
    }

    /** A fault nobody foresaw, here a damaged schema, answers 500 with an incident id and no stack trace. */
    @Test
    void unexpectedFailureAnswers500WithIncident() throws SQLException {
        try (TestServer server = TestServer.start()) {
            HttpApi api = server.api();
            dropTables(server);

            List<HttpResponse<String>> answers = List.of(api.get(USERS + "/u-1"), api.post(USERS, DOCUMENT),
                    api.delete("/api/00000/user/u-1"));

            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.statusCode()).isEqualTo(500);
                assertThat(answer.body()).containsPattern("<error status=\"500\" incident=\"[0-9a-f-]{36}\"")
                        .doesNotContain("Exception").doesNotContain("user_attribute");
            });
            assertFailedWithIncident(segmentOperations(api), 500);
            assertThat(api.get("/health").statusCode()).isEqualTo(200);
        }
    }

    /** A POST or DELETE whose Accept header rules out XML is refused with 406 before anything changes. */
    @Test
    void writesRefuseAnAcceptWithoutXml() {
        try (TestServer server = TestServer.start()) {
            HttpApi api = server.api();

            HttpResponse<String> post = api.send(api.request(USERS).header("Content-Type", "text/xml")
                    .header("Accept", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(DOCUMENT)).build());
            HttpResponse<String> delete = api.send(api.request("/api/00000/user/u-1")
                    .header("Accept", "application/json").DELETE().build());

            assertThat(post.statusCode()).isEqualTo(406);
            assertThat(delete.statusCode()).isEqualTo(406);
            assertThat(api.get(USERS + "/u-1").body()).doesNotContain("u-1");
        }
    }

    /** A POST whose URI is longer than the limit is refused with 414, naming the limit. */
    @Test
    void postWithAnOverlongUriIs414() {
        Limits small = new Limits(1 << 20, 10, 10, 16, 32, 64, 200);
        try (TestServer server = TestServer.start(small)) {
            HttpApi api = server.api();

            HttpResponse<String> response = api.post(USERS + "?padding=" + "x".repeat(200), DOCUMENT);

            assertThat(response.statusCode()).isEqualTo(414);
            assertThat(response.body()).contains("the limit is 200");
        }
    }

    private static void dropTables(TestServer server) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.databaseUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE user_attribute");
            statement.execute("DROP TABLE segment");
        }
    }

    /** One call of each operation of the cluster API. */
    private static List<HttpResponse<String>> segmentOperations(HttpApi api) {
        String condition = "<condition op=\"present\" key=\"k\"/>";
        return List.of(api.get("/api/00000/segments"), api.get("/api/00000/segments/s"),
                api.put("/api/00000/segments/s", "<segment>" + condition + "</segment>"),
                api.delete("/api/00000/segments/s"), api.get("/api/00000/segments/s/members"),
                api.post("/api/00000/evaluate", condition), api.get("/api/00000/memberships/u-1"),
                api.get("/api/00000/attributes"), api.get("/api/00000/attributes/country/distribution"));
    }

    private static void assertFailedWithIncident(List<HttpResponse<String>> answers, int status) {
        assertThat(answers).allSatisfy(answer -> assertThat(answer.body())
                .containsPattern("<error status=\"" + status + "\" incident=\"[0-9a-f-]{36}\"")
                .doesNotContain("Exception"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
