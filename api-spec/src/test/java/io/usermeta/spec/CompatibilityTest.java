package io.usermeta.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The current spec keeps the clients of the newest published version working, and the guard catches
 * the changes that would break them. Each change is made to a copy of the current spec.
 */
class CompatibilityTest {
    private static final Path PUBLISHED = Path.of("published");
    private static final String USERS_OF_A_SOURCE = "/api/{customerid}/{source}/user/{userids}";
    private static final String USERS_OF_A_CUSTOMER = "/api/{customerid}/user/{userids}";

    /** The current spec breaks nothing that a client of the newest published version relies on. */
    @Test
    void currentSpecKeepsTheNewestPublishedContract() throws IOException {
        Path newest = PublishedSpecs.newest(PUBLISHED);

        Compatibility compatibility = Compatibility.between(Files.readString(newest), ApiSpec.text());

        assertThat(compatibility.isBackwardCompatible())
                .withFailMessage("The spec breaks clients of %s. Undo the change, or publish a new version "
                        + "as published/README.md says.%n%s", newest, compatibility.report())
                .isTrue();
    }

    /** Removing a query parameter breaks the clients that send it. */
    @Test
    void removingTheAllSourcesParameterIsIncompatible() {
        EditableSpec spec = EditableSpec.current();
        ArrayNode parameters = spec.parameters(USERS_OF_A_SOURCE, "get");

        parameters.remove(spec.parameterIndex(USERS_OF_A_SOURCE, "get", "allSources"));

        assertIncompatible(spec, "Deleted: `allSources` in `query`");
    }

    /** Removing an enum value breaks the clients that send or expect it. */
    @Test
    void removingTheTextAttributeTypeIsIncompatible() {
        EditableSpec spec = EditableSpec.current();
        ArrayNode types = (ArrayNode) spec.property("Attribute", "type").get("enum");

        types.remove(EditableSpec.indexWhere(types, type -> "TEXT".equals(type.asText())));

        assertIncompatible(spec, "Removed enum value", "`TEXT`");
    }

    /** Removing an operation breaks the clients that call it. */
    @Test
    void removingTheDeleteOperationIsIncompatible() {
        EditableSpec spec = EditableSpec.current();

        ((ObjectNode) spec.paths().get(USERS_OF_A_CUSTOMER)).remove("delete");

        assertIncompatible(spec, "What's Deleted", "`DELETE` " + USERS_OF_A_CUSTOMER);
    }

    /** Requiring a parameter that was optional breaks the clients that leave it out. */
    @Test
    void requiringTheAllSourcesParameterIsIncompatible() {
        EditableSpec spec = EditableSpec.current();

        spec.parameter(USERS_OF_A_SOURCE, "get", "allSources").put("required", true);

        assertIncompatible(spec, "Changed: `allSources` in `query`");
    }

    /** Requiring a request body property that was optional breaks the clients that leave it out. */
    @Test
    void requiringTheAttributeTypeInBodiesIsIncompatible() {
        EditableSpec spec = EditableSpec.current();

        ((ArrayNode) spec.schema("Attribute").get("required")).add("type");

        assertIncompatible(spec, "`POST` /api/{customerid}/{source}/user", "New required properties");
    }

    /** Renaming an element breaks XML clients, though the JSON shape stays the same. */
    @Test
    void renamingTheAttributeElementIsIncompatible() {
        EditableSpec spec = EditableSpec.current();

        ((ObjectNode) spec.schema("Attribute").get("xml")).put("name", "attr");

        assertIncompatible(spec, "`Attribute` was element 'attribute', is now element 'attr'");
    }

    /** Turning an XML attribute into an element breaks XML clients, though the JSON shape stays the same. */
    @Test
    void turningTheKeyIntoAnElementIsIncompatible() {
        EditableSpec spec = EditableSpec.current();

        spec.property("Attribute", "key").remove("xml");

        assertIncompatible(spec, "`Attribute.key` was XML attribute 'key', is now element 'key'");
    }

    /** Unwrapping a list breaks XML clients, though the JSON shape stays the same. */
    @Test
    void unwrappingTheAttributeListIsIncompatible() {
        EditableSpec spec = EditableSpec.current();

        ((ObjectNode) spec.property("User", "attributes").get("xml")).put("wrapped", false);

        assertIncompatible(spec, "`User.attributes` was wrapped list 'attributes', is now unwrapped list");
    }

    /** A new optional query parameter leaves every existing call valid. */
    @Test
    void addingAnOptionalQueryParameterIsCompatible() {
        EditableSpec spec = EditableSpec.current();

        spec.parameters(USERS_OF_A_SOURCE, "get").addObject().put("name", "withTypes").put("in", "query")
                .put("required", false).put("description", "An added flag.")
                .putObject("schema").put("type", "boolean");

        assertThat(Compatibility.between(ApiSpec.text(), spec.yaml()).isBackwardCompatible()).isTrue();
    }

    /** A new path leaves every existing call valid. */
    @Test
    void addingAPathIsCompatible() {
        EditableSpec spec = EditableSpec.current();

        spec.paths().set("/ready", spec.paths().get("/health").deepCopy());
        spec.operation("/ready", "get").put("operationId", "getReadiness");

        assertThat(Compatibility.between(ApiSpec.text(), spec.yaml()).isBackwardCompatible()).isTrue();
    }

    private static void assertIncompatible(EditableSpec changed, String... reported) {
        Compatibility compatibility = Compatibility.between(ApiSpec.text(), changed.yaml());

        assertThat(compatibility.isBackwardCompatible()).isFalse();
        assertThat(compatibility.report()).contains(reported).contains("API changes broke backward compatibility");
    }
}
