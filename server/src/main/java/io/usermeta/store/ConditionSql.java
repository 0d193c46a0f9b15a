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
 * walk user ids in order, either in SQL with a test per user ({@link #membersAfter}) or as candidates
 * ({@link #profilesAfter}, {@link #holdersAfter}) evaluated in memory.
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

    /**
     * At most {@code limit} members after {@code after} (null: from the first), in id order: the
     * holders of the {@code driver} equality in the match index (an id held from two sources comes
     * twice in a row), or with no driver all users, kept where the rest of the condition holds. Each
     * predicate is an EXISTS test on the user's own rows: a test of one value through the match index,
     * which holds the user id after the value; any other predicate through an index that leads
     * with the user, which {@code userRows} (a table hint, or empty) makes the database use whatever
     * it estimates for the predicate's own index, which is ordered by value rather than by user.
     */
    Sql membersAfter(Predicate driver, Condition condition, String after, int limit, String userRows) {
        Sql sql;
        String user;
        Condition rest = condition;
        if (driver == null) {
            sql = new Sql().append(PROFILES, customerId);
            user = "p.user_id";
        } else {
            sql = rowsWhere(driver).append(" AND a.match_value = ?",
                    IndexedValues.matchValue(driver.values().iterator().next()));
            user = "a.user_id";
            rest = without(condition, driver);
        }
        if (after != null) {
            sql.append(" AND " + user + " > ?", after);
        }
        if (rest != null) {
            sql.append(" AND ").append(holds(rest, user, userRows));
        }
        return sql.append(driver == null ? " ORDER BY p.customer_id, p.user_id"
                : " ORDER BY a.customer_id, a.attr_key, a.attr_type, a.match_value, a.user_id")
                .append(" FETCH FIRST ? ROWS ONLY", limit);
    }

    /** The condition less the driver, which every candidate meets: null when nothing else is left. */
    private static Condition without(Condition condition, Predicate driver) {
        if (condition == driver) {
            return null;
        }
        if (condition instanceof Condition.AllOf all) {
            List<Condition> others = all.children().stream().filter(child -> child != driver).toList();
            return others.isEmpty() ? null : new Condition.AllOf(others);
        }
        return condition;
    }

    /** A test that {@code condition} holds for the user whose id is the column {@code user}. */
    private Sql holds(Condition condition, String user, String userRows) {
        if (condition instanceof Predicate predicate) {
            // One value: a seek in the match index to the value and then the user. Several values would
            // make H2 read the key's whole range there, so those go by user like the other tests.
            boolean oneValue = (predicate.op() == Op.EQUALS || predicate.op() == Op.IN)
                    && predicate.values().size() == 1;
            Sql rows = new Sql().append("EXISTS (SELECT 1 FROM user_attribute b" + (oneValue ? "" : userRows)
                    + " WHERE b.customer_id = ?", customerId).append(" AND b.user_id = " + user)
                    .append(scope(predicate, "b"));
            if (predicate.op() == Op.ABSENT) {
                return new Sql().append("NOT ").append(rows).append(")");
            }
            return rows.append(valueTest(predicate, "b")).append(")");
        }
        if (condition instanceof Condition.Not not) {
            return new Sql().append("NOT (").append(holds(not.child(), user, userRows)).append(")");
        }
        List<Condition> children = condition instanceof Condition.AnyOf any ? any.children()
                : ((Condition.AllOf) condition).children();
        String operator = condition instanceof Condition.AnyOf ? " OR " : " AND ";
        Sql sql = new Sql().append("(");
        for (int i = 0; i < children.size(); i++) {
            sql.append(i == 0 ? "" : operator).append(holds(children.get(i), user, userRows));
        }
        return sql.append(")");
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

    /** The ids of all the customer's users. */
    Sql universe() {
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
    Sql rows(Predicate predicate) {
        if (predicate.op() == Op.IN && predicate.values().size() > 1) {
            List<Sql> parts = new ArrayList<>();
            for (String value : sorted(predicate)) {
                parts.add(rowsWhere(predicate).append(" AND a.match_value = ?", IndexedValues.matchValue(value)));
            }
            return combine(parts, " UNION ALL ");
        }
        return rowsWhere(predicate).append(valueTest(predicate, "a"));
    }

    private Sql rowsWhere(Predicate predicate) {
        return new Sql().append("SELECT a.user_id FROM user_attribute a WHERE a.customer_id = ?", customerId)
                .append(scope(predicate, "a"));
    }

    /** The key, type and source of a predicate, as conditions on the attribute row named {@code row}. */
    private static Sql scope(Predicate predicate, String row) {
        Sql sql = new Sql().append(" AND " + row + ".attr_key = ?", predicate.key());
        boolean numericRange = predicate.op() == Op.RANGE && predicate.type() == ValueType.NUMERIC;
        if (predicate.type() != null && !numericRange) {
            sql.append(" AND " + row + ".attr_type = ?", predicate.type().name());
        }
        if (predicate.source() != null) {
            sql.append(" AND " + row + ".source = ?", predicate.source());
        }
        return sql;
    }

    private static Sql valueTest(Predicate predicate, String row) {
        Sql sql = new Sql();
        switch (predicate.op()) {
            case EQUALS:
            case IN:
                List<String> values = sorted(predicate);
                sql.append(" AND " + row + ".match_value IN (");
                for (int i = 0; i < values.size(); i++) {
                    sql.append(i == 0 ? "?" : ", ?", IndexedValues.matchValue(values.get(i)));
                }
                return sql.append(")");
            case CONTAINS:
                return sql.append(" AND " + row + ".folded_value LIKE ? ESCAPE '!'",
                        "%" + escapeLike(predicate.text()) + "%");
            case RANGE:
                String column = row + (predicate.type() == ValueType.NUMERIC ? ".num_value" : ".date_value");
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
