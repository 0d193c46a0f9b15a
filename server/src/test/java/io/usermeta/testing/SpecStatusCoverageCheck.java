package io.usermeta.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.spec.ApiSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after the integration tests (its own failsafe execution) and reads what {@link SpecTraffic}
 * recorded: every status the spec declares for an operation must have been answered by some test.
 */
class SpecStatusCoverageCheck {
    /** Each (operation, status) pair the spec declares was produced by at least one integration test. */
    @Test
    void everyDeclaredStatusWasProduced() throws IOException {
        Set<String> declared = declaredPairs();
        Set<String> seen = seenPairs();

        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(seen);

        assertThat(seen).as("responses recorded by the integration tests").isNotEmpty();
        assertThat(missing).as("declared statuses no integration test produced").isEmpty();
    }

    private static Set<String> declaredPairs() {
        Set<String> pairs = new TreeSet<>();
        ApiSpec.load().openApi().getPaths().values().forEach(item -> item.readOperations().forEach(operation ->
                operation.getResponses().keySet().forEach(status -> pairs.add(operation.getOperationId() + " "
                        + status))));
        return pairs;
    }

    private static Set<String> seenPairs() throws IOException {
        if (!Files.isDirectory(SpecTraffic.COVERAGE_DIRECTORY)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(SpecTraffic.COVERAGE_DIRECTORY)) {
            Set<String> pairs = new TreeSet<>();
            for (Path file : files.collect(Collectors.toList())) {
                List<String> lines = Files.readAllLines(file);
                pairs.addAll(lines);
            }
            return pairs;
        }
    }
}
