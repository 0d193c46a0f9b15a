package io.usermeta.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Schema version 5, on H2 only: {@code ix_attribute_user}, the attribute rows of each user by key,
 * type and source, with the numeric and date copies. A page of segment members on H2 tests each
 * candidate with EXISTS on the user's own rows ({@link ConditionSql#membersAfter}); through this
 * index a range, presence or absence test reads a few index entries instead of the primary key and
 * then each row, which at a million users kept a page of 1,000 members above 100 ms. PostgreSQL
 * reads the candidates' rows in batches instead and does not need it.
 */
final class AttributesByUser extends SchemaChange {
    /** The index's name, for the hint that makes H2 use it. */
    static final String INDEX = "ix_attribute_user";

    private static final List<String> H2 = List.of("CREATE INDEX " + INDEX + " ON user_attribute"
            + " (customer_id, user_id, attr_key, attr_type, source, num_value, date_value)");

    AttributesByUser() {
        super("5", "attributes by user", H2);
    }

    @Override
    void migrate(Connection connection, SqlDialect dialect) throws SQLException {
        if (dialect == SqlDialect.H2) {
            execute(connection, H2);
        }
    }
}
