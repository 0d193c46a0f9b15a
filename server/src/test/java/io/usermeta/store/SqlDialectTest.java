package io.usermeta.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The dialect follows from the URL's scheme. */
class SqlDialectTest {
    /** H2 and PostgreSQL URLs get their dialects. */
    @Test
    void supportedUrlsGetTheirDialects() {
        assertThat(SqlDialect.of("jdbc:h2:file:./data/usermeta")).isEqualTo(SqlDialect.H2);
        assertThat(SqlDialect.of("jdbc:postgresql://127.0.0.1/usermeta")).isEqualTo(SqlDialect.POSTGRESQL);
    }

    /** An unsupported URL is refused with a message that names it without its user and password. */
    @Test
    void unsupportedUrlIsRefusedWithoutItsCredentials() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SqlDialect.of("jdbc:postgres://127.0.0.1/usermeta?user=app&password=s3cret"))
                .withMessageContaining("jdbc:postgres://127.0.0.1/usermeta?user=***&password=***")
                .withMessageNotContaining("s3cret");
    }
}
