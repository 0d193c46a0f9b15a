package io.usermeta.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * A closed loop of GETs or of replaces: one client, each request sent when the last has been answered,
 * so that the time measured is a request's own and not time spent queueing behind others. Each GET's
 * answer is checked to hold every user asked for, outside the timed span, so that no figure comes from
 * misses.
 */
final class LatencyProbe {
    private final BenchClient client;
    private final CensusUsers census;
    private final long users;
    private final SplittableRandom random;

    LatencyProbe(BenchClient client, CensusUsers census, long users, long seed) {
        this.client = client;
        this.census = census;
        this.users = users;
        this.random = new SplittableRandom(seed);
    }

    /**
     * Sends up to {@code warmUp} unmeasured GETs, then up to {@code requests} measured ones, each of
     * {@code idsPerGet} ids. Each phase also ends after {@code limit}, so that a slow case cannot stall
     * the whole benchmark; the result counts the GETs actually measured.
     */
    LatencyResult measureGets(int idsPerGet, Sampling sampling, int warmUp, int requests, Duration limit)
            throws IOException, InterruptedException {
        String request = idsPerGet == 1 ? "GET of 1 id"
                : String.format(Locale.ROOT, "GET of %,d %s ids", idsPerGet, sampling.label());
        return measure(request, () -> timedGet(idsPerGet, sampling), warmUp, requests, limit);
    }

    /**
     * As {@link #measureGets}, for POSTs that replace one random user's set of one source with the values of
     * another census row, so that every replace deletes, inserts and moves value counts. The stored data no
     * longer follows the census afterwards, so this comes after every measurement that relies on it.
     */
    LatencyResult measureReplaces(int warmUp, int requests, Duration limit) throws IOException, InterruptedException {
        return measure("POST replacing 1 user's set of 1 source", this::timedReplace, warmUp, requests, limit);
    }

    private LatencyResult measure(String request, TimedRequest timed, int warmUp, int requests, Duration limit)
            throws IOException, InterruptedException {
        long warmUpEnd = System.nanoTime() + limit.toNanos();
        for (int sent = 0; sent < warmUp && System.nanoTime() < warmUpEnd; sent++) {
            timed.nanos();
        }

        Histogram latency = Importer.newHistogram();
        long started = System.nanoTime();
        long end = started + limit.toNanos();
        for (int sent = 0; sent < requests && System.nanoTime() < end; sent++) {
            latency.recordValue(Math.min(timed.nanos(), latency.getHighestTrackableValue()));
        }
        return new LatencyResult(request, latency, System.nanoTime() - started);
    }

    private long timedReplace() throws IOException, InterruptedException {
        String source = CensusUsers.SOURCES.get(random.nextInt(CensusUsers.SOURCES.size()));
        byte[] document = census.userDocument(source, random.nextLong(users), random.nextInt(census.rows()));

        long sent = System.nanoTime();
        client.postUsers(source, document);
        return System.nanoTime() - sent;
    }

    private long timedGet(int idsPerGet, Sampling sampling) throws IOException, InterruptedException {
        String idList = idList(idsPerGet, sampling);

        long sent = System.nanoTime();
        String body = client.getUsers(idList);
        long read = System.nanoTime();

        int found = countUsers(body);
        if (found != idsPerGet) {
            throw new IllegalStateException("asked for " + idsPerGet + " users, got " + found + ": " + idList);
        }
        return read - sent;
    }

    /** One request sent and answered; its time in nanoseconds. */
    @FunctionalInterface
    private interface TimedRequest {
        long nanos() throws IOException, InterruptedException;
    }

    private String idList(int idsPerGet, Sampling sampling) {
        Set<Long> indexes = new LinkedHashSet<>();
        if (sampling == Sampling.CONSECUTIVE) {
            long start = random.nextLong(users - idsPerGet + 1);
            for (long index = start; index < start + idsPerGet; index++) {
                indexes.add(index);
            }
        } else {
            while (indexes.size() < idsPerGet) {
                indexes.add(random.nextLong(users));
            }
        }
        return indexes.stream().map(census::userId).collect(Collectors.joining(","));
    }

    /** The {@code <user>} elements of a response; ids are plain, so a text search is exact. */
    private static int countUsers(String body) {
        int count = 0;
        for (int at = body.indexOf("<user "); at >= 0; at = body.indexOf("<user ", at + 1)) {
            count++;
        }
        return count;
    }
}
