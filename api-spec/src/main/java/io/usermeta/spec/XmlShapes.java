package io.usermeta.spec;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.XML;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How each schema and property of a spec appears in XML: element or XML attribute, its name, and
 * whether a list is wrapped. openapi-diff compares the JSON shape only, so a renamed element or an
 * XML attribute turned into an element would pass it, though it breaks every XML client.
 */
final class XmlShapes {
    private XmlShapes() {}

    /** Each XML form of {@code published} that {@code current} changes, described for people. */
    static List<String> changes(ApiSpec published, ApiSpec current) {
        Map<String, String> before = shapes(published);
        Map<String, String> after = shapes(current);
        List<String> changed = new ArrayList<>();
        before.forEach((where, shape) -> {
            String now = after.get(where);
            if (now != null && !now.equals(shape)) {
                changed.add("`" + where + "` was " + shape + ", is now " + now);
            }
        });
        return changed;
    }

    private static Map<String, String> shapes(ApiSpec spec) {
        Map<String, String> shapes = new TreeMap<>();
        Map<String, Schema> schemas = spec.openApi().getComponents().getSchemas();
        schemas.forEach((name, schema) -> {
            shapes.put(name, describe(schema.getXml(), name, false));
            Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
            properties.forEach((property, declared) -> shapes.put(name + "." + property,
                    describe(declared.getXml(), property, "array".equals(spec.resolve(declared).getType()))));
        });
        return shapes;
    }

    private static String describe(XML xml, String fallbackName, boolean list) {
        String name = xml == null || xml.getName() == null ? fallbackName : xml.getName();
        if (xml != null && Boolean.TRUE.equals(xml.getAttribute())) {
            return "XML attribute '" + name + "'";
        }
        boolean wrapped = xml != null && Boolean.TRUE.equals(xml.getWrapped());
        return (list ? (wrapped ? "wrapped list '" : "unwrapped list '") : "element '") + name + "'";
    }
}
