package io.usermeta.store;

import io.usermeta.auth.LicenseKeys.StoredKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Customers in the {@code customer} table. */
public final class JdbcCustomerRepository implements CustomerRepository {
    private final Database database;

    public JdbcCustomerRepository(Database database) {
        this.database = database;
    }

    @Override
    public Optional<StoredKey> findKey(String customerId) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT key_salt, key_hash FROM customer WHERE customer_id = ?")) {
                select.setString(1, customerId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next()
                            ? Optional.of(new StoredKey(row.getString(1), row.getString(2)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean add(String customerId, StoredKey key) {
        return database.inWriteTransaction(connection -> {
            if (exists(connection, customerId)) {
                return false;
            }
            insert(connection, customerId, key);
            return true;
        });
    }

    @Override
    public void put(String customerId, StoredKey key) {
        database.inWriteTransaction(connection -> {
            if (!updateKey(connection, customerId, key)) {
                insert(connection, customerId, key);
            }
            return null;
        });
    }

    @Override
    public boolean replaceKey(String customerId, StoredKey key) {
        return database.inWriteTransaction(connection -> updateKey(connection, customerId, key));
    }

    /**
     * Removes the customer first, so no new request is admitted, then its data. Requests admitted
     * before the removal may still commit rows afterwards; those are unreachable without the
     * customer and are deleted before the id is ever given to a customer again.
     */
    @Override
    public boolean remove(String customerId) {
        boolean existed = database.inWriteTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM customer WHERE customer_id = ?")) {
                delete.setString(1, customerId);
                return delete.executeUpdate() > 0;
            }
        });
        database.inWriteTransaction(connection -> {
            deleteData(connection, customerId);
            return null;
        });
        return existed;
    }

    @Override
    public List<Customer> list() {
        return database.inTransaction(connection -> {
            List<Customer> customers = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT c.customer_id, c.created_at, c.key_set_at,"
                            + " (SELECT COUNT(*) FROM user_profile p WHERE p.customer_id = c.customer_id)"
                            + " FROM customer c ORDER BY c.customer_id");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    customers.add(new Customer(rows.getString(1), UtcTimestamps.get(rows, 2),
                            UtcTimestamps.get(rows, 3), rows.getLong(4)));
                }
            }
            return customers;
        });
    }

    @Override
    public int count() {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM customer");
                    ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    private static boolean exists(Connection connection, String customerId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM customer WHERE customer_id = ?")) {
            select.setString(1, customerId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void deleteData(Connection connection, String customerId) throws SQLException {
        for (String table : List.of("user_attribute", "user_profile", "segment", "value_users", "key_users")) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE customer_id = ?")) {
                delete.setString(1, customerId);
                delete.executeUpdate();
            }
        }
    }

    /** A new customer starts empty, whatever a removed customer of the same id left behind. */
    private static void insert(Connection connection, String customerId, StoredKey key) throws SQLException {
        deleteData(connection, customerId);
        Instant now = Instant.now();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customer"
                + " (customer_id, key_salt, key_hash, created_at, key_set_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, customerId);
            insert.setString(2, key.salt());
            insert.setString(3, key.hash());
            UtcTimestamps.set(insert, 4, now);
            UtcTimestamps.set(insert, 5, now);
            insert.executeUpdate();
        }
    }

    private static boolean updateKey(Connection connection, String customerId, StoredKey key) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE customer SET key_salt = ?, key_hash = ?, key_set_at = ? WHERE customer_id = ?")) {
            update.setString(1, key.salt());
            update.setString(2, key.hash());
            UtcTimestamps.set(update, 3, Instant.now());
            update.setString(4, customerId);
            return update.executeUpdate() > 0;
        }
    }
}
