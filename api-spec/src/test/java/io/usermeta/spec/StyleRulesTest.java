package io.usermeta.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The style rules the build lints the spec with pass the current spec and reject what they are meant to. */
class StyleRulesTest {
    private static final StyleRules RULES = StyleRules.configuredIn(Path.of("pom.xml"));
    private static final String USERS_OF_A_SOURCE = "/api/{customerid}/{source}/user/{userids}";

    /** The current spec meets every rule the build applies. */
    @Test
    void currentSpecMeetsTheRules() {
        List<String> violations = RULES.violations(ApiSpec.text());

        assertThat(violations).isEmpty();
    }

    /** An operation without an operationId is rejected, since generated clients name their methods by it. */
    @Test
    void operationWithoutOperationIdIsRejected() {
        EditableSpec spec = EditableSpec.current();

        spec.operation(USERS_OF_A_SOURCE, "get").remove("operationId");

        assertRejected(spec, "GET " + USERS_OF_A_SOURCE, "operationId");
    }

    /** An operation without a summary is rejected. */
    @Test
    void operationWithoutSummaryIsRejected() {
        EditableSpec spec = EditableSpec.current();

        spec.operation(USERS_OF_A_SOURCE, "get").remove("summary");

        assertRejected(spec, "GET " + USERS_OF_A_SOURCE, "summary");
    }

    /** A schema property without a description is rejected. */
    @Test
    void propertyWithoutDescriptionIsRejected() {
        EditableSpec spec = EditableSpec.current();

        spec.property("Attribute", "key").remove("description");

        assertRejected(spec, "'Attribute'", "'key'", "description");
    }

    /** A new query parameter in snake case is rejected: new names follow camel case like allSources. */
    @Test
    void snakeCaseQueryParameterIsRejected() {
        EditableSpec spec = EditableSpec.current();

        spec.parameters(USERS_OF_A_SOURCE, "get").addObject().put("name", "with_types").put("in", "query")
                .put("description", "An added flag.").putObject("schema").put("type", "boolean");

        assertRejected(spec, "with_types");
    }

    private static void assertRejected(EditableSpec spec, String... named) {
        assertThat(RULES.violations(spec.yaml())).anySatisfy(violation -> assertThat(violation).contains(named));
    }
}
