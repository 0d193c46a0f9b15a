package io.usermeta.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The benchmark's side of the User API for one customer and source. Unlike the tests' client it checks
 * only the status code, so that the time measured is the server's and the network's, not a validator's.
 */
final class BenchClient {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;
    private final String usersPath;
    private final String authorization;

    BenchClient(URI base, String customerId, String licenseKey, String source) {
        this.base = base;
        this.usersPath = "/api/" + customerId + "/" + source + "/user";
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((customerId + ":" + licenseKey).getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs a {@code <users>} document; fails unless the server answers 204. */
    void postUsers(byte[] document) throws IOException, InterruptedException {
        HttpRequest request = request(usersPath)
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(document))
                .build();
        expect(204, http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /** GETs the users of a comma-separated, already encoded id list; fails unless the server answers 200. */
    String getUsers(String idList) throws IOException, InterruptedException {
        HttpRequest request = request(usersPath + "/" + idList).GET().build();
        return expect(200, http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /** Whether {@code /health} answers 200; false while nothing listens yet. */
    boolean isHealthy() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/health")).timeout(TIMEOUT).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Authorization", authorization);
    }

    private static String expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " answered " + response.statusCode()
                    + " instead of " + status + ": " + abbreviate(response.body()));
        }
        return response.body();
    }

    private static String abbreviate(String body) {
        return body.length() <= 500 ? body : body.substring(0, 500) + "…";
    }
}
