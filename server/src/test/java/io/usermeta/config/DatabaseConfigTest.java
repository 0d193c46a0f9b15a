package io.usermeta.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** H2 file URLs get the settings usermeta relies on; other URLs and settings given are left alone. */
class DatabaseConfigTest {
    private static final String SETTINGS = ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000;REUSE_SPACE=FALSE"
            + ";CACHE_SIZE=" + DatabaseConfig.H2_CACHE_KIB;

    /** Every form of an H2 file URL gets all three settings appended. */
    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:file:/srv/usermeta", "jdbc:h2:./data/usermeta", "jdbc:h2:~/usermeta",
            "jdbc:h2:/srv/usermeta", "JDBC:H2:FILE:/srv/usermeta"})
    void h2FileUrlGetsAllSettings(String url) {
        String effective = DatabaseConfig.withRequiredSettings(url);

        assertThat(effective).isEqualTo(url + SETTINGS);
    }

    /** A setting the URL gives, in any case, is kept and not added again; the others are added. */
    @Test
    void settingGivenInTheUrlWins() {
        String effective = DatabaseConfig.withRequiredSettings("jdbc:h2:file:/srv/um;auto_server=false;MODE=LEGACY");

        assertThat(effective)
                .isEqualTo("jdbc:h2:file:/srv/um;auto_server=false;MODE=LEGACY;WRITE_DELAY=0;LOCK_TIMEOUT=10000"
                        + ";REUSE_SPACE=FALSE;CACHE_SIZE=" + DatabaseConfig.H2_CACHE_KIB);
    }

    /** A trailing semicolon does not leave an empty setting behind. */
    @Test
    void trailingSemicolonIsNotDoubled() {
        String effective = DatabaseConfig.withRequiredSettings("jdbc:h2:file:/srv/um;");

        assertThat(effective).isEqualTo("jdbc:h2:file:/srv/um" + SETTINGS);
    }

    /** In-memory and remote H2 databases, and other databases, keep their URL as given. */
    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:mem:test", "jdbc:h2:tcp://db.example:9092/~/usermeta",
            "jdbc:h2:ssl://db.example/usermeta", "jdbc:postgresql://db.example/usermeta"})
    void otherUrlsAreUnchanged(String url) {
        String effective = DatabaseConfig.withRequiredSettings(url);

        assertThat(effective).isEqualTo(url);
    }
}
