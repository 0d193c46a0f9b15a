package io.usermeta.segments;

import io.usermeta.core.StoredAttribute;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a condition against the attributes of one user in memory, with the same comparisons the
 * database queries make (see {@link io.usermeta.core.IndexedValues}), and explains the result.
 */
public final class Evaluator {
    private Evaluator() {}

    /** A leaf predicate that is true for the user, with the user's attributes that make it so. */
    public record Match(Predicate predicate, List<StoredAttribute> attributes) {}

    /** Whether a user with {@code attributes} (of every source) meets {@code condition}. */
    public static boolean holds(Condition condition, List<StoredAttribute> attributes) {
        if (condition instanceof Predicate predicate) {
            return predicate.holds(attributes);
        }
        if (condition instanceof Condition.Not not) {
            return !holds(not.child(), attributes);
        }
        if (condition instanceof Condition.AllOf all) {
            return all.children().stream().allMatch(child -> holds(child, attributes));
        }
        return ((Condition.AnyOf) condition).children().stream().anyMatch(child -> holds(child, attributes));
    }

    /** Every leaf predicate of {@code condition} that is true for the user, in document order. */
    public static List<Match> matches(Condition condition, List<StoredAttribute> attributes) {
        List<Match> matches = new ArrayList<>();
        collect(condition, attributes, matches);
        return matches;
    }

    private static void collect(Condition condition, List<StoredAttribute> attributes, List<Match> matches) {
        if (condition instanceof Predicate predicate) {
            if (predicate.holds(attributes)) {
                matches.add(new Match(predicate, predicate.matching(attributes)));
            }
        } else if (condition instanceof Condition.Not not) {
            collect(not.child(), attributes, matches);
        } else {
            List<Condition> children = condition instanceof Condition.AllOf all ? all.children()
                    : ((Condition.AnyOf) condition).children();
            children.forEach(child -> collect(child, attributes, matches));
        }
    }
}
