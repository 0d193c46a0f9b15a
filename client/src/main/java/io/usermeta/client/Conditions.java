package io.usermeta.client;

import io.usermeta.client.model.Condition;
import io.usermeta.client.model.Condition.OpEnum;
import io.usermeta.client.model.Condition.TypeEnum;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * Builds the {@code <condition>} trees of segments and evaluations. Each method returns the generated
 * model, so its fluent setters finish what a method leaves open: {@code range("age", TypeEnum.NUMERIC)
 * .gte("25").lt("35")}, or {@code equalTo("country", "DE").source("crm")} to look at one source only.
 */
public final class Conditions {
    private Conditions() {}

    /** Holds when every child holds. */
    public static Condition allOf(Condition... children) {
        return combined(OpEnum.ALL_OF, children);
    }

    /** Holds when at least one child holds. */
    public static Condition anyOf(Condition... children) {
        return combined(OpEnum.ANY_OF, children);
    }

    /** Holds when {@code child} does not. */
    public static Condition not(Condition child) {
        return combined(OpEnum.NOT, child);
    }

    /**
     * A value of {@code key} is exactly {@code value} (op {@code equals}; the name keeps clear of
     * {@link Object#equals}, which would hide a static import of it).
     */
    public static Condition equalTo(String key, String value) {
        return predicate(OpEnum.EQUALS, key).value(value);
    }

    /** A value of {@code key} is one of {@code values}. */
    public static Condition in(String key, String... values) {
        return predicate(OpEnum.IN, key).values(new ArrayList<>(Arrays.asList(values)));
    }

    /** A value of {@code key} of this type lies within the bounds set next with {@code gte}, {@code lt} and so on. */
    public static Condition range(String key, TypeEnum type) {
        return predicate(OpEnum.RANGE, key).type(type);
    }

    /** A TEXT value of {@code key} contains {@code text}, ignoring case. */
    public static Condition contains(String key, String text) {
        return predicate(OpEnum.CONTAINS, key).value(text);
    }

    /** The user has a value of {@code key}. */
    public static Condition present(String key) {
        return predicate(OpEnum.PRESENT, key);
    }

    /** The user has no value of {@code key}. */
    public static Condition absent(String key) {
        return predicate(OpEnum.ABSENT, key);
    }

    private static Condition predicate(OpEnum op, String key) {
        return new Condition().op(op).key(key);
    }

    private static Condition combined(OpEnum op, Condition... children) {
        return new Condition().op(op).conditions(new ArrayList<>(Arrays.asList(children)));
    }
}
