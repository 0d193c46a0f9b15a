package io.usermeta.store;

import io.usermeta.core.IndexedValues;
import io.usermeta.core.ValueType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** Binds the typed copies of a value (match_value, num_value, date_value, folded_value), in that order. */
final class TypedColumns {
    private TypedColumns() {}

    /** Binds the four copies of a valid {@code value} of {@code type} from parameter {@code first} on. */
    static void bind(PreparedStatement statement, int first, ValueType type, String value) throws SQLException {
        statement.setString(first, IndexedValues.matchValue(value));
        if (type == ValueType.NUMERIC) {
            statement.setBigDecimal(first + 1, IndexedValues.number(value));
        } else {
            statement.setNull(first + 1, Types.DECIMAL);
        }
        if (type == ValueType.DATE || type == ValueType.DATETIME) {
            statement.setObject(first + 2, IndexedValues.moment(type, value));
        } else {
            statement.setNull(first + 2, Types.TIMESTAMP);
        }
        if (type == ValueType.TEXT) {
            statement.setString(first + 3, IndexedValues.folded(value));
        } else {
            statement.setNull(first + 3, Types.VARCHAR);
        }
    }
}
