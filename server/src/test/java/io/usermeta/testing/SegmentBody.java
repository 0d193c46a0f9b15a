package io.usermeta.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A {@code <segment>} as a client reads it, with its condition in a canonical form that ignores the
 * order of XML attributes and whitespace between elements, so what was sent and what is read back
 * compare equal when they say the same.
 *
 * @param name the name, or {@code null} when absent
 * @param description the description, or {@code null} when absent
 * @param condition the condition in canonical form
 */
public record SegmentBody(String name, String description, String condition) {

    /** The body of a GET that must have succeeded with one segment. */
    public static SegmentBody of(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("status, body %s", response.body()).isEqualTo(200);
        return of(XmlText.parse(response.body()));
    }

    /** The segments of a GET of the list, in response order. */
    public static List<SegmentBody> listOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("status, body %s", response.body()).isEqualTo(200);
        Element root = XmlText.parse(response.body());
        assertThat(root.getTagName()).isEqualTo("segments");
        return children(root).stream().map(SegmentBody::of).toList();
    }

    /** The canonical form of a {@code <condition>} element as sent. */
    public static String canonical(String condition) {
        return canonical(XmlText.parse(condition));
    }

    private static SegmentBody of(Element segment) {
        assertThat(segment.getTagName()).isEqualTo("segment");
        String description = null;
        String condition = null;
        for (Element child : children(segment)) {
            if (child.getTagName().equals("description")) {
                description = child.getTextContent();
            } else {
                condition = canonical(child);
            }
        }
        return new SegmentBody(XmlText.attribute(segment, "name"), description, condition);
    }

    private static String canonical(Element element) {
        Map<String, String> attributes = new TreeMap<>();
        NamedNodeMap named = element.getAttributes();
        for (int i = 0; i < named.getLength(); i++) {
            attributes.put(named.item(i).getNodeName(), named.item(i).getNodeValue());
        }
        StringBuilder form = new StringBuilder(element.getTagName()).append(attributes);
        List<Element> children = children(element);
        if (children.isEmpty() && !element.getTextContent().isEmpty()) {
            form.append('"').append(element.getTextContent()).append('"');
        }
        children.forEach(child -> form.append('(').append(canonical(child)).append(')'));
        return form.toString();
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }
}
