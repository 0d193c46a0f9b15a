package io.usermeta.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Talks to a test server over real HTTP. {@link #raw} sends a request line byte for byte, for paths
 * that a URI class would refuse or normalise (raw backslashes, bad escapes, semicolons).
 */
public final class HttpApi {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final URI base;
    private final String customerId;
    private final String authorization;

    public HttpApi(URI base, String customerId, String licenseKey) {
        this.base = base;
        this.customerId = customerId;
        this.authorization = basic(customerId, licenseKey);
    }

    public static String basic(String customerId, String licenseKey) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((customerId + ":" + licenseKey).getBytes(StandardCharsets.UTF_8));
    }

    public URI base() {
        return base;
    }

    public String customerId() {
        return customerId;
    }

    /** GET of a path as written (already percent-encoded where needed), authenticated. */
    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> post(String path, String xml) {
        return post(path, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public HttpResponse<String> put(String path, String xml) {
        return send(request(path).header("Content-Type", "text/xml")
                .PUT(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build());
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE().build());
    }

    /** POSTs the attribute sets of {@code users} for {@code source} as one document. */
    public HttpResponse<String> postUsers(String source, Map<String, List<UserAttribute>> users) {
        return post(usersPath(source), UsersXml.document(users));
    }

    /** DELETEs the listed users of this client's customer. */
    public HttpResponse<String> deleteUsers(Collection<String> userIds) {
        return delete("/api/" + customerId + "/user/" + idList(userIds));
    }

    /** GETs the listed users' sets of {@code source}, parsed; fails unless the answer is 200. */
    public Map<String, List<UserAttribute>> getUsers(String source, Collection<String> userIds) {
        HttpResponse<String> response = get(usersPath(source) + "/" + idList(userIds));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return UsersXml.parse(response.body());
    }

    /** The same for any number of ids, read in GETs of at most {@code idsPerGet} ids each. */
    public Map<String, List<UserAttribute>> getUsers(String source, List<String> userIds, int idsPerGet) {
        Map<String, List<UserAttribute>> users = new LinkedHashMap<>();
        for (int from = 0; from < userIds.size(); from += idsPerGet) {
            users.putAll(getUsers(source, userIds.subList(from, Math.min(userIds.size(), from + idsPerGet))));
        }
        return users;
    }

    private String usersPath(String source) {
        return "/api/" + customerId + "/" + source + "/user";
    }

    private static String idList(Collection<String> userIds) {
        return userIds.stream()
                .map(id -> URLEncoder.encode(id, StandardCharsets.UTF_8))
                .collect(Collectors.joining(","));
    }

    /** A request builder for {@code path} with this client's credentials. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            URI uri = request.uri();
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            Map<String, String> headers = new LinkedHashMap<>();
            request.headers().map().forEach((name, values) -> headers.put(name, values.get(0)));
            SpecTraffic.check(new SentRequest(request.method(), target, headers, SentBodies.bytesOf(request)),
                    response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends {@code method target HTTP/1.1} exactly as given, with the credentials and an optional
     * body, and returns the raw response (status line, headers and body).
     */
    public RawResponse raw(String method, String target, String contentType, byte[] body) {
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Authorization: ").append(authorization).append("\r\n");
        if (body != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n");
        }
        return exchange(head.toString(), body);
    }

    /**
     * Sends a request line and headers exactly as given (each line ending in CRLF, without the blank
     * line), adds {@code Host} and {@code Connection: close}, then the body if any, and returns the
     * raw response.
     */
    public RawResponse exchange(String head, byte[] body) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            String fullHead = head + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(fullHead.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            // Says the request is complete, so a server waiting for a declared body it refused answers at once.
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            RawResponse response = RawResponse.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
                }
            }
            SpecTraffic.check(new SentRequest(requestLine[0], requestLine[1], headers, body), response.status(),
                    response.header("Content-Type"), response.body());
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A response read off a socket.
     *
     * @param status the status code
     * @param head the status line and headers
     * @param body the body as text
     */
    public record RawResponse(int status, String head, String body) {
        /** The first value of a response header, or {@code null}. */
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        static RawResponse parse(String text) {
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            return new RawResponse(status, head, body);
        }
    }
}
