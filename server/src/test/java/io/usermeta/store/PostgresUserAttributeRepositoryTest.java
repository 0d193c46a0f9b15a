package io.usermeta.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.config.DatabaseConfig;
import io.usermeta.testing.TestPostgres;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The attribute store on a real PostgreSQL server (see {@link TestPostgres}), each test in a schema
 * of its own.
 */
class PostgresUserAttributeRepositoryTest extends UserAttributeRepositoryContract {
    @Override
    DatabaseConfig newDatabase() {
        return DatabaseConfig.of(TestPostgres.freshSchemaUrl(), 4);
    }

    /**
     * Every identifier column sorts by bytes ({@code COLLATE "C"}), whatever locale the database was
     * created with, so index order never depends on the operating system's C library.
     */
    @Test
    void identifierColumnsCompareBytewise() {
        List<String> collations = database().inTransaction(connection -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT table_name, column_name,"
                    + " collation_name FROM information_schema.columns WHERE table_schema = current_schema()"
                    + " AND table_name IN ('customer', 'user_profile', 'user_attribute')"
                    + " AND column_name IN ('customer_id', 'user_id', 'source', 'attr_key')")) {
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        found.add(result.getString(1) + "." + result.getString(2) + " " + result.getString(3));
                    }
                }
            }
            return found;
        });

        assertThat(collations).containsExactlyInAnyOrder("customer.customer_id C", "user_profile.customer_id C",
                "user_profile.user_id C", "user_attribute.customer_id C", "user_attribute.user_id C",
                "user_attribute.source C", "user_attribute.attr_key C");
    }
}
