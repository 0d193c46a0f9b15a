package io.usermeta.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published versions are found by the version in their file names. */
class PublishedSpecsTest {
    private static final Path PUBLISHED = Path.of("published");

    /** The newest file is chosen by version number, so 1.10.0 is newer than 1.9.0. */
    @Test
    void newestIsChosenByVersionNumberNotByName(@TempDir Path folder) throws IOException {
        for (String name : List.of("usermeta-1.9.0.yaml", "usermeta-1.10.0.yaml", "usermeta-1.2.yaml", "README.md")) {
            Files.writeString(folder.resolve(name), "");
        }

        Path newest = PublishedSpecs.newest(folder);

        assertThat(newest.getFileName()).hasToString("usermeta-1.10.0.yaml");
    }

    /** Each published file holds the version its name says, and is a valid document. */
    @Test
    void everyPublishedFileIsNamedForItsInfoVersion() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(PUBLISHED)) {
            files = listing.filter(file -> PublishedSpecs.version(file).isPresent()).toList();
        }

        assertThat(files).isNotEmpty().allSatisfy(file -> {
            ApiSpec spec = ApiSpec.parse(Files.readString(file));
            assertThat(spec.messages()).as(file.toString()).isEmpty();
            assertThat(spec.openApi().getInfo().getVersion()).isEqualTo(PublishedSpecs.version(file).orElseThrow());
        });
    }
}
