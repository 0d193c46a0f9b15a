package io.usermeta.server;

import io.usermeta.core.Limits;
import io.usermeta.errors.ErrorResponses;
import io.usermeta.xml.LimitedInputStream;
import io.usermeta.core.Text;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Checks the raw request before Jersey sees it. Once a path is decoded, a matrix parameter after
 * {@code ;} has silently vanished and a malformed escape or raw backslash makes the container fail
 * with a 500, so those, over-long URIs and over-large declared bodies are answered here.
 */
final class RawRequestGuard extends HttpHandler {
    /** Unreserved, sub-delimiter and other characters RFC 3986 allows raw in a path or query; '%' starts escapes. */
    private static final String TARGET_PUNCTUATION = "-._~!$&'()*+,;=:@/?%";

    private final HttpHandler application;
    private final Limits limits;

    RawRequestGuard(HttpHandler application, Limits limits) {
        this.application = application;
        this.limits = limits;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        Rejection rejection = inspect(request);
        if (rejection == null) {
            application.service(request, response);
        } else {
            reject(response, rejection);
        }
    }

    private Rejection inspect(Request request) {
        String path = request.getRequestURI();
        String query = request.getQueryString();
        String original = request.getRequest().getRequestURIRef().getOriginalRequestURIBC().toString();
        long uriLength = path.length() + (query == null ? 0 : query.length() + 1);
        if (uriLength > limits.maxUriLength()) {
            return new Rejection(414, "the URI has " + uriLength + " bytes; the limit is " + limits.maxUriLength());
        }
        String problem = characterProblem(original, path, query);
        if (problem == null) {
            problem = pathProblem(path);
        }
        if (problem == null) {
            problem = hostProblem(request.getHeader("Host"));
        }
        if (problem == null && query != null) {
            problem = escapeProblem(query, "query string");
        }
        if (problem != null) {
            return new Rejection(400, problem);
        }
        if (request.getContentLengthLong() > limits.maxBodyBytes()) {
            return new Rejection(413, LimitedInputStream.tooLarge(limits.maxBodyBytes()).getMessage());
        }
        return null;
    }

    /**
     * Characters RFC 3986 does not allow unencoded in a request target. Grizzly would read raw
     * non-ASCII bytes as ISO-8859-1 and cut the target at a '#', so either would silently address
     * another user than the one meant.
     */
    private static String characterProblem(String original, String path, String query) {
        String target = query == null ? path : path + "?" + query;
        for (String text : new String[] {original, target}) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!isTargetCharacter(c)) {
                    return "the request target contains " + Text.describe(c) + " unencoded at character " + (i + 1)
                            + "; percent-encode it (UTF-8)";
                }
            }
        }
        return null;
    }

    private static boolean isTargetCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || TARGET_PUNCTUATION.indexOf(c) >= 0;
    }

    /** A Host header that is not a valid authority would make the container fail with a 500. */
    private static String hostProblem(String host) {
        if (host == null) {
            return null;
        }
        try {
            new URI("http://" + host + "/").parseServerAuthority();
            return null;
        } catch (URISyntaxException e) {
            return "the Host header '" + Text.quote(host) + "' is not a valid host and port";
        }
    }

    private static String pathProblem(String path) {
        if (path.indexOf(';') >= 0) {
            return "the path contains a raw ';'; encode it as %3B (matrix parameters are not supported)";
        }
        if (path.indexOf('\\') >= 0) {
            return "the path contains a raw backslash, which no identifier may contain";
        }
        return escapeProblem(path, "path");
    }

    private static String escapeProblem(String text, String part) {
        for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
            if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                    || Character.digit(text.charAt(i + 2), 16) < 0) {
                return "the " + part + " contains a malformed percent escape at character " + (i + 1)
                        + "; '%' must be followed by two hex digits";
            }
        }
        return null;
    }

    private static void reject(Response response, Rejection rejection) throws IOException {
        response.setStatus(rejection.status());
        response.setContentType(ErrorResponses.XML.toString());
        response.getWriter().write(ErrorResponses.xml(ErrorResponses.body(rejection.status(), rejection.message())));
    }

    private record Rejection(int status, String message) {}
}
