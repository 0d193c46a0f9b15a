package io.usermeta.store;

import io.usermeta.core.ValueType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Schema version 3: typed copies of each attribute value for segment conditions and distributions,
 * their indexes, and the table of saved segments. See {@link io.usermeta.core.IndexedValues} for what
 * the copies hold.
 *
 * <ul>
 *   <li>{@code match_value}: equality, value lists and distributions, through
 *       {@code ix_attribute_match (customer_id, attr_key, attr_type, match_value, user_id, source)},
 *       which holds everything those queries read.</li>
 *   <li>{@code num_value}: NUMERIC ranges and histograms, through {@code ix_attribute_number}.</li>
 *   <li>{@code date_value}: DATE and DATETIME ranges and histograms, through {@code ix_attribute_date}.</li>
 *   <li>{@code folded_value}: TEXT in lower case, for substring search (which reads every value of the key).</li>
 * </ul>
 *
 * <p>Every index leads with the customer, then the key, so a query reads only the rows of one key of
 * one customer. On PostgreSQL the number and date indexes leave out the rows of other types, and
 * {@code match_value} and segment names compare bytewise, like the identifiers. Rows written before
 * this version get their copies here, from the same code that writes them for new rows.
 */
final class TypedValues extends SchemaChange {
    private static final List<String> H2 = List.of(
            "ALTER TABLE user_attribute ADD COLUMN match_value VARCHAR(200)",
            "ALTER TABLE user_attribute ADD COLUMN num_value DECFLOAT",
            "ALTER TABLE user_attribute ADD COLUMN date_value TIMESTAMP(6)",
            "ALTER TABLE user_attribute ADD COLUMN folded_value VARCHAR(262144)",
            "CREATE TABLE segment (customer_id VARCHAR(64) NOT NULL, name VARCHAR(64) NOT NULL,"
                    + " definition VARCHAR(1048576) NOT NULL, created_at TIMESTAMP NOT NULL,"
                    + " updated_at TIMESTAMP NOT NULL, CONSTRAINT pk_segment PRIMARY KEY (customer_id, name))");
    private static final List<String> H2_INDEXES = List.of(
            "ALTER TABLE user_attribute ALTER COLUMN match_value SET NOT NULL",
            "CREATE INDEX ix_attribute_match ON user_attribute"
                    + " (customer_id, attr_key, attr_type, match_value, user_id, source)",
            "CREATE INDEX ix_attribute_number ON user_attribute (customer_id, attr_key, num_value, user_id, source)",
            "CREATE INDEX ix_attribute_date ON user_attribute"
                    + " (customer_id, attr_key, attr_type, date_value, user_id, source)");
    private static final List<String> POSTGRESQL = List.of(
            "ALTER TABLE user_attribute ADD COLUMN match_value VARCHAR(200) COLLATE \"C\","
                    + " ADD COLUMN num_value NUMERIC, ADD COLUMN date_value TIMESTAMP(6),"
                    + " ADD COLUMN folded_value TEXT",
            "CREATE TABLE segment (customer_id VARCHAR(64) COLLATE \"C\" NOT NULL,"
                    + " name VARCHAR(64) COLLATE \"C\" NOT NULL, definition TEXT NOT NULL,"
                    + " created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL,"
                    + " CONSTRAINT pk_segment PRIMARY KEY (customer_id, name))");
    private static final List<String> POSTGRESQL_INDEXES = List.of(
            "ALTER TABLE user_attribute ALTER COLUMN match_value SET NOT NULL",
            "CREATE INDEX ix_attribute_match ON user_attribute"
                    + " (customer_id, attr_key, attr_type, match_value, user_id, source)",
            "CREATE INDEX ix_attribute_number ON user_attribute (customer_id, attr_key, num_value, user_id, source)"
                    + " WHERE num_value IS NOT NULL",
            "CREATE INDEX ix_attribute_date ON user_attribute"
                    + " (customer_id, attr_key, attr_type, date_value, user_id, source) WHERE date_value IS NOT NULL");

    private static final String EXISTING = "SELECT customer_id, user_id, source, position, attr_type, attr_value"
            + " FROM user_attribute";
    private static final String FILL = "UPDATE user_attribute SET match_value = ?, num_value = ?, date_value = ?,"
            + " folded_value = ? WHERE customer_id = ? AND user_id = ? AND source = ? AND position = ?";
    private static final int BATCH = 1_000;

    TypedValues() {
        super("3", "typed values and segments", List.of(H2, H2_INDEXES, POSTGRESQL, POSTGRESQL_INDEXES, FILL));
    }

    @Override
    void migrate(Connection connection, SqlDialect dialect) throws SQLException {
        boolean postgres = dialect == SqlDialect.POSTGRESQL;
        execute(connection, postgres ? POSTGRESQL : H2);
        fillExistingRows(connection);
        execute(connection, postgres ? POSTGRESQL_INDEXES : H2_INDEXES);
    }

    private static void fillExistingRows(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
                PreparedStatement fill = connection.prepareStatement(FILL)) {
            select.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = select.executeQuery(EXISTING)) {
                while (rows.next()) {
                    ValueType type = ValueType.valueOf(rows.getString("attr_type"));
                    TypedColumns.bind(fill, 1, type, rows.getString("attr_value"));
                    fill.setString(5, rows.getString("customer_id"));
                    fill.setString(6, rows.getString("user_id"));
                    fill.setString(7, rows.getString("source"));
                    fill.setInt(8, rows.getInt("position"));
                    fill.addBatch();
                    if (++pending == BATCH) {
                        fill.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                fill.executeBatch();
            }
        }
    }
}
