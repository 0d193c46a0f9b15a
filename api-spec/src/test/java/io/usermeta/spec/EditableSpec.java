package io.usermeta.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.function.Predicate;

/** A copy of the packaged spec as a tree, for tests that change it and hand the result on as YAML. */
final class EditableSpec {
    private static final YAMLMapper YAML = new YAMLMapper();

    private final ObjectNode root;

    private EditableSpec(ObjectNode root) {
        this.root = root;
    }

    /** A fresh copy of the packaged spec. */
    static EditableSpec current() {
        try {
            return new EditableSpec((ObjectNode) YAML.readTree(ApiSpec.text()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode paths() {
        return (ObjectNode) root.get("paths");
    }

    ObjectNode operation(String path, String method) {
        return (ObjectNode) paths().get(path).get(method);
    }

    ArrayNode parameters(String path, String method) {
        return (ArrayNode) operation(path, method).get("parameters");
    }

    /** The parameter of that name, declared inline in the operation. */
    ObjectNode parameter(String path, String method, String name) {
        return (ObjectNode) parameters(path, method).get(parameterIndex(path, method, name));
    }

    /** Where the parameter of that name stands in the operation's list. */
    int parameterIndex(String path, String method, String name) {
        return indexWhere(parameters(path, method), parameter -> name.equals(parameter.path("name").asText()));
    }

    ObjectNode schema(String name) {
        return (ObjectNode) root.get("components").get("schemas").get(name);
    }

    ObjectNode property(String schema, String name) {
        return (ObjectNode) schema(schema).get("properties").get(name);
    }

    String yaml() {
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The position of the first element {@code wanted} accepts. */
    static int indexWhere(ArrayNode elements, Predicate<JsonNode> wanted) {
        for (int index = 0; index < elements.size(); index++) {
            if (wanted.test(elements.get(index))) {
                return index;
            }
        }
        throw new IllegalArgumentException("nothing wanted in " + elements);
    }
}
