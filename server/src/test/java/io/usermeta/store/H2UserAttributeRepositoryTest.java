package io.usermeta.store;

import io.usermeta.config.DatabaseConfig;
import io.usermeta.config.ServerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The attribute store on an H2 file database, as the server uses by default. */
class H2UserAttributeRepositoryTest extends UserAttributeRepositoryContract {
    @TempDir
    Path directory;

    @Override
    DatabaseConfig newDatabase() {
        return DatabaseConfig.of(ServerConfig.h2File(directory.resolve("store").toString()), 4);
    }
}
