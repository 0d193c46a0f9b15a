package io.usermeta.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The load benchmark of BENCHMARKS.md. For each database it imports {@code --users} census users through
 * POST into a fresh database behind a server in its own JVM and times GETs of 1, 100 and 1,000 ids; then
 * it does the same on a fresh database of {@code --small-users}, to show whether a request costs more in a
 * larger table. After the GETs it saves segments and times the cluster queries ({@link ClusterProbe}), and
 * last the replaces of single users' sets, which change the data. Prints the results as Markdown and
 * writes them under {@code --work-dir}.
 */
@Command(name = "bench/run", sortOptions = false,
        description = "Load benchmark of the usermeta HTTP API (see BENCHMARKS.md).")
public final class LoadBenchmark implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(LoadBenchmark.class);
    private static final List<Integer> IDS_PER_GET = List.of(1, 100, 1000);

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--users", defaultValue = "1000000",
            description = "Users in the large database (${DEFAULT-VALUE}).")
    long users;

    @Option(names = "--small-users", defaultValue = "10000",
            description = "Users in the small database, for comparison; 0 for none (${DEFAULT-VALUE}).")
    long smallUsers;

    @Option(names = "--databases", split = ",", defaultValue = "h2,postgresql",
            description = "Databases to measure, of ${COMPLETION-CANDIDATES} (${DEFAULT-VALUE}).")
    List<DatabaseKind> databases;

    @Option(names = "--import-threads", defaultValue = "4",
            description = "Client threads that POST (${DEFAULT-VALUE}).")
    int importThreads;

    @Option(names = "--users-per-document", defaultValue = "1000",
            description = "Users in each POSTed document (${DEFAULT-VALUE}).")
    int usersPerDocument;

    @Option(names = "--warm-up", defaultValue = "2000", description = "Unmeasured GETs per case (${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--requests", defaultValue = "5000", description = "Measured GETs per case (${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--cluster-requests", defaultValue = "200",
            description = "Measured requests of each fast cluster query; the slow ones (distributions,"
                    + " counts) take a tenth, memberships five times as many (${DEFAULT-VALUE}).")
    int clusterRequests;

    @Option(names = "--phase-seconds", defaultValue = "180",
            description = "Most seconds for the warm-up, and again for the measured GETs, of one case;"
                    + " a case that reaches it reports fewer GETs (${DEFAULT-VALUE}).")
    long phaseSeconds;

    @Option(names = "--seed", defaultValue = "1994", description = "Seed of the GETs' random ids (${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--server-jar", defaultValue = "server/target/usermeta-server.jar",
            description = "The server to run (${DEFAULT-VALUE}).")
    Path serverJar;

    @Option(names = "--server-java-options", split = " ", defaultValue = "-Xmx2g",
            description = "JVM options of the server, space-separated; give them as --server-java-options=… "
                    + "(${DEFAULT-VALUE}).")
    List<String> serverJavaOptions;

    @Option(names = "--postgres-url", defaultValue = "${env:USERMETA_TEST_POSTGRES_URL}",
            description = "JDBC URL of a PostgreSQL whose user may create databases"
                    + " (env USERMETA_TEST_POSTGRES_URL, which bench/run sets).")
    String postgresUrl;

    @Option(names = "--work-dir", defaultValue = "target/bench",
            description = "For databases, server logs and results (${DEFAULT-VALUE}).")
    Path workDirectory;

    /** Runs the benchmark with the given options; {@code --help} lists them. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadBenchmark()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        Files.createDirectories(workDirectory);
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path resultsFile = workDirectory.resolve("results-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started) + ".md");
        CensusUsers census = CensusUsers.load(Math.max(users, smallUsers));

        List<RunResult> runs = new ArrayList<>();
        for (DatabaseKind kind : databases) {
            for (long size : sizes()) {
                runs.add(runOnce(kind, size, census));
                // Written after every run, so that a failure late in a long benchmark keeps what went before.
                Files.writeString(resultsFile, Report.render(setup(census, started), runs), StandardCharsets.UTF_8);
            }
        }

        spec.commandLine().getOut().print(Report.render(setup(census, started), runs));
        spec.commandLine().getOut().flush();
        LOG.info("Results written to {}", resultsFile);
        return 0;
    }

    private void checkOptions() {
        if (databases.contains(DatabaseKind.POSTGRESQL) && (postgresUrl == null || postgresUrl.isBlank())) {
            throw new ParameterException(spec.commandLine(),
                    "postgresql needs --postgres-url or USERMETA_TEST_POSTGRES_URL (bench/run starts one)");
        }
        if (!Files.isRegularFile(serverJar)) {
            throw new ParameterException(spec.commandLine(), serverJar + " is missing; build the server first");
        }
        int mostIds = IDS_PER_GET.get(IDS_PER_GET.size() - 1);
        if (users < mostIds || (smallUsers > 0 && smallUsers < mostIds) || importThreads < 1 || usersPerDocument < 1
                || clusterRequests < 0) {
            throw new ParameterException(spec.commandLine(), "need at least " + mostIds + " users in each database,"
                    + " 1 thread, 1 user per document and no negative --cluster-requests");
        }
    }

    private List<Long> sizes() {
        return smallUsers > 0 && smallUsers != users ? List.of(users, smallUsers) : List.of(users);
    }

    /** A fresh database, a server on it, the import and the GETs; the server is stopped whatever happens. */
    private RunResult runOnce(DatabaseKind kind, long size, CensusUsers census) throws Exception {
        String name = "bench_" + kind.name().toLowerCase(Locale.ROOT) + "_" + size;
        LOG.info("{}: {} users", kind, size);
        try (FreshDatabase database = create(kind, name)) {
            ImportResult imported;
            List<LatencyResult> latencies;
            List<ClusterResult> clusters;
            long peakResident;
            Path log = workDirectory.resolve(name + "-server.log");
            try (BenchServer server = BenchServer.start(serverJar, serverJavaOptions, database.url(), log)) {
                imported = Importer.run(server.client(), census, size, usersPerDocument, importThreads);
                LOG.info("Imported {} users in {} s", size, imported.elapsedNanos() / 1_000_000_000);
                latencies = measureGets(new LatencyProbe(server.client(), census, size, seed));
                clusters = clusterRequests == 0 ? List.of() : new ClusterProbe(server.client(), census, size, seed,
                        clusterRequests, Duration.ofSeconds(phaseSeconds)).measure();
                latencies.add(replaces(new LatencyProbe(server.client(), census, size, seed)));
                peakResident = server.peakResidentBytes();
            }
            return new RunResult(database.product(), imported, latencies, clusters, database.sizeBytes(),
                    peakResident);
        }
    }

    private FreshDatabase create(DatabaseKind kind, String name) throws SQLException {
        return switch (kind) {
            case H2 -> FreshDatabase.h2(workDirectory, name);
            case POSTGRESQL -> FreshDatabase.postgres(postgresUrl, name);
        };
    }

    private List<LatencyResult> measureGets(LatencyProbe probe) throws IOException, InterruptedException {
        List<LatencyResult> results = new ArrayList<>();
        for (int idsPerGet : IDS_PER_GET) {
            // With a single id the two ways of choosing are the same.
            List<Sampling> samplings = idsPerGet == 1 ? List.of(Sampling.RANDOM) : List.of(Sampling.values());
            for (Sampling sampling : samplings) {
                results.add(logged(
                        probe.measureGets(idsPerGet, sampling, warmUp, requests, Duration.ofSeconds(phaseSeconds))));
            }
        }
        return results;
    }

    private LatencyResult replaces(LatencyProbe probe) throws IOException, InterruptedException {
        return logged(probe.measureReplaces(warmUp, requests, Duration.ofSeconds(phaseSeconds)));
    }

    private static LatencyResult logged(LatencyResult result) {
        LOG.info("{}: {} measured, p50 {} µs, p99 {} µs", result.request(), result.latency().getTotalCount(),
                result.latency().getValueAtPercentile(50) / 1000, result.latency().getValueAtPercentile(99) / 1000);
        return result;
    }

    private List<String> setup(CensusUsers census, Instant started) {
        String columns = CensusUsers.COLUMNS.stream()
                .map(column -> column.key() + " " + column.type() + " (" + column.source() + ")")
                .collect(Collectors.joining(", "));
        return List.of(
                "Run: from " + started + " for " + Duration.between(started, Instant.now()).toMinutes()
                        + " min, on " + Machine.describe(),
                "Server: `" + serverJar + "` in its own JVM (" + String.join(" ", serverJavaOptions)
                        + "), default pool of 16 connections, on 127.0.0.1",
                "Import: " + importThreads + " client threads, " + usersPerDocument + " users per POST, one POST"
                        + " per source; users cycle through the " + census.rows() + " census rows, 8 attributes"
                        + " each: " + columns,
                "GETs and replaces: one client, one request at a time; per case " + warmUp + " warm-up and "
                        + requests + " measured requests, each phase cut at " + phaseSeconds + " s;"
                        + " ids drawn with seed " + seed + "; GETs ask for all sources; a replace POSTs one"
                        + " random user's set of one source, taken from another census row",
                "Cluster queries: one client, one request at a time, a tenth of the requests as warm-up;"
                        + " 52 saved segments; member pages start after a random user");
    }

    /** The databases the benchmark knows how to create afresh. */
    enum DatabaseKind {
        H2, POSTGRESQL
    }
}
