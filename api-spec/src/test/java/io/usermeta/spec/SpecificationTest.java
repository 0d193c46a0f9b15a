package io.usermeta.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** The packaged OpenAPI document is valid, complete and its examples are true to its schemas. */
class SpecificationTest {
    private static final ApiSpec SPEC = ApiSpec.load();
    private static final XmlConformance CONFORMANCE = new XmlConformance(SPEC);

    /** The parser finds nothing wrong with the document. */
    @Test
    void documentParsesWithoutMessages() {
        assertThat(SPEC.messages()).isEmpty();
        assertThat(SPEC.openApi().getPaths()).containsOnlyKeys("/health", "/api/{customerid}/{source}/user/{userids}",
                "/api/{customerid}/{source}/user", "/api/{customerid}/user/{userids}", "/api/{customerid}/attributes",
                "/api/{customerid}/attributes/{key}/distribution", "/api/{customerid}/segments",
                "/api/{customerid}/segments/{name}", "/api/{customerid}/segments/{name}/members",
                "/api/{customerid}/evaluate", "/api/{customerid}/memberships/{userid}");
    }

    /** Every request and response example conforms to the schema beside it. */
    @Test
    void everyExampleConformsToItsSchema() {
        List<String> problems = new ArrayList<>();
        List<String> checked = new ArrayList<>();

        forEachExample((where, content) -> content.getExamples().forEach((name, example) -> {
            checked.add(where + " " + name);
            CONFORMANCE.problems(String.valueOf(example.getValue()), content.getSchema())
                    .forEach(problem -> problems.add(where + " example '" + name + "': " + problem));
        }));

        assertThat(checked).hasSizeGreaterThanOrEqualTo(10);
        assertThat(problems).isEmpty();
    }

    /** An example with an unknown type name, an unknown element or a bad key is caught. */
    @Test
    void nonConformingBodiesAreCaught() {
        Schema<?> users = SPEC.openApi().getComponents().getSchemas().get("Users");

        List<String> badType = CONFORMANCE.problems(
                "<users><user id=\"u\"><attributes><attribute key=\"k\" value=\"v\" type=\"BOGUS\"/>"
                        + "</attributes></user></users>", users);
        List<String> unknownElement = CONFORMANCE.problems(
                "<users><user id=\"u\"><attributes/><extra/></user></users>", users);
        List<String> badKey = CONFORMANCE.problems(
                "<users><user id=\"u\"><attributes><attribute key=\"a b\" value=\"v\"/></attributes></user></users>",
                users);
        List<String> missingValue = CONFORMANCE.problems(
                "<users><user id=\"u\"><attributes><attribute key=\"k\"/></attributes></user></users>", users);

        assertThat(badType).anySatisfy(problem -> assertThat(problem).contains("BOGUS"));
        assertThat(unknownElement).anySatisfy(problem -> assertThat(problem).contains("<extra>"));
        assertThat(badKey).anySatisfy(problem -> assertThat(problem).contains("a b"));
        assertThat(missingValue).anySatisfy(problem -> assertThat(problem).contains("value"));
    }

    /** Each operation declares the statuses clients must handle, and every error uses the one Error schema. */
    @Test
    void operationsDeclareTheirStatusesAndOneErrorBody() {
        List<String> missing = new ArrayList<>();

        SPEC.openApi().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            List<String> required = path.startsWith("/api")
                    ? List.of("400", "401", "403", "500", "503") : List.of("200", "503");
            required.stream().filter(status -> !operation.getResponses().containsKey(status))
                    .forEach(status -> missing.add(method + " " + path + " lacks " + status));
            errorResponses(operation).forEach((status, schemaRef) -> {
                if (!schemaRef.endsWith("/Error")) {
                    missing.add(method + " " + path + " " + status + " does not use the Error schema");
                }
            });
        }));

        assertThat(missing).isEmpty();
    }

    private static Map<String, String> errorResponses(Operation operation) {
        Map<String, String> refs = new java.util.TreeMap<>();
        operation.getResponses().forEach((status, response) -> {
            ApiResponse resolved = resolve(response);
            if (status.compareTo("400") >= 0 && resolved.getContent() != null) {
                resolved.getContent().forEach((type, content) -> refs.put(status + " " + type,
                        String.valueOf(content.getSchema().get$ref())));
            }
        });
        return refs;
    }

    private static ApiResponse resolve(ApiResponse response) {
        if (response.get$ref() == null) {
            return response;
        }
        String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
        return SPEC.openApi().getComponents().getResponses().get(name);
    }

    private static void forEachExample(BiConsumer<String, MediaType> check) {
        SPEC.openApi().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getRequestBody() != null) {
                examples(operation.getRequestBody().getContent(), method + " " + path + " request", check);
            }
            operation.getResponses().forEach((status, response) -> examples(resolve(response).getContent(),
                    method + " " + path + " " + status, check));
        }));
    }

    private static void examples(io.swagger.v3.oas.models.media.Content content, String where,
            BiConsumer<String, MediaType> check) {
        if (content == null) {
            return;
        }
        content.forEach((type, media) -> {
            if (media.getExamples() != null) {
                check.accept(where + " " + type, media);
            }
        });
    }
}
