package io.usermeta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.usermeta.core.Limits;
import org.junit.jupiter.api.Test;

/** The default database follows {@code USERMETA_HOME}, and an impossible port is refused up front. */
class ServerConfigTest {
    /** With {@code USERMETA_HOME} set, the default H2 file is {@code data/usermeta} under it. */
    @Test
    void defaultDatabaseLivesUnderUsermetaHome() {
        String url = ServerConfig.defaultDatabaseUrl("/opt/usermeta");

        assertThat(url).startsWith("jdbc:h2:file:/opt/usermeta/data/usermeta;").contains("AUTO_SERVER=TRUE");
    }

    /** Without {@code USERMETA_HOME}, the default H2 file is under the working directory. */
    @Test
    void defaultDatabaseFallsBackToTheWorkingDirectory() {
        String url = ServerConfig.defaultDatabaseUrl(null);

        assertThat(url).startsWith("jdbc:h2:file:./data/usermeta;");
    }

    /** A port above 65535 is an error that names the port and the flag. */
    @Test
    void portOutOfRangeIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ServerConfig("0.0.0.0", 70_000, DatabaseConfig.of("jdbc:h2:mem:x", 1),
                        Limits.defaults(), 30, null))
                .withMessageContaining("70000").withMessageContaining("--port");
    }
}
