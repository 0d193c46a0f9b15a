package io.usermeta.spec;

import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Whether a changed OpenAPI document still serves the clients generated from a published one, as
 * openapi-diff judges it (removing or narrowing what a client sends or reads breaks them, adding
 * optional things does not), and whether every schema keeps its XML form.
 */
public final class Compatibility {
    private final ChangedOpenApi changes;
    private final List<String> xmlChanges;

    private Compatibility(ChangedOpenApi changes, List<String> xmlChanges) {
        this.changes = changes;
        this.xmlChanges = xmlChanges;
    }

    /** Compares {@code current} with {@code published}, both given as YAML or JSON text. */
    public static Compatibility between(String published, String current) {
        return new Compatibility(OpenApiCompare.fromContents(published, current),
                XmlShapes.changes(ApiSpec.parse(published), ApiSpec.parse(current)));
    }

    /** True when every client of the published document still works with the current one. */
    public boolean isBackwardCompatible() {
        return !changes.isIncompatible() && xmlChanges.isEmpty();
    }

    /** Every change as Markdown, each incompatible one marked as such, then the XML forms changed. */
    public String report() {
        String report = new MarkdownRender().render(changes);
        if (xmlChanges.isEmpty()) {
            return report;
        }
        return report + "\n## XML forms changed: API changes broke backward compatibility for XML clients\n\n- "
                + String.join("\n- ", xmlChanges) + "\n";
    }
}
