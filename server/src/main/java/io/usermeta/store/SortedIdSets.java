package io.usermeta.store;

import io.usermeta.segments.Condition;
import io.usermeta.segments.Predicate;
import io.usermeta.segments.Predicate.Op;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Counts the members of a condition in memory: each predicate's users are read from its index range
 * into a sorted array of ids, and the combinations are merges of sorted arrays, linear in their
 * lengths. The same algebra as {@link ConditionSql#members}, done here because H2's INTERSECT, UNION
 * and EXCEPT keep their rows in a tree and take seconds for a few hundred thousand ids, where reading
 * those ids takes a tenth of that.
 *
 * <p>Memory is bounded: once the ids read for one count exceed its budget, the count gives up
 * ({@link #count} answers -1) and the caller counts in SQL instead.
 */
final class SortedIdSets {
    private static final String[] NONE = new String[0];

    private final Connection connection;
    private final ConditionSql sql;
    private final long budget;
    private long held;
    private String[] universe;

    private SortedIdSets(Connection connection, ConditionSql sql, long budget) {
        this.connection = connection;
        this.sql = sql;
        this.budget = budget;
    }

    /** The members of {@code condition}, or -1 when counting them here would hold more than {@code budget} ids. */
    static long count(Connection connection, String customerId, Condition condition, long budget)
            throws SQLException {
        try {
            return new SortedIdSets(connection, new ConditionSql(customerId), budget).set(condition).length;
        } catch (OverBudget e) {
            return -1;
        }
    }

    private String[] set(Condition condition) throws SQLException {
        if (condition instanceof Predicate predicate) {
            String[] rows = ids(sql.rows(predicate));
            return predicate.op() == Op.ABSENT ? difference(universe(), rows) : rows;
        }
        if (condition instanceof Condition.Not not) {
            return difference(universe(), set(not.child()));
        }
        if (condition instanceof Condition.AnyOf any) {
            String[] union = NONE;
            for (Condition child : any.children()) {
                union = union(union, set(child));
            }
            return union;
        }
        List<String[]> included = new ArrayList<>();
        List<String[]> excluded = new ArrayList<>();
        for (Condition child : ((Condition.AllOf) condition).children()) {
            if (child instanceof Condition.Not not) {
                excluded.add(set(not.child()));
            } else if (child instanceof Predicate predicate && predicate.op() == Op.ABSENT) {
                excluded.add(ids(sql.rows(predicate)));
            } else {
                included.add(set(child));
            }
        }
        String[] result;
        if (included.isEmpty()) {
            result = universe();
        } else {
            // Smallest first: every intersection is then at most as long as the smallest set.
            included.sort(Comparator.comparingInt(ids -> ids.length));
            result = included.get(0);
            for (int i = 1; i < included.size(); i++) {
                result = intersection(result, included.get(i));
            }
        }
        for (String[] part : excluded) {
            result = difference(result, part);
        }
        return result;
    }

    private String[] universe() throws SQLException {
        if (universe == null) {
            universe = ids(sql.universe());
        }
        return universe;
    }

    /** The distinct ids the query's first column yields, sorted. */
    private String[] ids(Sql query) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = query.prepare(connection)) {
            select.setFetchSize(10_000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (++held > budget) {
                        throw new OverBudget();
                    }
                    ids.add(rows.getString(1));
                }
            }
        }
        String[] sorted = ids.toArray(NONE);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (distinct == 0 || !sorted[i].equals(sorted[distinct - 1])) {
                sorted[distinct++] = sorted[i];
            }
        }
        return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
    }

    private static String[] intersection(String[] a, String[] b) {
        String[] out = new String[Math.min(a.length, b.length)];
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            int order = a[i].compareTo(b[j]);
            if (order == 0) {
                out[n++] = a[i];
                i++;
                j++;
            } else if (order < 0) {
                i++;
            } else {
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static String[] union(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            int order = a[i].compareTo(b[j]);
            out[n++] = order <= 0 ? a[i] : b[j];
            if (order <= 0) {
                i++;
            }
            if (order >= 0) {
                j++;
            }
        }
        while (i < a.length) {
            out[n++] = a[i++];
        }
        while (j < b.length) {
            out[n++] = b[j++];
        }
        return Arrays.copyOf(out, n);
    }

    private static String[] difference(String[] a, String[] b) {
        String[] out = new String[a.length];
        int n = 0;
        for (int i = 0, j = 0; i < a.length; i++) {
            while (j < b.length && b[j].compareTo(a[i]) < 0) {
                j++;
            }
            if (j == b.length || !b[j].equals(a[i])) {
                out[n++] = a[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Thrown when the ids held would exceed the budget. */
    private static final class OverBudget extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OverBudget() {
            super(null, null, false, false);
        }
    }
}
