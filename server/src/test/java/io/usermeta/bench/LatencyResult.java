package io.usermeta.bench;

import org.HdrHistogram.Histogram;

/**
 * The latency of one kind of GET, measured by one client sending one request at a time.
 *
 * @param idsPerGet the user ids each GET lists
 * @param sampling how those ids were chosen
 * @param latency each measured GET's time in nanoseconds, from sending to the whole body read
 * @param elapsedNanos the time all measured GETs took together
 */
record LatencyResult(int idsPerGet, Sampling sampling, Histogram latency, long elapsedNanos) {

    double requestsPerSecond() {
        return latency.getTotalCount() * 1e9 / elapsedNanos;
    }
}
