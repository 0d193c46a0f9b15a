package io.usermeta.contract;

import au.com.dius.pact.consumer.dsl.BodyBuilder;
import au.com.dius.pact.consumer.xml.PactXmlBuilder;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.generators.Generators;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleCategory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A {@link PactXmlBuilder} body, with its matching rules, written as {@code text/xml} with XML
 * attributes in the order the API documents them (key, value, type, source; op before key in a
 * condition; from, to, users in a bucket). The builder's DOM keeps attributes sorted by name, so its own
 * output would put {@code value} last; matching ignores order either way, but the pact files are read
 * by people too.
 */
final class DocumentedXml implements BodyBuilder {
    private static final List<String> ATTRIBUTE_ORDER = List.of("id", "status", "name", "user", "path", "op", "key",
            "value", "type", "source", "gt", "gte", "lt", "lte", "from", "to", "users", "distinctValues", "min", "max",
            "granularity", "count", "next");
    private static final String INDENT = "  ";

    private final PactXmlBuilder builder;

    DocumentedXml(PactXmlBuilder builder) {
        this.builder = builder;
    }

    @Override
    public MatchingRuleCategory getMatchers() {
        return builder.getMatchers();
    }

    @Override
    public Generators getGenerators() {
        return builder.getGenerators();
    }

    @Override
    public ContentType getContentType() {
        return new ContentType(Contract.XML);
    }

    @Override
    public byte[] buildBody() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        write(builder.getDoc().getDocumentElement(), "", xml);
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Element element, String indent, StringBuilder xml) {
        xml.append(indent).append('<').append(element.getTagName());
        for (Attr attribute : inDocumentedOrder(element.getAttributes())) {
            xml.append(' ').append(attribute.getName()).append("=\"").append(escape(attribute.getValue())).append('"');
        }
        List<Element> children = childElements(element);
        String text = element.getTextContent();
        if (children.isEmpty() && text.isEmpty()) {
            xml.append("/>\n");
        } else if (children.isEmpty()) {
            xml.append('>').append(escape(text)).append("</").append(element.getTagName()).append(">\n");
        } else {
            xml.append(">\n");
            children.forEach(child -> write(child, indent + INDENT, xml));
            xml.append(indent).append("</").append(element.getTagName()).append(">\n");
        }
    }

    private static List<Attr> inDocumentedOrder(NamedNodeMap attributes) {
        List<Attr> ordered = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            ordered.add((Attr) attributes.item(i));
        }
        ordered.sort(Comparator.comparingInt(attribute -> ATTRIBUTE_ORDER.indexOf(attribute.getName())));
        return ordered;
    }

    private static List<Element> childElements(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element) {
                children.add((Element) child);
            }
        }
        return children;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
