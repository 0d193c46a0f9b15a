package io.usermeta.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Schema version 6, on H2 only: the match value columns widen from 200 to 400. A match value holds
 * up to 200 characters ({@link io.usermeta.core.IndexedValues}), and H2 counts a column's length in
 * UTF-16 units, where a character outside the Basic Multilingual Plane (an emoji, say) takes two: 101
 * emoji, or a long value whose first 120 characters hold some, did not fit and failed the write.
 * PostgreSQL counts characters, so its columns already hold every match value.
 */
final class WideMatchValues extends SchemaChange {
    private static final List<String> H2 = List.of(
            "ALTER TABLE user_attribute ALTER COLUMN match_value SET DATA TYPE VARCHAR(400)",
            "ALTER TABLE value_users ALTER COLUMN match_value SET DATA TYPE VARCHAR(400)");

    WideMatchValues() {
        super("6", "wide match values", H2);
    }

    @Override
    void migrate(Connection connection, SqlDialect dialect) throws SQLException {
        if (dialect == SqlDialect.H2) {
            execute(connection, H2);
        }
    }
}
