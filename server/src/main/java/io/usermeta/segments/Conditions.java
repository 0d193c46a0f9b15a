package io.usermeta.segments;

import io.usermeta.api.model.Condition.OpEnum;
import io.usermeta.core.Identifiers;
import io.usermeta.core.IndexedValues;
import io.usermeta.core.Limits;
import io.usermeta.core.Text;
import io.usermeta.core.ValueType;
import io.usermeta.core.Values;
import io.usermeta.errors.ApiException;
import io.usermeta.segments.Predicate.Bound;
import io.usermeta.segments.Predicate.Op;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a condition as sent and turns it into a {@link Condition}. Every problem is a 400 that
 * names where in the condition it is ({@code condition /1/0}) and what is wrong.
 */
public final class Conditions {
    /** The most {@code <condition>} elements in one condition. */
    public static final int MAX_ELEMENTS = 100;

    /** The deepest a condition may nest: the root alone is depth 1. */
    public static final int MAX_DEPTH = 10;

    /** The most values of one {@code in}. */
    public static final int MAX_IN_VALUES = 1_000;

    private static final Set<ValueType> EQUALITY_TYPES = EnumSet.of(ValueType.NOMINAL, ValueType.TEXT);
    private static final Set<ValueType> RANGE_TYPES = EnumSet.of(ValueType.NUMERIC, ValueType.DATE, ValueType.DATETIME);

    private final Limits limits;
    private int elements;

    private Conditions(Limits limits) {
        this.limits = limits;
    }

    /** The checked form of {@code condition}; fails with a 400 naming the first problem. */
    public static Condition parse(io.usermeta.api.model.Condition condition, Limits limits) {
        if (condition == null) {
            throw ApiException.badRequest("the condition is missing; send a <condition> element");
        }
        return new Conditions(limits).node(condition, "/", 1);
    }

    private Condition node(io.usermeta.api.model.Condition sent, String path, int depth) {
        if (++elements > MAX_ELEMENTS) {
            throw problem(path, "the condition has more than " + MAX_ELEMENTS + " <condition> elements");
        }
        if (depth > MAX_DEPTH) {
            throw problem(path, "the condition nests deeper than " + MAX_DEPTH + " levels");
        }
        OpEnum op = sent.getOp() == null ? null : OpEnum.fromValue(sent.getOp());
        if (op == null) {
            throw problem(path, "op is missing; use one of allOf, anyOf, not, equals, in, range, contains,"
                    + " present, absent");
        }
        switch (op) {
            case ALL_OF:
            case ANY_OF:
            case NOT:
                return combination(sent, op, path, depth);
            default:
                return predicate(sent, path);
        }
    }

    private Condition combination(io.usermeta.api.model.Condition sent, OpEnum op, String path, int depth) {
        rejectPredicateFields(sent, op, path);
        List<io.usermeta.api.model.Condition> sentChildren = sent.getConditions() == null
                ? List.of() : sent.getConditions();
        if (op == OpEnum.NOT && sentChildren.size() != 1) {
            throw problem(path, "not takes exactly one child condition, not " + sentChildren.size());
        }
        if (sentChildren.isEmpty()) {
            throw problem(path, op.value() + " needs at least one child condition");
        }
        List<Condition> children = new ArrayList<>(sentChildren.size());
        for (int i = 0; i < sentChildren.size(); i++) {
            String childPath = ("/".equals(path) ? "" : path) + "/" + i;
            children.add(node(sentChildren.get(i), childPath, depth + 1));
        }
        if (op == OpEnum.NOT) {
            return new Condition.Not(children.get(0));
        }
        return op == OpEnum.ALL_OF ? new Condition.AllOf(children) : new Condition.AnyOf(children);
    }

    private static void rejectPredicateFields(io.usermeta.api.model.Condition sent, OpEnum op, String path) {
        List<String> given = new ArrayList<>();
        addIf(given, sent.getKey() != null, "key");
        addIf(given, sent.getType() != null, "type");
        addIf(given, sent.getSource() != null, "source");
        addIf(given, sent.getValue() != null, "value");
        addIf(given, sent.getGt() != null, "gt");
        addIf(given, sent.getGte() != null, "gte");
        addIf(given, sent.getLt() != null, "lt");
        addIf(given, sent.getLte() != null, "lte");
        addIf(given, sent.getValues() != null && !sent.getValues().isEmpty(), "<value>");
        if (!given.isEmpty()) {
            throw problem(path, op.value() + " combines child conditions and takes no " + String.join(", ", given));
        }
    }

    private Predicate predicate(io.usermeta.api.model.Condition sent, String path) {
        Op op = Op.valueOf(OpEnum.fromValue(sent.getOp()).name());
        String key = sent.getKey();
        if (key == null) {
            throw problem(path, op.xmlName() + " needs a key");
        }
        if (!Identifiers.isKey(key) || key.length() > limits.maxKeyLength()) {
            throw problem(path, "key '" + Text.quote(key) + "' must be 1-" + limits.maxKeyLength()
                    + " letters, digits, '_' or '-'");
        }
        String source = sent.getSource();
        if (source != null && !Identifiers.isSource(source)) {
            throw problem(path, "source '" + Text.quote(source) + "' must be 1-64 letters, digits, '_', '-' or '.'");
        }
        if (sent.getConditions() != null && !sent.getConditions().isEmpty()) {
            throw problem(path, op.xmlName() + " on '" + key + "' is a predicate and takes no child conditions");
        }
        ValueType type = sent.getType() == null ? null : ValueType.valueOf(sent.getType());
        String at = op.xmlName() + " on '" + key + "'";
        switch (op) {
            case EQUALS:
            case IN:
                return equality(sent, path, at, op, key, defaulted(type, ValueType.NOMINAL), source);
            case CONTAINS:
                return contains(sent, path, at, key, defaulted(type, ValueType.TEXT), source);
            case RANGE:
                return range(sent, path, at, key, type, source);
            default:
                onlyFields(sent, path, at, false, false, false);
                return new Predicate(path, op, key, type, source, Set.of(), null, null, null);
        }
    }

    private Predicate equality(io.usermeta.api.model.Condition sent, String path, String at, Op op, String key,
            ValueType type, String source) {
        requireType(path, at, type, EQUALITY_TYPES);
        onlyFields(sent, path, at, op == Op.EQUALS, op == Op.IN, false);
        List<String> sentValues = op == Op.EQUALS ? listOf(sent.getValue()) : sent.getValues();
        if (sentValues == null || sentValues.isEmpty()) {
            throw problem(path, at + (op == Op.EQUALS ? " needs a value" : " needs at least one <value>"));
        }
        if (sentValues.size() > MAX_IN_VALUES) {
            throw problem(path, at + " has " + sentValues.size() + " values; the limit is " + MAX_IN_VALUES);
        }
        Set<String> values = new LinkedHashSet<>();
        for (String value : sentValues) {
            values.add(checkedValue(path, at, type, value));
        }
        return new Predicate(path, op, key, type, source, Set.copyOf(values), null, null, null);
    }

    private Predicate contains(io.usermeta.api.model.Condition sent, String path, String at, String key,
            ValueType type, String source) {
        requireType(path, at, type, EnumSet.of(ValueType.TEXT));
        onlyFields(sent, path, at, true, false, false);
        if (sent.getValue() == null || sent.getValue().isEmpty()) {
            throw problem(path, at + " needs a non-empty value to look for");
        }
        String text = checkedValue(path, at, type, sent.getValue());
        return new Predicate(path, Op.CONTAINS, key, type, source, Set.of(), IndexedValues.folded(text), null, null);
    }

    private Predicate range(io.usermeta.api.model.Condition sent, String path, String at, String key,
            ValueType type, String source) {
        if (type == null) {
            throw problem(path, at + " needs a type: NUMERIC, DATE or DATETIME");
        }
        requireType(path, at, type, RANGE_TYPES);
        onlyFields(sent, path, at, false, false, true);
        if (sent.getGt() != null && sent.getGte() != null || sent.getLt() != null && sent.getLte() != null) {
            throw problem(path, at + " takes at most one lower bound (gt or gte) and one upper bound (lt or lte)");
        }
        Bound lower = bound(path, at, type, sent.getGt() != null ? sent.getGt() : sent.getGte(),
                sent.getGte() != null);
        Bound upper = bound(path, at, type, sent.getLt() != null ? sent.getLt() : sent.getLte(),
                sent.getLte() != null);
        if (lower == null && upper == null) {
            throw problem(path, at + " needs a bound: gt, gte, lt or lte");
        }
        if (lower != null && upper != null && isEmpty(lower, upper)) {
            throw problem(path, at + " is empty: its lower bound is above its upper bound");
        }
        return new Predicate(path, Op.RANGE, key, type, source, Set.of(), null, lower, upper);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean isEmpty(Bound lower, Bound upper) {
        int compared = ((Comparable) lower.value()).compareTo(upper.value());
        return compared > 0 || compared == 0 && !(lower.inclusive() && upper.inclusive());
    }

    private static Bound bound(String path, String at, ValueType type, String text, boolean inclusive) {
        if (text == null) {
            return null;
        }
        String problem = Values.problem(type, text);
        if (problem != null) {
            throw problem(path, at + ": bound '" + Text.quote(text) + "' " + problem);
        }
        Comparable<?> value = type == ValueType.NUMERIC ? IndexedValues.number(text) : IndexedValues.moment(type, text);
        return new Bound(value, inclusive);
    }

    private String checkedValue(String path, String at, ValueType type, String value) {
        int length = value.codePointCount(0, value.length());
        if (length > limits.maxValueLength(type)) {
            throw problem(path, at + ": a value has " + length + " characters; the limit for " + type + " is "
                    + limits.maxValueLength(type));
        }
        String problem = Values.problem(type, value);
        if (problem != null) {
            throw problem(path, at + ": value '" + Text.quote(value) + "' " + problem);
        }
        return value;
    }

    private static void requireType(String path, String at, ValueType type, Set<ValueType> allowed) {
        if (!allowed.contains(type)) {
            throw problem(path, at + " does not apply to " + type + " values; it takes " + allowed);
        }
    }

    /** Rejects the fields a predicate does not take: value, {@code <value>} children, range bounds. */
    private static void onlyFields(io.usermeta.api.model.Condition sent, String path, String at, boolean value,
            boolean values, boolean bounds) {
        List<String> extra = new ArrayList<>();
        addIf(extra, !value && sent.getValue() != null, "value");
        addIf(extra, !values && sent.getValues() != null && !sent.getValues().isEmpty(), "<value>");
        addIf(extra, !bounds && (sent.getGt() != null || sent.getGte() != null || sent.getLt() != null
                || sent.getLte() != null), "range bounds");
        if (!extra.isEmpty()) {
            throw problem(path, at + " takes no " + String.join(", ", extra));
        }
    }

    private static ValueType defaulted(ValueType type, ValueType otherwise) {
        return type == null ? otherwise : type;
    }

    private static List<String> listOf(String value) {
        return value == null ? null : List.of(value);
    }

    private static void addIf(List<String> names, boolean condition, String name) {
        if (condition) {
            names.add(name);
        }
    }

    private static ApiException problem(String path, String message) {
        return ApiException.badRequest("condition " + path + ": " + message);
    }
}
