package io.usermeta.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The machine the benchmark runs on, in words, for the report. */
final class Machine {
    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");

    private Machine() {}

    /** CPU model, cores this JVM may use, memory and Java version. */
    static String describe() {
        long memoryGib = Math.round(totalMemoryBytes() / (1024.0 * 1024 * 1024));
        return cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + (memoryGib > 0 ? memoryGib + " GiB RAM, " : "")
                + "Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version");
    }

    private static String cpuModel() {
        return field(CPU_INFO, "model name").orElse(System.getProperty("os.arch"));
    }

    private static long totalMemoryBytes() {
        return field(Path.of("/proc/meminfo"), "MemTotal")
                .map(value -> Long.parseLong(value.replaceAll("\\D", "")) * 1024).orElse(0L);
    }

    /** The value of the first {@code name: value} line of a /proc file. */
    private static Optional<String> field(Path file, String name) {
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(name)).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
