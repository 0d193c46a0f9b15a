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
 * Turns a {@link Condition} into SQL over the customer's users. For counting ({@link #members}) each
 * predicate is the set of user ids whose rows in one index range meet it, and the combinations are
 * INTERSECT, UNION and EXCEPT: the database reads each predicate's index range once. Pages of members
 * walk user ids in order ({@link #profilesAfter}, {@link #holdersAfter}) and are evaluated in memory.
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

    /** The customer's user ids after {@code after} (null: from the first), in id order, at most {@code limit}. */
    Sql profilesAfter(String after, int limit) {
        Sql sql = new Sql().append(PROFILES, customerId);
        if (after != null) {
            sql.append(" AND p.user_id > ?", after);
        }
        // The whole key in ORDER BY lets H2 read the index in order instead of sorting every row.
        return sql.append(" ORDER BY p.customer_id, p.user_id FETCH FIRST ? ROWS ONLY", limit);
    }

    /**
     * The ids of the users holding the one value of an equality, after {@code after}, in id order
     * (an id held from two sources comes twice in a row), at most {@code limit} rows.
     */
    Sql holdersAfter(Predicate equality, String after, int limit) {
        Sql sql = rowsWhere(equality).append(" AND a.match_value = ?",
                IndexedValues.matchValue(equality.values().iterator().next()));
        if (after != null) {
            sql.append(" AND a.user_id > ?", after);
        }
        return sql.append(" ORDER BY a.customer_id, a.attr_key, a.attr_type, a.match_value, a.user_id"
                + " FETCH FIRST ? ROWS ONLY", limit);
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
