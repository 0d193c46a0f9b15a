package io.usermeta.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports users {@code 0 … n-1} through POST, documents of consecutive users shared out among several
 * client threads, each of which sends its next document as soon as the last one is answered. Each
 * range of users takes one document per source.
 */
final class Importer {
    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);
    private static final int TENTHS = 10;

    private final BenchClient client;
    private final CensusUsers census;
    private final long users;
    private final int usersPerDocument;
    private final long documents;
    private final AtomicLong nextDocument = new AtomicLong();
    private final AtomicLong documentsDone = new AtomicLong();
    private final AtomicLongArray tenthDoneAt = new AtomicLongArray(TENTHS + 1);

    private Importer(BenchClient client, CensusUsers census, long users, int usersPerDocument) {
        this.client = client;
        this.census = census;
        this.users = users;
        this.usersPerDocument = usersPerDocument;
        this.documents = (users + usersPerDocument - 1) / usersPerDocument;
    }

    /** Imports {@code users} users with {@code threads} threads; fails on the first POST that fails. */
    static ImportResult run(BenchClient client, CensusUsers census, long users, int usersPerDocument, int threads)
            throws InterruptedException {
        return new Importer(client, census, users, usersPerDocument).run(threads);
    }

    private ImportResult run(int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Histogram>> workers = new ArrayList<>();
        long started = System.nanoTime();
        tenthDoneAt.set(0, started);
        for (int thread = 0; thread < threads; thread++) {
            workers.add(pool.submit(this::postDocuments));
        }

        Histogram postLatency = newHistogram();
        try {
            for (Future<Histogram> worker : workers) {
                postLatency.add(worker.get());
            }
        } catch (ExecutionException e) {
            // The others would go on posting into a run that has already failed.
            nextDocument.set(documents);
            throw new IllegalStateException("the import failed", e.getCause());
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        long elapsed = System.nanoTime() - started;

        return new ImportResult(users, users * census.attributesPerUser(), threads, usersPerDocument, elapsed,
                tenthDoneAt.get(1) - tenthDoneAt.get(0), tenthDoneAt.get(TENTHS) - tenthDoneAt.get(TENTHS - 1),
                postLatency);
    }

    private Histogram postDocuments() throws Exception {
        Histogram latency = newHistogram();
        for (long document = nextDocument.getAndIncrement(); document < documents;
                document = nextDocument.getAndIncrement()) {
            long from = document * usersPerDocument;
            long answered = 0;
            for (String source : CensusUsers.SOURCES) {
                byte[] body = census.document(source, from, Math.min(users, from + usersPerDocument));
                long sent = System.nanoTime();
                client.postUsers(source, body);
                answered = System.nanoTime();
                latency.recordValue(Math.min(answered - sent, latency.getHighestTrackableValue()));
            }
            noteDone(answered);
        }
        return latency;
    }

    /** Records when each tenth of the documents was complete, to show whether the rate falls as tables grow. */
    private void noteDone(long now) {
        long done = documentsDone.incrementAndGet();
        long tenth = done * TENTHS / documents;
        long previousTenth = (done - 1) * TENTHS / documents;
        // With fewer than ten documents one document completes several tenths at once.
        for (long completed = previousTenth + 1; completed <= tenth; completed++) {
            tenthDoneAt.set((int) completed, now);
        }
        if (tenth > previousTenth) {
            String seconds = String.format(Locale.ROOT, "%.1f", (now - tenthDoneAt.get(0)) / 1e9);
            LOG.info("Imported {}% ({} of {} documents) in {} s", tenth * TENTHS, done, documents, seconds);
        }
    }

    static Histogram newHistogram() {
        return new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
    }
}
