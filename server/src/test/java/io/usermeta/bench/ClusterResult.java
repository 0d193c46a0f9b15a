package io.usermeta.bench;

import org.HdrHistogram.Histogram;

/**
 * The latency of one cluster query, measured by one client sending one request at a time.
 *
 * @param query what was asked
 * @param target the latency the product aims at, or a dash
 * @param latency each measured request's time in nanoseconds, from sending to the whole body read
 */
record ClusterResult(String query, String target, Histogram latency) {}
