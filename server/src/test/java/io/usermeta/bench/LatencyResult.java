package io.usermeta.bench;

import org.HdrHistogram.Histogram;

/**
 * The latency of one kind of request, measured by one client sending one request at a time.
 *
 * @param request what each request did, as the report names it
 * @param latency each measured request's time in nanoseconds, from sending to the whole answer read
 * @param elapsedNanos the time all measured requests took together
 */
record LatencyResult(String request, Histogram latency, long elapsedNanos) {

    double requestsPerSecond() {
        return latency.getTotalCount() * 1e9 / elapsedNanos;
    }
}
