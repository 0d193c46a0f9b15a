package io.usermeta.contract;

import au.com.dius.pact.consumer.xml.PactXmlBuilder;
import au.com.dius.pact.consumer.xml.XmlNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Builders for the XML bodies of the cluster API: conditions, segments, member pages. */
final class ClusterXml {
    private ClusterXml() {}

    /** XML attributes from alternating names and values; a value is a text or a Pact matcher. */
    static Map<String, Object> attributes(Object... namesAndValues) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return attributes;
    }

    /** A document whose root element has these attributes and the content {@code content} appends. */
    static DocumentedXml document(String root, Map<String, Object> attributes, Consumer<XmlNode> content) {
        return new DocumentedXml(new PactXmlBuilder(root).build(node -> {
            node.setAttributes(attributes);
            content.accept(node);
        }));
    }

    /** A {@code <condition>} document without children: a predicate sent on its own. */
    static DocumentedXml predicate(Object... namesAndValues) {
        return document("condition", attributes(namesAndValues), none -> { });
    }

    /** Appends a {@code <condition>} with these attributes and the children {@code children} appends. */
    static void appendCondition(XmlNode parent, Map<String, Object> attributes, Consumer<XmlNode> children) {
        parent.appendElement("condition", attributes, children);
    }

    /** Appends a predicate: a {@code <condition>} without children. */
    static void appendPredicate(XmlNode parent, Object... namesAndValues) {
        parent.appendElement("condition", attributes(namesAndValues));
    }

    /** A page of members: exactly these user ids, under a root with these attributes (count, next). */
    static DocumentedXml members(Map<String, Object> attributes, String... userIds) {
        return document("members", attributes, members -> {
            for (String id : userIds) {
                members.appendElement("user", Map.of("id", id));
            }
        });
    }
}
