package io.usermeta.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants in {@code TIMESTAMP} columns, always as UTC wall-clock time. {@code java.sql.Timestamp}
 * would convert through the JVM's default time zone, so instances or command lines running in
 * different zones would write and read the same column differently.
 */
final class UtcTimestamps {
    private UtcTimestamps() {}

    static void set(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant get(ResultSet rows, int index) throws SQLException {
        return rows.getObject(index, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
