package io.usermeta.store;

/** The few statements whose SQL differs between the supported databases. */
public enum SqlDialect {
    H2("MERGE INTO user_profile (customer_id, user_id, updated_at) KEY (customer_id, user_id) VALUES (?, ?, ?)"),
    POSTGRESQL("INSERT INTO user_profile (customer_id, user_id, updated_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (customer_id, user_id) DO UPDATE SET updated_at = EXCLUDED.updated_at");

    private final String upsertUser;

    SqlDialect(String upsertUser) {
        this.upsertUser = upsertUser;
    }

    /** Creates or touches a user_profile row, taking its row lock in both cases. */
    String upsertUser() {
        return upsertUser;
    }

    /** The dialect of a JDBC URL; fails for databases usermeta does not support. */
    public static SqlDialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL " + jdbcUrl
                + "; use jdbc:h2:… or jdbc:postgresql:…");
    }
}
