package io.usermeta.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The versions of the spec handed to partners, kept in a folder as {@code usermeta-<info.version>.yaml}. */
public final class PublishedSpecs {
    private static final Pattern FILE_NAME = Pattern.compile("usermeta-(\\d+(?:\\.\\d+)*)\\.yaml");

    private static final Comparator<Path> BY_VERSION = Comparator.comparing(PublishedSpecs::versionNumbers,
            Arrays::compare);

    private PublishedSpecs() {
    }

    /** The file of the highest version in {@code folder}, compared number by number. */
    public static Path newest(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> version(file).isPresent()).max(BY_VERSION)
                    .orElseThrow(() -> new IllegalStateException("no published spec in " + folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version a file's name says it holds; empty for a file that is not a published spec. */
    public static Optional<String> version(Path file) {
        Matcher matcher = FILE_NAME.matcher(file.getFileName().toString());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static int[] versionNumbers(Path file) {
        return Arrays.stream(version(file).orElseThrow().split("\\.")).mapToInt(Integer::parseInt).toArray();
    }
}
