package io.usermeta.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of user ids as one statement matches it: one array parameter ({@code = ANY(?)}) where the
 * database matches arrays well, otherwise an {@code IN (?, …)} list whose length is padded up to a
 * power of two with copies of the last id, so that a handful of statement shapes serve every list
 * length and stay in the drivers' statement caches.
 */
final class IdList {
    /** The most ids one statement takes. */
    static final int MAX_SIZE = 1024;

    private final boolean asArray;
    private final List<String> ids;

    private IdList(boolean asArray, List<String> ids) {
        this.asArray = asArray;
        this.ids = ids;
    }

    /** Matches {@code ids} (at most {@link #MAX_SIZE}, at least one) the way {@code dialect} does best. */
    static IdList of(SqlDialect dialect, List<String> ids) {
        if (ids.isEmpty() || ids.size() > MAX_SIZE) {
            throw new IllegalArgumentException("an id list holds 1 to " + MAX_SIZE + " ids, not " + ids.size());
        }
        return new IdList(dialect.matchesIdArrays(), ids);
    }

    /** {@code ids} cut into lists of at most {@link #MAX_SIZE}. */
    static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += MAX_SIZE) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + MAX_SIZE)));
        }
        return chunks;
    }

    /** The SQL condition that {@code column} is one of the ids. */
    String condition(String column) {
        if (asArray) {
            return column + " = ANY(?)";
        }
        return column + " IN (?" + ", ?".repeat(paddedSize() - 1) + ")";
    }

    /** Binds the ids from parameter {@code index} on and returns the index of the next parameter. */
    int bind(Connection connection, PreparedStatement statement, int index) throws SQLException {
        if (asArray) {
            statement.setArray(index, connection.createArrayOf("varchar", ids.toArray()));
            return index + 1;
        }
        int size = paddedSize();
        for (int i = 0; i < size; i++) {
            statement.setString(index + i, ids.get(Math.min(i, ids.size() - 1)));
        }
        return index + size;
    }

    private int paddedSize() {
        int padded = 1;
        while (padded < ids.size()) {
            padded <<= 1;
        }
        return padded;
    }
}
