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
 * The benchmark's side of the API for one customer. Unlike the tests' client it checks only the status
 * code, so that the time measured is the server's and the network's, not a validator's.
 */
final class BenchClient {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;
    private final String customerPath;
    private final String readSource;
    private final String authorization;

    /** A client of customer {@code customerId}, whose GETs of users name {@code readSource} and ask for all sources. */
    BenchClient(URI base, String customerId, String licenseKey, String readSource) {
        this.base = base;
        this.customerPath = "/api/" + customerId;
        this.readSource = readSource;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((customerId + ":" + licenseKey).getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs a {@code <users>} document for {@code source}; fails unless the server answers 204. */
    void postUsers(String source, byte[] document) throws IOException, InterruptedException {
        send("POST", "/" + source + "/user", document, 204);
    }

    /**
     * GETs the attributes of every source of a comma-separated, already encoded id list; fails unless
     * the server answers 200.
     */
    String getUsers(String idList) throws IOException, InterruptedException {
        return get("/" + readSource + "/user/" + idList + "?allSources=true");
    }

    /** GETs {@code path} under the customer's {@code /api/{customerid}}; fails unless the server answers 200. */
    String get(String path) throws IOException, InterruptedException {
        HttpRequest request = request(customerPath + path).GET().build();
        return expect(200, http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /**
     * Sends an XML body with {@code method} to {@code path} under the customer's {@code /api/{customerid}};
     * fails unless the server answers {@code status}.
     */
    String send(String method, String path, byte[] body, int status) throws IOException, InterruptedException {
        HttpRequest request = request(customerPath + path)
                .header("Content-Type", "application/xml")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return expect(status, http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
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
