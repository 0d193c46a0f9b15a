package io.usermeta.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The answers of the cluster API read with a plain DOM parser, independently of the server's JAXB
 * models: the catalogue, a distribution, a page of members and a user's memberships. An XML attribute
 * that is absent reads as {@code null}.
 */
public final class ClusterBodies {
    private ClusterBodies() {}

    /** The keys of a {@code <catalogue>}, in answer order. */
    public static List<CatalogueKey> catalogue(String xml) {
        Element root = root(xml, "catalogue");
        return children(root, "key", key -> new CatalogueKey(key.getAttribute("name"),
                Long.parseLong(key.getAttribute("users")), Long.parseLong(key.getAttribute("distinctValues")),
                children(key, "type", Node::getTextContent), children(key, "source", Node::getTextContent)));
    }

    public static Distribution distribution(String xml) {
        Element root = root(xml, "distribution");
        return new Distribution(root.getAttribute("key"), root.getAttribute("type"),
                XmlText.attribute(root, "source"), Long.parseLong(root.getAttribute("users")),
                Long.parseLong(root.getAttribute("distinctValues")), XmlText.attribute(root, "min"),
                XmlText.attribute(root, "max"), XmlText.attribute(root, "granularity"),
                children(root, "value", value -> new ValueCount(value.getAttribute("value"),
                        Long.parseLong(value.getAttribute("users")))),
                children(root, "bucket", bucket -> new Bucket(XmlText.attribute(bucket, "from"),
                        XmlText.attribute(bucket, "to"), Long.parseLong(bucket.getAttribute("users")))));
    }

    public static MembersPage membersPage(String xml) {
        Element root = root(xml, "members");
        String count = XmlText.attribute(root, "count");
        return new MembersPage(count == null ? null : Long.valueOf(count), XmlText.attribute(root, "next"),
                children(root, "user", user -> user.getAttribute("id")));
    }

    /** The segments of a {@code <memberships>} answer, in answer order. */
    public static List<Membership> memberships(String xml) {
        Element root = root(xml, "memberships");
        return children(root, "segment", segment -> new Membership(segment.getAttribute("name"),
                children(segment, "matched", matched -> new Matched(matched.getAttribute("path"),
                        matched.getAttribute("op"), matched.getAttribute("key"),
                        children(matched, "attribute", UsersBody.Attribute::of)))));
    }

    private static Element root(String xml, String name) {
        Element root = XmlText.parse(xml);
        assertThat(root.getTagName()).as("root element of %s", xml).isEqualTo(name);
        return root;
    }

    /** The child elements of {@code parent} named {@code name}, each read by {@code reader}. */
    private static <T> List<T> children(Element parent, String name, Function<Element, T> reader) {
        List<T> read = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element child && child.getTagName().equals(name)) {
                read.add(reader.apply(child));
            }
        }
        return read;
    }

    /**
     * One key of the catalogue.
     *
     * @param name the key
     * @param users the users with a value of it
     * @param distinctValues its different values
     * @param types its types, in answer order
     * @param sources its sources, in answer order
     */
    public record CatalogueKey(String name, long users, long distinctValues, List<String> types,
            List<String> sources) {}

    /**
     * A distribution as answered.
     *
     * @param key the key
     * @param type the type counted
     * @param source the one source counted, or {@code null}
     * @param users the users with a value counted
     * @param distinctValues the different values counted
     * @param min the smallest value, or {@code null}
     * @param max the largest value, or {@code null}
     * @param granularity the period of date buckets, or {@code null}
     * @param values the values of a NOMINAL or TEXT distribution, in answer order
     * @param buckets the buckets of a histogram, in answer order
     */
    public record Distribution(String key, String type, String source, long users, long distinctValues, String min,
            String max, String granularity, List<ValueCount> values, List<Bucket> buckets) {}

    /**
     * One value of a distribution and the users holding it.
     *
     * @param value the value
     * @param users the users holding it
     */
    public record ValueCount(String value, long users) {}

    /**
     * One bucket of a histogram; a bound that is absent is {@code null}.
     *
     * @param from the lower bound
     * @param to the upper bound
     * @param users the users with a value in the bucket
     */
    public record Bucket(String from, String to, long users) {}

    /**
     * One page of members.
     *
     * @param count the number of all members, when counted, else {@code null}
     * @param next the cursor of the next page, {@code null} on the last
     * @param ids the member ids of the page, in answer order
     */
    public record MembersPage(Long count, String next, List<String> ids) {}

    /**
     * One segment a user belongs to.
     *
     * @param name the segment's name
     * @param matched the predicates that are true for the user
     */
    public record Membership(String name, List<Matched> matched) {}

    /**
     * A predicate true for a user, with the user's attributes that make it so.
     *
     * @param path where the predicate is in the condition
     * @param op the predicate's op
     * @param key the predicate's key
     * @param attributes the user's attributes meeting it
     */
    public record Matched(String path, String op, String key, List<UsersBody.Attribute> attributes) {}
}
