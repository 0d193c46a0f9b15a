package io.usermeta.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A {@code <memberships>} answer read the way a client sees it.
 *
 * @param user the user id asked about
 * @param segments the segments that hold the user, in response order
 */
public record MembershipsBody(String user, List<Segment> segments) {

    /** The body of a request that must have succeeded with a {@code <memberships>} answer. */
    public static MembershipsBody of(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("status, body %s", response.body()).isEqualTo(200);
        Element root = XmlText.parse(response.body());
        assertThat(root.getTagName()).isEqualTo("memberships");
        List<Segment> segments = new ArrayList<>();
        for (Element segment : children(root, "segment")) {
            List<Matched> matched = new ArrayList<>();
            for (Element predicate : children(segment, "matched")) {
                matched.add(new Matched(predicate.getAttribute("path"), predicate.getAttribute("op"),
                        predicate.getAttribute("key"),
                        children(predicate, "attribute").stream().map(UsersBody.Attribute::of).toList()));
            }
            segments.add(new Segment(segment.getAttribute("name"), matched));
        }
        return new MembershipsBody(root.getAttribute("user"), segments);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                children.add(element);
            }
        }
        return children;
    }

    /** The names of the segments, in response order. */
    public List<String> names() {
        return segments.stream().map(Segment::name).toList();
    }

    /** The segment named {@code name}; fails when the user is not in it. */
    public Segment segment(String name) {
        return segments.stream().filter(segment -> segment.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("segment '" + name + "' is absent from " + names()));
    }

    /**
     * One segment that holds the user.
     *
     * @param name the segment's name
     * @param matched the predicates that are true for the user, in response order
     */
    public record Segment(String name, List<Matched> matched) {}

    /**
     * A predicate that is true for the user.
     *
     * @param path where the predicate is in the condition
     * @param op the predicate's op
     * @param key the predicate's key
     * @param attributes the user's attributes that make it true, each with its source
     */
    public record Matched(String path, String op, String key, List<UsersBody.Attribute> attributes) {}
}
