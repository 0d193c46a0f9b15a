package io.usermeta.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sits between a client (the Pact verifier, the generated Java client) and the real server on
 * 127.0.0.1, passes every request on as sent and checks every exchange against the OpenAPI document,
 * so that traffic the tests do not send themselves is held to the spec too. Problems are collected,
 * not thrown, because the proxy runs on its own threads.
 */
public final class SpecCheckingProxy implements AutoCloseable {
    /** Headers the JDK client sets itself and refuses to be given. */
    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding");

    private final URI target;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private SpecCheckingProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    /** A proxy on a free port of 127.0.0.1 in front of the server at {@code target}. */
    public static SpecCheckingProxy to(URI target) throws IOException {
        return new SpecCheckingProxy(target);
    }

    /** Where clients reach the proxy. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** What did not conform to the spec, one line per answer; empty when all did. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI received = exchange.getRequestURI();
            String query = received.getRawQuery() == null ? "" : "?" + received.getRawQuery();
            String rawTarget = received.getRawPath() + query;
            byte[] sentBody = exchange.getRequestBody().readAllBytes();
            HttpResponse<byte[]> answer =
                    client.send(request(exchange, rawTarget, sentBody), HttpResponse.BodyHandlers.ofByteArray());
            check(sent(exchange, rawTarget, sentBody), answer);
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] body = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private HttpRequest request(HttpExchange exchange, String rawTarget, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(rawTarget))
                .method(exchange.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    private static SentRequest sent(HttpExchange exchange, String rawTarget, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
        return new SentRequest(exchange.getRequestMethod(), rawTarget, headers, body);
    }

    private void check(SentRequest request, HttpResponse<byte[]> answer) {
        try {
            SpecTraffic.check(request, answer.statusCode(),
                    answer.headers().firstValue("Content-Type").orElse(null),
                    new String(answer.body(), StandardCharsets.UTF_8));
        } catch (AssertionError e) {
            problems.add(e.getMessage());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
