package io.usermeta.segments;

import io.usermeta.core.IndexedValues;
import io.usermeta.core.StoredAttribute;
import io.usermeta.core.ValueType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * A leaf of a condition: a test of the values of one key, optionally of one type and one source.
 *
 * @param path where the predicate is in its condition, {@code /} for the root, {@code /1/0} for the
 *     first child of the root's second child
 * @param op what the predicate tests
 * @param key the attribute key
 * @param type the type of the values looked at; {@code null} for any type (present and absent only)
 * @param source the one source looked at; {@code null} for every source
 * @param values the values of equals and in
 * @param text the text contains looks for, in lower case
 * @param lower the lower bound of range, or {@code null}
 * @param upper the upper bound of range, or {@code null}
 */
public record Predicate(String path, Op op, String key, ValueType type, String source, Set<String> values,
        String text, Bound lower, Bound upper) implements Condition {

    /** What a predicate tests. */
    public enum Op {
        EQUALS("equals"), IN("in"), RANGE("range"), CONTAINS("contains"), PRESENT("present"), ABSENT("absent");

        private final String xmlName;

        Op(String xmlName) {
            this.xmlName = xmlName;
        }

        /** The name of the op in the XML {@code op} attribute. */
        public String xmlName() {
            return xmlName;
        }
    }

    /**
     * One bound of a range, as compared: a {@link BigDecimal} for NUMERIC, a {@link LocalDateTime}
     * for DATE and DATETIME.
     *
     * @param value the bound
     * @param inclusive whether a value equal to the bound is within the range
     */
    public record Bound(Comparable<?> value, boolean inclusive) {}

    /** Whether the predicate looks at {@code attribute} at all: its key, type and source. */
    public boolean considers(StoredAttribute attribute) {
        return attribute.key().equals(key) && (type == null || attribute.type() == type)
                && (source == null || attribute.source().equals(source));
    }

    /** Whether a considered {@code attribute} meets the predicate (for absent: would break it). */
    public boolean accepts(StoredAttribute attribute) {
        switch (op) {
            case EQUALS:
            case IN:
                return values.contains(attribute.value());
            case CONTAINS:
                return IndexedValues.folded(attribute.value()).contains(text);
            case RANGE:
                return inRange(attribute);
            default:
                return true;
        }
    }

    /** The user's attributes that make the predicate true; empty when it is false, and for a true absent. */
    public List<StoredAttribute> matching(List<StoredAttribute> attributes) {
        return attributes.stream().filter(this::considers).filter(this::accepts).toList();
    }

    /** Whether the predicate holds for a user with these attributes. */
    public boolean holds(List<StoredAttribute> attributes) {
        boolean any = attributes.stream().anyMatch(attribute -> considers(attribute) && accepts(attribute));
        return op == Op.ABSENT ? !any : any;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean inRange(StoredAttribute attribute) {
        Comparable value = type == ValueType.NUMERIC
                ? IndexedValues.number(attribute.value())
                : IndexedValues.moment(attribute.type(), attribute.value());
        if (lower != null) {
            int compared = value.compareTo(lower.value());
            if (compared < 0 || compared == 0 && !lower.inclusive()) {
                return false;
            }
        }
        if (upper != null) {
            int compared = value.compareTo(upper.value());
            return compared < 0 || compared == 0 && upper.inclusive();
        }
        return true;
    }
}
