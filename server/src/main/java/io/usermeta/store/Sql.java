package io.usermeta.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL text built piece by piece with its parameters, in order, so the two cannot drift apart. */
final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /** Appends text that holds no parameters. */
    Sql append(String sql) {
        text.append(sql);
        return this;
    }

    /** Appends text with {@code ?} placeholders and their values, in order. */
    Sql append(String sql, Object... values) {
        text.append(sql);
        parameters.addAll(List.of(values));
        return this;
    }

    /** Appends another built piece, with its parameters. */
    Sql append(Sql other) {
        text.append(other.text);
        parameters.addAll(other.parameters);
        return this;
    }

    String text() {
        return text.toString();
    }

    /** Prepares the statement and binds every parameter. */
    PreparedStatement prepare(java.sql.Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text.toString());
        try {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value instanceof BigDecimal number) {
                    statement.setBigDecimal(i + 1, number);
                } else if (value instanceof Integer number) {
                    statement.setInt(i + 1, number);
                } else if (value instanceof String string) {
                    statement.setString(i + 1, string);
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
