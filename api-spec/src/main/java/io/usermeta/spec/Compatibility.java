package io.usermeta.spec;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Whether a changed OpenAPI document still serves the clients generated from a published one, as
 * openapi-diff judges it: removing or narrowing what a client sends or reads breaks them, adding
 * optional things does not.
 */
public final class Compatibility {
    private final ChangedOpenApi changes;

    private Compatibility(ChangedOpenApi changes) {
        this.changes = changes;
    }

    /** Compares {@code current} with {@code published}, both given as YAML or JSON text. */
    public static Compatibility between(String published, String current) {
        return new Compatibility(OpenApiCompare.fromContents(published, current));
    }

    /** True when every client of the published document still works with the current one. */
    public boolean isBackwardCompatible() {
        return !changes.isIncompatible();
    }

    /** Every change as Markdown, each incompatible one marked as such. */
    public String report() {
        return new MarkdownRender().render(changes);
    }
}
