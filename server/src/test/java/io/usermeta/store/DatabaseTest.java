package io.usermeta.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What the database layer tells apart without a database: credentials in URLs and refused logins. */
class DatabaseTest {
    /** User and password parameters of PostgreSQL and H2 URLs are hidden, whatever their case. */
    @Test
    void redactHidesUserAndPassword() {
        assertThat(Database.redact("jdbc:postgresql://127.0.0.1/db?user=app&password=s3cret&currentSchema=s"))
                .isEqualTo("jdbc:postgresql://127.0.0.1/db?user=***&password=***&currentSchema=s");
        assertThat(Database.redact("jdbc:h2:file:./data/usermeta;USER=sa;PASSWORD=s3cret;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:./data/usermeta;USER=***;PASSWORD=***;AUTO_SERVER=TRUE");
    }

    /** SQLSTATE class 28 (invalid authorization) is a refused login; a connection failure is not. */
    @Test
    void refusedCredentialsAreTheAuthorizationClass() {
        assertThat(Database.refusesCredentials(new SQLException("password authentication failed", "28P01")))
                .isTrue();
        assertThat(Database.refusesCredentials(new SQLException("Wrong user name or password", "28000"))).isTrue();
        assertThat(Database.refusesCredentials(new SQLException("Connection refused", "08001"))).isFalse();
        assertThat(Database.refusesCredentials(new SQLException("no state"))).isFalse();
    }
}
