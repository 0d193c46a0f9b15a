package io.usermeta.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.usermeta.spec.ApiSpec;
import io.usermeta.spec.XmlConformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks every exchange a test makes against the OpenAPI document. The response's status must be
 * declared for the operation, its Content-Type allowed and its XML body true to the declared schema.
 * A path or method the spec does not have must be answered with a 404 or 405 carrying the error body.
 * The request is checked too (parameters, Content-Type, Accept and XML body), and one
 * the spec does not allow must be refused with a 4xx: tests send wrong requests on purpose, but the
 * server may never accept one, nor fail on one with a 5xx. Each checked (operation, status) pair is
 * recorded so the build can prove every declared status is produced by some test.
 */
public final class SpecTraffic {
    /** Where the pairs of operation and status seen are appended, one file per test JVM. */
    public static final Path COVERAGE_DIRECTORY = Path.of("target", "spec-coverage");

    private static final ApiSpec SPEC = ApiSpec.load();
    private static final XmlConformance XML = new XmlConformance(SPEC);
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(ApiSpec.text())
            .withLevelResolver(LevelResolver.create()
                    // XML bodies are checked below through the schemas' xml objects; the validator reads only JSON.
                    .withLevel("validation.response.body.schema", ValidationReport.Level.IGNORE)
                    .withLevel("validation.request.body.schema", ValidationReport.Level.IGNORE)
                    // HTTP gives a body on GET or DELETE no meaning, and the server ignores one; the spec cannot
                    // say "ignored", only that none is expected.
                    .withLevel("validation.request.body.unexpected", ValidationReport.Level.IGNORE)
                    .withLevel("validation.schema.invalidJson", ValidationReport.Level.IGNORE)
                    .build())
            .build();
    private static final Path COVERAGE_FILE = COVERAGE_DIRECTORY.resolve("traffic-" + ProcessHandle.current().pid());

    private SpecTraffic() {}

    /**
     * Fails with an {@link AssertionError} unless the response conforms to the spec, and a request that
     * does not was refused with a 4xx.
     *
     * @param request the request as sent
     * @param status the response status
     * @param contentType the response's Content-Type header, or {@code null}
     * @param body the response body as text
     */
    public static void check(SentRequest request, int status, String contentType, String body) {
        Match match = Match.find(pathOf(request.target()), request.method().toUpperCase(Locale.ROOT));
        record(match.operation == null ? "(no operation)" : match.operation.getOperationId(), status);
        List<String> problems = problems(match, request, status, contentType, body);
        if (!problems.isEmpty()) {
            throw new AssertionError("response to " + request.method() + " " + request.target() + " (" + status
                    + ") does not conform to the spec: " + problems);
        }
    }

    /** What {@link #check} finds wrong with an exchange, without recording it; empty when all conforms. */
    static List<String> problems(SentRequest request, int status, String contentType, String body) {
        return problems(Match.find(pathOf(request.target()), request.method().toUpperCase(Locale.ROOT)), request,
                status, contentType, body);
    }

    private static List<String> problems(Match match, SentRequest request, int status, String contentType,
            String body) {
        if (match.operation == null) {
            return unmatched(match, status, contentType, body);
        }
        List<String> problems = matched(match, pathOf(request.target()), request.method(), status, contentType, body);
        if (status < 400 || status >= 500) {
            List<String> refusable = requestProblems(match.operation, request);
            if (!refusable.isEmpty()) {
                problems.add("the spec does not allow the request (" + refusable + "), yet the answer was " + status);
            }
        }
        return problems;
    }

    private static List<String> matched(Match match, String path, String method, int status, String contentType,
            String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        List<String> problems = new ArrayList<>();
        VALIDATOR.validateResponse(path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build())
                .getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .forEach(message -> problems.add(message.getKey() + ": " + message.getMessage()));
        ApiResponse declared = declaredResponse(match.operation, status);
        if (declared != null && declared.getContent() != null && body != null && !body.isEmpty()) {
            MediaType media = declared.getContent().get(baseType(contentType));
            if (media != null && media.getSchema() != null) {
                problems.addAll(XML.problems(body, media.getSchema()));
            }
        }
        return problems;
    }

    /** What the spec does not allow in {@code request}, an exchange of {@code operation}; empty when it allows all. */
    private static List<String> requestProblems(Operation operation, SentRequest request) {
        // In a path, + is a plain character (RFC 3986); the validator decodes paths like form fields, where
        // it means a space, so it gets the + percent-encoded, which means the same in a path.
        SimpleRequest.Builder simple = new SimpleRequest.Builder(request.method().toUpperCase(Locale.ROOT),
                pathOf(request.target()).replace("+", "%2B"));
        queryParameters(request.target()).forEach(simple::withQueryParam);
        request.headers().forEach((name, value) -> simple.withHeader(name, value));
        Charset charset = null;
        if (request.body().length > 0) {
            charset = BodyCharset.of(request.body(), request.headers().get("Content-Type"));
            simple.withBody(request.body());
        }
        List<String> problems = new ArrayList<>();
        VALIDATOR.validateRequest(simple.build()).getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .forEach(message -> problems.add(message.getKey() + ": " + message.getMessage()));
        MediaType media = operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                ? null : operation.getRequestBody().getContent().get(baseType(request.headers().get("Content-Type")));
        if (media != null && media.getSchema() != null && request.body().length > 0) {
            if (charset == null) {
                problems.add("the body's character encoding is unknown");
            } else {
                problems.addAll(XML.problems(BodyCharset.text(request.body(), charset), media.getSchema()));
            }
        }
        return problems;
    }

    /** The query's parameters, decoded, each name with its values in order. */
    private static Map<String, List<String>> queryParameters(String target) {
        int start = target.indexOf('?');
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (start < 0 || start == target.length() - 1) {
            return parameters;
        }
        for (String pair : target.substring(start + 1).split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.computeIfAbsent(decode(name), absent -> new ArrayList<>()).add(decode(value));
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return text;
        }
    }

    /** A path or method the spec does not have: only 404 or 405 with the error body, or a raw-request rejection. */
    private static List<String> unmatched(Match match, int status, String contentType, String body) {
        int expected = match.pathItem == null ? 404 : 405;
        List<String> problems = new ArrayList<>();
        if (status != expected && status != 400 && status != 414 && status != 413) {
            problems.add("status " + status + " where the spec describes only " + expected);
        }
        problems.addAll(XML.problems(body, SPEC.openApi().getComponents().getSchemas().get("Error")));
        if (contentType == null || !baseType(contentType).endsWith("/xml")) {
            problems.add("Content-Type " + contentType + " is not XML");
        }
        return problems;
    }

    private static ApiResponse declaredResponse(Operation operation, int status) {
        ApiResponse response = operation.getResponses().get(Integer.toString(status));
        if (response != null && response.get$ref() != null) {
            String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
            return SPEC.openApi().getComponents().getResponses().get(name);
        }
        return response;
    }

    private static String baseType(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    private static String pathOf(String target) {
        String withoutScheme = target.replaceFirst("^[a-z]+://[^/]+", "");
        int query = withoutScheme.indexOf('?');
        return query < 0 ? withoutScheme : withoutScheme.substring(0, query);
    }

    private static synchronized void record(String operationId, int status) {
        try {
            Files.createDirectories(COVERAGE_DIRECTORY);
            Files.writeString(COVERAGE_FILE, operationId + " " + status + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path item and operation a request path and method fall on, as the server would route them. */
    private static final class Match {
        private final PathItem pathItem;
        private final Operation operation;

        private Match(PathItem pathItem, Operation operation) {
            this.pathItem = pathItem;
            this.operation = operation;
        }

        static Match find(String path, String method) {
            PathItem.HttpMethod httpMethod = httpMethod(method);
            Match found = new Match(null, null);
            for (Map.Entry<String, PathItem> entry : SPEC.openApi().getPaths().entrySet()) {
                if (template(entry.getKey()).matcher(path).matches()) {
                    PathItem item = entry.getValue();
                    Operation operation = httpMethod == null ? null : item.readOperationsMap().get(httpMethod);
                    if (operation != null) {
                        return new Match(item, operation);
                    }
                    found = new Match(item, null);
                }
            }
            return found;
        }

        private static PathItem.HttpMethod httpMethod(String method) {
            for (PathItem.HttpMethod candidate : PathItem.HttpMethod.values()) {
                if (candidate.name().equals(method)) {
                    return candidate;
                }
            }
            return null;
        }

        private static Pattern template(String template) {
            return Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+") + "/?");
        }
    }
}
