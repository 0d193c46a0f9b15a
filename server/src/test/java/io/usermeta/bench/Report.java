package io.usermeta.bench;

import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The benchmark's results as Markdown: the set-up in a list, then tables for imports, single requests (GETs
 * and replaces) and cluster queries, when they were measured.
 */
final class Report {
    private static final double NANOS_PER_MILLI = 1e6;
    private static final double MEBIBYTE = 1024.0 * 1024;

    private final StringBuilder text = new StringBuilder();

    private Report() {}

    /** The whole report: {@code setup} lines as a list, then the tables of {@code runs}. */
    static String render(List<String> setup, List<RunResult> runs) {
        Report report = new Report();
        setup.forEach(line -> report.line("- " + line));
        report.line("");
        report.importTable(runs);
        report.line("");
        report.latencyTable(runs);
        if (runs.stream().anyMatch(run -> !run.clusters().isEmpty())) {
            report.line("");
            report.clusterTable(runs);
        }
        return report.text.toString();
    }

    private void importTable(List<RunResult> runs) {
        line("| Database | Users | Attributes | Threads | Time (s) | Users/s | Attributes/s"
                + " | Users/s, first tenth | Users/s, last tenth | POST p50 (ms) | POST p99 (ms)"
                + " | Size on disk (MiB) | Server peak RSS (MiB) |");
        line("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (RunResult run : runs) {
            ImportResult imported = run.imported();
            line(row(run.database(), count(imported.users()), count(imported.attributes()),
                    String.valueOf(imported.threads()), decimal(imported.elapsedNanos() / 1e9, 1),
                    rate(imported.usersPerSecond()), rate(imported.attributesPerSecond()),
                    rate(imported.firstTenthUsersPerSecond()), rate(imported.lastTenthUsersPerSecond()),
                    millis(imported.postLatency(), 50), millis(imported.postLatency(), 99),
                    mebibytes(run.databaseBytes()), mebibytes(run.serverPeakResidentBytes())));
        }
    }

    private void latencyTable(List<RunResult> runs) {
        line("| Database | Users stored | Request | Measured | p50 (ms) | p90 (ms) | p99 (ms)"
                + " | p99.9 (ms) | max (ms) | Requests/s |");
        line("|---|--:|---|--:|--:|--:|--:|--:|--:|--:|");
        for (RunResult run : runs) {
            for (LatencyResult result : run.latencies()) {
                Histogram latency = result.latency();
                line(row(run.database(), count(run.users()), result.request(),
                        count(latency.getTotalCount()), millis(latency, 50),
                        millis(latency, 90), millis(latency, 99), millis(latency, 99.9),
                        decimal(latency.getMaxValue() / NANOS_PER_MILLI, 2), rate(result.requestsPerSecond())));
            }
        }
    }

    private void clusterTable(List<RunResult> runs) {
        line("| Database | Users stored | Query | Target | Requests | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |");
        line("|---|--:|---|---|--:|--:|--:|--:|--:|");
        for (RunResult run : runs) {
            for (ClusterResult result : run.clusters()) {
                Histogram latency = result.latency();
                line(row(run.database(), count(run.users()), result.query(), result.target(),
                        count(latency.getTotalCount()), millis(latency, 50), millis(latency, 90), millis(latency, 99),
                        decimal(latency.getMaxValue() / NANOS_PER_MILLI, 2)));
            }
        }
    }

    private void line(String line) {
        text.append(line).append('\n');
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    private static String millis(Histogram histogram, double percentile) {
        return decimal(histogram.getValueAtPercentile(percentile) / NANOS_PER_MILLI, 2);
    }

    private static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** A rate in whole units, or with two decimals below 10, where rounding would hide it. */
    private static String rate(double perSecond) {
        if (perSecond <= 0) {
            return "–";
        }
        return perSecond < 10 ? decimal(perSecond, 2) : count(Math.round(perSecond));
    }

    private static String mebibytes(long bytes) {
        return bytes < 0 ? "–" : decimal(bytes / MEBIBYTE, 0);
    }

    private static String decimal(double value, int places) {
        return String.format(Locale.ROOT, "%,." + places + "f", value);
    }
}
