package io.usermeta.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs calls at the same moment: each waits on a thread of its own until all are handed over, then
 * all are released together. Close it to end its threads.
 */
public final class Race implements AutoCloseable {
    private static final long MINUTES_PER_CALL = 3;

    private final ExecutorService threads;

    private Race(int runners) {
        this.threads = Executors.newFixedThreadPool(runners);
    }

    /** A race with threads for {@code runners} calls at once. */
    public static Race withRunners(int runners) {
        return new Race(runners);
    }

    /** Runs {@code calls} released together and returns their results in the given order. */
    public <T> List<T> run(List<Callable<T>> calls) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> pending = new ArrayList<>();
        for (Callable<T> call : calls) {
            pending.add(threads.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        return pending.stream().map(Race::result).toList();
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get(MINUTES_PER_CALL, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a call in the race failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("a call in the race still runs after " + MINUTES_PER_CALL + " minutes", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
