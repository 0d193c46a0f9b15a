package io.usermeta.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published versions are found by the version in their file names, stay as they were handed out,
 * and the spec is never behind the newest of them.
 */
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
        List<Path> files = publishedFiles();

        assertThat(files).isNotEmpty().allSatisfy(file -> {
            ApiSpec spec = ApiSpec.parse(Files.readString(file));
            assertThat(spec.messages()).as(file.toString()).isEmpty();
            assertThat(spec.openApi().getInfo().getVersion()).isEqualTo(PublishedSpecs.version(file).orElseThrow());
        });
    }

    /**
     * Each published file still has the SHA-256 recorded in {@code SHA256SUMS} when it was published,
     * and every published file is recorded there: a file edited in place, which would quietly move the
     * baseline the compatibility check compares with, fails here.
     */
    @Test
    void publishedFilesKeepTheirRecordedChecksums() throws IOException, NoSuchAlgorithmException {
        Map<String, String> recorded = new TreeMap<>();
        for (String line : Files.readAllLines(PUBLISHED.resolve("SHA256SUMS"))) {
            String[] fields = line.trim().split("\\s+\\*?", 2);
            recorded.put(fields[1], fields[0]);
        }
        Map<String, String> actual = new TreeMap<>();
        for (Path file : publishedFiles()) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            actual.put(file.getFileName().toString(), HexFormat.of().formatHex(digest));
        }

        assertThat(actual).isEqualTo(recorded);
    }

    /** The spec's own version is never lower than the newest published one. */
    @Test
    void specIsNotOlderThanTheNewestPublishedVersion() {
        String current = ApiSpec.load().openApi().getInfo().getVersion();
        String newest = PublishedSpecs.version(PublishedSpecs.newest(PUBLISHED)).orElseThrow();

        assertThat(Arrays.compare(numbers(current), numbers(newest))).as("%s against %s", current, newest)
                .isGreaterThanOrEqualTo(0);
    }

    private static List<Path> publishedFiles() throws IOException {
        try (Stream<Path> listing = Files.list(PUBLISHED)) {
            return listing.filter(file -> PublishedSpecs.version(file).isPresent()).toList();
        }
    }

    private static int[] numbers(String version) {
        return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }
}
