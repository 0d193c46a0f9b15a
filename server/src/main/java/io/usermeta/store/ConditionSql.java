package io.usermeta.store;

import io.usermeta.core.IndexedValues;
import io.usermeta.core.ValueType;
import io.usermeta.segments.Condition;
import io.usermeta.segments.Predicate;
import io.usermeta.segments.Predicate.Bound;
import io.usermeta.segments.Predicate.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns a {@link Condition} into SQL over the customer's users, in two shapes that suit the two
 * questions asked of it.
 *
 * <ul>
 *   <li><b>Sets</b> ({@link #members}), for counting: each predicate is the set of user ids whose
 *       rows in one index range meet it, and the combinations are INTERSECT, UNION and EXCEPT. The
 *       database reads each predicate's index range once, whatever the number of users.</li>
 *   <li><b>Tests per user</b> ({@link #page}), for a page of members in id order: users are walked
 *       in id order from the cursor, and each predicate is an EXISTS test on that user's rows, so a
 *       page stops as soon as it is full instead of building the whole set first.</li>
 * </ul>
 *
 * <p>Every statement names its customer in each table it reads.
 */
final class ConditionSql {
    private static final String PROFILES = "SELECT p.user_id FROM user_profile p WHERE p.customer_id = ?";

    private final String customerId;

    ConditionSql(String customerId) {
        this.customerId = customerId;
    }

    /** A query of one column, user_id, holding each member once. */
    Sql members(Condition condition) {
        return new Sql().append("SELECT DISTINCT s.user_id FROM (").append(set(condition)).append(") s");
    }

    /** The members with ids after {@code after} ({@code null}: from the first), in id order, at most {@code limit}. */
    Sql page(Condition condition, String after, int limit) {
        Sql sql = new Sql().append(PROFILES, customerId);
        if (after != null) {
            sql.append(" AND p.user_id > ?", after);
        }
        return sql.append(" AND ").append(test(condition)).append(" ORDER BY p.user_id FETCH FIRST ? ROWS ONLY",
                limit);
    }

    private Sql set(Condition condition) {
        if (condition instanceof Predicate predicate) {
            return predicate.op() == Op.ABSENT
                    ? difference(universe(), List.of(rows(predicate)))
                    : rows(predicate);
        }
        if (condition instanceof Condition.Not not) {
            return difference(universe(), List.of(set(not.child())));
        }
        if (condition instanceof Condition.AnyOf any) {
            return combine(any.children().stream().map(this::set).toList(), " UNION ");
        }
        List<Sql> included = new ArrayList<>();
        List<Sql> excluded = new ArrayList<>();
        for (Condition child : ((Condition.AllOf) condition).children()) {
            if (child instanceof Condition.Not not) {
                excluded.add(set(not.child()));
            } else if (child instanceof Predicate predicate && predicate.op() == Op.ABSENT) {
                excluded.add(rows(predicate));
            } else {
                included.add(set(child));
            }
        }
        Sql base = included.isEmpty() ? universe() : combine(included, " INTERSECT ");
        return excluded.isEmpty() ? base : difference(base, excluded);
    }

    private Sql universe() {
        return new Sql().append(PROFILES, customerId);
    }

    private static Sql difference(Sql base, List<Sql> excluded) {
        Sql sql = new Sql().append("(").append(base).append(")");
        for (Sql part : excluded) {
            sql.append(" EXCEPT (").append(part).append(")");
        }
        return sql;
    }

    private static Sql combine(List<Sql> parts, String operator) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Sql sql = new Sql();
        for (int i = 0; i < parts.size(); i++) {
            sql.append(i == 0 ? "(" : operator + "(").append(parts.get(i)).append(")");
        }
        return sql;
    }

    /** The ids of users with a row meeting {@code predicate} (for absent: the users it excludes). */
    private Sql rows(Predicate predicate) {
        if (predicate.op() == Op.IN && predicate.values().size() > 1) {
            List<Sql> parts = new ArrayList<>();
            for (String value : sorted(predicate)) {
                parts.add(rowsWhere(predicate).append(" AND a.match_value = ?", IndexedValues.matchValue(value)));
            }
            return combine(parts, " UNION ALL ");
        }
        return rowsWhere(predicate).append(valueTest(predicate));
    }

    private Sql rowsWhere(Predicate predicate) {
        return new Sql().append("SELECT a.user_id FROM user_attribute a WHERE a.customer_id = ?", customerId)
                .append(scope(predicate));
    }

    private Sql test(Condition condition) {
        if (condition instanceof Predicate predicate) {
            Sql exists = new Sql().append(predicate.op() == Op.ABSENT ? "NOT EXISTS (" : "EXISTS (")
                    .append("SELECT 1 FROM user_attribute a WHERE a.customer_id = p.customer_id"
                            + " AND a.user_id = p.user_id")
                    .append(scope(predicate)).append(valueTest(predicate));
            return exists.append(")");
        }
        if (condition instanceof Condition.Not not) {
            return new Sql().append("NOT (").append(test(not.child())).append(")");
        }
        boolean all = condition instanceof Condition.AllOf;
        List<Condition> children = all ? ((Condition.AllOf) condition).children()
                : ((Condition.AnyOf) condition).children();
        Sql sql = new Sql().append("(");
        for (int i = 0; i < children.size(); i++) {
            sql.append(i == 0 ? "" : all ? " AND " : " OR ").append(test(children.get(i)));
        }
        return sql.append(")");
    }

    /** The key, type and source of a predicate, as conditions on the attribute row {@code a}. */
    private static Sql scope(Predicate predicate) {
        Sql sql = new Sql().append(" AND a.attr_key = ?", predicate.key());
        boolean numericRange = predicate.op() == Op.RANGE && predicate.type() == ValueType.NUMERIC;
        if (predicate.type() != null && !numericRange) {
            sql.append(" AND a.attr_type = ?", predicate.type().name());
        }
        if (predicate.source() != null) {
            sql.append(" AND a.source = ?", predicate.source());
        }
        return sql;
    }

    private static Sql valueTest(Predicate predicate) {
        Sql sql = new Sql();
        switch (predicate.op()) {
            case EQUALS:
            case IN:
                List<String> values = sorted(predicate);
                sql.append(" AND a.match_value IN (");
                for (int i = 0; i < values.size(); i++) {
                    sql.append(i == 0 ? "?" : ", ?", IndexedValues.matchValue(values.get(i)));
                }
                return sql.append(")");
            case CONTAINS:
                return sql.append(" AND a.folded_value LIKE ? ESCAPE '!'", "%" + escapeLike(predicate.text()) + "%");
            case RANGE:
                String column = predicate.type() == ValueType.NUMERIC ? "a.num_value" : "a.date_value";
                bound(sql, column, predicate.lower(), " > ?", " >= ?");
                bound(sql, column, predicate.upper(), " < ?", " <= ?");
                return sql;
            default:
                return sql;
        }
    }

    private static void bound(Sql sql, String column, Bound bound, String exclusive, String inclusive) {
        if (bound != null) {
            sql.append(" AND " + column + (bound.inclusive() ? inclusive : exclusive), bound.value());
        }
    }

    private static List<String> sorted(Predicate predicate) {
        List<String> values = new ArrayList<>(predicate.values());
        Collections.sort(values);
        return values;
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
