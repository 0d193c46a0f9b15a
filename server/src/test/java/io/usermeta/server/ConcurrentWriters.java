package io.usermeta.server;

import io.usermeta.testing.HttpApi;
import io.usermeta.testing.UserAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Writers that each post, without pause, a numbered document over users of their own, remembering
 * the last number acknowledged with 204 and the one in flight, until the server goes away.
 */
final class ConcurrentWriters {
    private static final int USERS_PER_WRITER = 5;
    private static final int ATTRIBUTES_PER_USER = 10;

    private final String prefix;
    private final AtomicIntegerArray acknowledged;
    private final AtomicIntegerArray inFlight;
    private final List<Thread> threads = new ArrayList<>();

    private ConcurrentWriters(String prefix, int writers) {
        this.prefix = prefix;
        this.acknowledged = new AtomicIntegerArray(writers);
        this.inFlight = new AtomicIntegerArray(writers);
    }

    static ConcurrentWriters start(HttpApi api, String prefix, int writers) {
        ConcurrentWriters all = new ConcurrentWriters(prefix, writers);
        for (int writer = 0; writer < writers; writer++) {
            int id = writer;
            Thread thread = new Thread(() -> all.write(api, id), "writer-" + id);
            all.threads.add(thread);
            thread.start();
        }
        return all;
    }

    private void write(HttpApi api, int writer) {
        for (int number = 1; ; number++) {
            inFlight.set(writer, number);
            try {
                if (api.postUsers("crash", document(writer, number)).statusCode() != 204) {
                    return;
                }
            } catch (RuntimeException serverGone) {
                return;
            }
            acknowledged.set(writer, number);
        }
    }

    void awaitStopped() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Writers whose users, read from {@code api}, do not hold one of their two possible numbers. */
    List<String> regressions(HttpApi api) {
        List<String> problems = new ArrayList<>();
        for (int writer = 0; writer < threads.size(); writer++) {
            Map<String, List<UserAttribute>> stored = api.getUsers("crash", document(writer, 0).keySet());
            int expected = acknowledged.get(writer);
            int possible = inFlight.get(writer);
            for (Map.Entry<String, List<UserAttribute>> user : document(writer, 0).entrySet()) {
                int found = numberOf(stored.get(user.getKey()));
                if (found != expected && found != possible) {
                    problems.add(user.getKey() + ": acknowledged " + expected + ", in flight " + possible
                            + ", stored " + found);
                }
            }
        }
        return problems;
    }

    private Map<String, List<UserAttribute>> document(int writer, int number) {
        Map<String, List<UserAttribute>> users = new LinkedHashMap<>();
        for (int user = 0; user < USERS_PER_WRITER; user++) {
            List<UserAttribute> attributes = new ArrayList<>();
            for (int attribute = 0; attribute < ATTRIBUTES_PER_USER; attribute++) {
                attributes.add(new UserAttribute("k" + attribute, Integer.toString(number), "NUMERIC"));
            }
            users.put(prefix + "-w" + writer + "-u" + user, attributes);
        }
        return users;
    }

    /** The number a user's attributes carry, 0 for an absent user; -1 when they disagree. */
    private static int numberOf(List<UserAttribute> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return 0;
        }
        String first = attributes.get(0).value();
        return attributes.stream().allMatch(attribute -> attribute.value().equals(first))
                ? Integer.parseInt(first) : -1;
    }
}
