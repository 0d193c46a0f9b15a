package io.usermeta.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks every response a test receives against the OpenAPI document: the status must be declared
 * for the operation, the Content-Type allowed and the XML body true to the declared schema. A path
 * or method the spec does not have must be answered with a 404 or 405 carrying the error body.
 * Each checked (operation, status) pair is recorded so the build can prove every declared status is
 * produced by some test.
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
                    .withLevel("validation.schema.invalidJson", ValidationReport.Level.IGNORE)
                    .build())
            .build();
    private static final Path COVERAGE_FILE = COVERAGE_DIRECTORY.resolve("traffic-" + ProcessHandle.current().pid());

    private SpecTraffic() {}

    /**
     * Fails with an {@link AssertionError} unless the response conforms to the spec.
     *
     * @param method the request method
     * @param target the request target as sent: encoded path and optional query
     * @param status the response status
     * @param contentType the response's Content-Type header, or {@code null}
     * @param body the response body as text
     */
    public static void check(String method, String target, int status, String contentType, String body) {
        String path = pathOf(target);
        Match match = Match.find(path, method.toUpperCase(Locale.ROOT));
        List<String> problems = match.operation == null
                ? unmatched(match, status, contentType, body)
                : matched(match, path, method, status, contentType, body);
        record(match.operation == null ? "(no operation)" : match.operation.getOperationId(), status);
        if (!problems.isEmpty()) {
            throw new AssertionError("response to " + method + " " + target + " (" + status
                    + ") does not conform to the spec: " + problems);
        }
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
                .getMessages().forEach(message -> problems.add(message.getKey() + ": " + message.getMessage()));
        ApiResponse declared = declaredResponse(match.operation, status);
        if (declared != null && declared.getContent() != null && body != null && !body.isEmpty()) {
            MediaType media = declared.getContent().get(baseType(contentType));
            if (media != null && media.getSchema() != null) {
                problems.addAll(XML.problems(body, media.getSchema()));
            }
        }
        return problems;
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
