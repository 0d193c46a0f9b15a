package io.usermeta.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The usermeta OpenAPI document as packaged in this module, parsed. */
public final class ApiSpec {
    /** Where the document lies on the class path. */
    public static final String RESOURCE = "openapi/usermeta.yaml";

    private static final String COMPONENT_PREFIX = "#/components/schemas/";

    private final OpenAPI openApi;
    private final List<String> messages;

    private ApiSpec(OpenAPI openApi, List<String> messages) {
        this.openApi = openApi;
        this.messages = messages;
    }

    /** Parses the packaged document. */
    public static ApiSpec load() {
        return parse(text());
    }

    /** Parses a document given as YAML text, e.g. a deliberately changed copy in a test. */
    public static ApiSpec parse(String yaml) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
        List<String> messages = result.getMessages() == null ? List.of() : List.copyOf(result.getMessages());
        return new ApiSpec(result.getOpenAPI(), messages);
    }

    /** The packaged document's YAML text. */
    public static String text() {
        try (InputStream in = ApiSpec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public OpenAPI openApi() {
        return openApi;
    }

    /** What the parser found wrong with the document; empty for a valid one. */
    public List<String> messages() {
        return messages;
    }

    /** The schema itself, or the component a {@code $ref} points to. */
    public Schema<?> resolve(Schema<?> schema) {
        Schema<?> current = schema;
        while (current != null && current.get$ref() != null) {
            String ref = current.get$ref();
            String name = ref.startsWith(COMPONENT_PREFIX) ? ref.substring(COMPONENT_PREFIX.length()) : ref;
            current = openApi.getComponents().getSchemas().get(name);
            if (current == null) {
                throw new IllegalArgumentException("unresolvable schema reference " + ref);
            }
        }
        return current;
    }
}
