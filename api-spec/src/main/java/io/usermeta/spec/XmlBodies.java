package io.usermeta.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.XML;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads an XML body the way the spec's {@code xml} objects describe it (element names, XML
 * attributes, wrapped and unwrapped arrays) into the JSON shape of its schema, so that the body can
 * be validated with a JSON-schema validator. Elements and XML attributes the schema does not
 * describe are reported as problems.
 */
public final class XmlBodies {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ApiSpec spec;

    public XmlBodies(ApiSpec spec) {
        this.spec = spec;
    }

    /**
     * The body's JSON view, or the problems that prevented it.
     *
     * @param json the JSON view of the body; {@code null} when it is not XML at all
     * @param problems elements or XML attributes the schema does not describe, or the parse error
     */
    public record Reading(JsonNode json, List<String> problems) {}

    /** Reads {@code xml} as an instance of {@code schema}. */
    public Reading read(String xml, Schema<?> schema) {
        Element root;
        try {
            root = parse(xml);
        } catch (IOException | SAXException | ParserConfigurationException e) {
            return new Reading(null, List.of("not well-formed XML: " + e.getMessage()));
        }
        Schema<?> resolved = spec.resolve(schema);
        List<String> problems = new ArrayList<>();
        String expected = elementName(schema, resolved, null);
        if (expected != null && !expected.equals(root.getTagName())) {
            problems.add("root element <" + root.getTagName() + "> should be <" + expected + ">");
        }
        return new Reading(object(root, resolved, problems), problems);
    }

    private static Element parse(String xml) throws ParserConfigurationException, IOException, SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
    }

    private ObjectNode object(Element element, Schema<?> schema, List<String> problems) {
        ObjectNode node = JSON.objectNode();
        Set<String> knownAttributes = new HashSet<>();
        Set<String> knownChildren = new HashSet<>();
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        properties.forEach((name, declared) -> {
            Schema<?> property = spec.resolve(declared);
            XML xml = declared.getXml();
            if (xml != null && Boolean.TRUE.equals(xml.getAttribute())) {
                String attribute = xml.getName() == null ? name : xml.getName();
                knownAttributes.add(attribute);
                if (element.hasAttribute(attribute)) {
                    node.set(name, scalar(element.getAttribute(attribute), property));
                }
            } else if ("array".equals(property.getType())) {
                readArray(element, name, declared, property, node, knownChildren, problems);
            } else {
                String child = elementName(declared, property, name);
                knownChildren.add(child);
                Element found = firstChild(element, child);
                if (found != null) {
                    node.set(name, "object".equals(property.getType())
                            ? object(found, property, problems) : scalar(found.getTextContent(), property));
                }
            }
        });
        reportUnknown(element, knownAttributes, knownChildren, problems);
        return node;
    }

    private void readArray(Element element, String name, Schema<?> declared, Schema<?> array, ObjectNode node,
            Set<String> knownChildren, List<String> problems) {
        Schema<?> itemDeclared = array.getItems();
        Schema<?> item = spec.resolve(itemDeclared);
        String itemName = elementName(itemDeclared, item, name);
        XML xml = declared.getXml() != null ? declared.getXml() : array.getXml();
        Element container = element;
        if (xml != null && Boolean.TRUE.equals(xml.getWrapped())) {
            String wrapper = xml.getName() == null ? name : xml.getName();
            knownChildren.add(wrapper);
            container = firstChild(element, wrapper);
            if (container == null) {
                return;
            }
            reportUnknown(container, Set.of(), Set.of(itemName), problems);
        } else {
            knownChildren.add(itemName);
        }
        ArrayNode values = JSON.arrayNode();
        for (Element child : children(container, itemName)) {
            values.add("object".equals(item.getType()) ? object(child, item, problems)
                    : scalar(child.getTextContent(), item));
        }
        if (container != element || !values.isEmpty()) {
            node.set(name, values);
        }
    }

    /** The element name: the property's xml.name, else the referenced schema's, else the fallback. */
    private static String elementName(Schema<?> declared, Schema<?> resolved, String fallback) {
        if (declared.getXml() != null && declared.getXml().getName() != null) {
            return declared.getXml().getName();
        }
        if (resolved.getXml() != null && resolved.getXml().getName() != null) {
            return resolved.getXml().getName();
        }
        return fallback;
    }

    private static JsonNode scalar(String text, Schema<?> schema) {
        try {
            if ("integer".equals(schema.getType())) {
                return JSON.numberNode(Long.parseLong(text.trim()));
            }
            if ("number".equals(schema.getType())) {
                return JSON.numberNode(new BigDecimal(text.trim()));
            }
        } catch (NumberFormatException e) {
            return JSON.textNode(text);
        }
        if ("boolean".equals(schema.getType()) && ("true".equals(text) || "false".equals(text))) {
            return JSON.booleanNode(Boolean.parseBoolean(text));
        }
        return JSON.textNode(text);
    }

    private static void reportUnknown(Element element, Set<String> attributes, Set<String> children,
            List<String> problems) {
        NamedNodeMap present = element.getAttributes();
        for (int i = 0; i < present.getLength(); i++) {
            String name = ((Attr) present.item(i)).getName();
            if (!attributes.contains(name) && !name.startsWith("xmlns")) {
                problems.add("<" + element.getTagName() + "> has an unknown XML attribute '" + name + "'");
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element && !children.contains(((Element) child).getTagName())) {
                problems.add("<" + element.getTagName() + "> has an unknown element <"
                        + ((Element) child).getTagName() + ">");
            }
        }
    }

    private static Element firstChild(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element && ((Element) child).getTagName().equals(name)) {
                found.add((Element) child);
            }
        }
        return found;
    }
}
