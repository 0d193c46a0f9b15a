package io.usermeta.spec;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;

/** Checks an XML body against a schema of the spec: structure, types, patterns, enums and limits. */
public final class XmlConformance {
    private final XmlBodies bodies;
    private final SchemaValidator validator;

    public XmlConformance(ApiSpec spec) {
        this.bodies = new XmlBodies(spec);
        this.validator = new SchemaValidator(spec.openApi(), new MessageResolver());
    }

    /** Everything {@code xml} does differently from what {@code schema} describes; empty when it conforms. */
    public List<String> problems(String xml, Schema<?> schema) {
        XmlBodies.Reading reading = bodies.read(xml, schema);
        List<String> problems = new ArrayList<>(reading.problems());
        if (reading.json() != null) {
            ValidationReport report = validator.validate(reading::json, schema, "body");
            report.getMessages().forEach(message -> problems.add(message.getMessage()));
        }
        return problems;
    }
}
