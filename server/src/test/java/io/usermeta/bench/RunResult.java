package io.usermeta.bench;

import java.util.List;

/**
 * One database filled once: its import and the GETs measured on it.
 *
 * @param database the database product and version
 * @param imported how the import went
 * @param latencies the GETs measured afterwards
 * @param clusters the cluster queries measured after the GETs
 * @param databaseBytes what the database took on disk at the end
 * @param serverPeakResidentBytes the most memory the server process held, or -1 where unknown
 */
record RunResult(String database, ImportResult imported, List<LatencyResult> latencies,
        List<ClusterResult> clusters, long databaseBytes,
        long serverPeakResidentBytes) {

    long users() {
        return imported.users();
    }
}
