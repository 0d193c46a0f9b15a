package io.usermeta.segments;

import java.util.List;

/**
 * A checked condition over a user's attributes: a tree of combinations whose leaves are
 * {@link Predicate}s. Built by {@link Conditions#parse}, which also checks the limits.
 */
public sealed interface Condition permits Condition.AllOf, Condition.AnyOf, Condition.Not, Predicate {
    /** Holds when every child holds. */
    record AllOf(List<Condition> children) implements Condition {}

    /** Holds when at least one child holds. */
    record AnyOf(List<Condition> children) implements Condition {}

    /** Holds when its child does not. */
    record Not(Condition child) implements Condition {}
}
