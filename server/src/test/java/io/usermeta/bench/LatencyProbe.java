package io.usermeta.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * A closed loop of GETs: one client, each request sent when the last has been read, so that the time
 * measured is a request's own and not time spent queueing behind others. Each answer is checked to
 * hold every user asked for, outside the timed span, so that no figure comes from misses.
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
    LatencyResult measure(int idsPerGet, Sampling sampling, int warmUp, int requests, Duration limit)
            throws IOException, InterruptedException {
        long warmUpEnd = System.nanoTime() + limit.toNanos();
        for (int request = 0; request < warmUp && System.nanoTime() < warmUpEnd; request++) {
            timedGet(idsPerGet, sampling);
        }

        Histogram latency = Importer.newHistogram();
        long started = System.nanoTime();
        long end = started + limit.toNanos();
        for (int request = 0; request < requests && System.nanoTime() < end; request++) {
            latency.recordValue(Math.min(timedGet(idsPerGet, sampling), latency.getHighestTrackableValue()));
        }
        return new LatencyResult(idsPerGet, sampling, latency, System.nanoTime() - started);
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
