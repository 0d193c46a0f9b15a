package io.usermeta.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code <condition>} elements for request bodies. Keys, values and bounds are written as
 * given, so a test can pass text that is already XML-escaped, as {@link Documents} does.
 */
public final class ConditionXml {
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<String> children = new ArrayList<>();

    private ConditionXml(String op) {
        attributes.put("op", op);
    }

    /** A condition with {@code op} and nothing else yet. */
    public static ConditionXml op(String op) {
        return new ConditionXml(op);
    }

    public static String allOf(String... conditions) {
        return op("allOf").children(conditions).xml();
    }

    public static String anyOf(String... conditions) {
        return op("anyOf").children(conditions).xml();
    }

    public static String not(String condition) {
        return op("not").children(condition).xml();
    }

    public static String equalTo(String key, String value) {
        return op("equals").key(key).with("value", value).xml();
    }

    public static String in(String key, String... values) {
        ConditionXml condition = op("in").key(key);
        for (String value : values) {
            condition.children.add("<value>" + value + "</value>");
        }
        return condition.xml();
    }

    public static String contains(String key, String text) {
        return op("contains").key(key).with("value", text).xml();
    }

    public static String present(String key) {
        return op("present").key(key).xml();
    }

    public static String absent(String key) {
        return op("absent").key(key).xml();
    }

    /** A range of {@code type} with one bound, such as {@code gte} and {@code 10}. */
    public static String range(String key, String type, String bound, String value) {
        return op("range").key(key).type(type).with(bound, value).xml();
    }

    /** A range of {@code type} with a lower and an upper bound. */
    public static String range(String key, String type, String lowerBound, String lower, String upperBound,
            String upper) {
        return op("range").key(key).type(type).with(lowerBound, lower).with(upperBound, upper).xml();
    }

    /** A {@code <segment>} document holding {@code condition}. */
    public static String segment(String condition) {
        return "<segment>" + condition + "</segment>";
    }

    public ConditionXml key(String key) {
        return with("key", key);
    }

    public ConditionXml type(String type) {
        return with("type", type);
    }

    public ConditionXml source(String source) {
        return with("source", source);
    }

    /** Adds the XML attribute {@code name} with {@code value}, written as given. */
    public ConditionXml with(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    /** Adds child elements, each written as given. */
    public ConditionXml children(String... elements) {
        children.addAll(List.of(elements));
        return this;
    }

    public String xml() {
        StringBuilder xml = new StringBuilder("<condition");
        attributes.forEach((name, value) -> xml.append(' ').append(name).append("=\"").append(value).append('"'));
        if (children.isEmpty()) {
            return xml.append("/>").toString();
        }
        xml.append('>');
        children.forEach(xml::append);
        return xml.append("</condition>").toString();
    }

    @Override
    public String toString() {
        return xml();
    }
}
