package io.usermeta.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times the cluster queries on the imported census users: 50 saved segments, then closed loops (one
 * request at a time) of distributions, segment counts, member pages from random places, memberships of
 * random users, the catalogue and ad-hoc evaluation. Every answer is checked for the element it must
 * hold, outside the timed span.
 *
 * <p>Before each request one random user is posted again, untimed. The tables thus change between
 * requests as they do in service, and no database can answer a repeated query from a cache of its
 * last result (H2 reuses the result of an identical query while its tables are unchanged).
 */
final class ClusterProbe {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterProbe.class);

    /** The two-predicate segment the targets name: about a tenth of the census. */
    static final String TWO_PREDICATES = "<segment><condition op=\"allOf\">"
            + "<condition op=\"equals\" key=\"sex\" value=\"Female\"/>"
            + "<condition op=\"range\" key=\"age\" type=\"NUMERIC\" gte=\"25\" lt=\"35\"/></condition></segment>";

    /** A selective segment (a few in a thousand), where a page of members must search further. */
    static final String SELECTIVE = "<segment><condition op=\"allOf\">"
            + "<condition op=\"equals\" key=\"education\" value=\"Doctorate\" source=\"survey\"/>"
            + "<condition op=\"equals\" key=\"sex\" value=\"Female\"/></condition></segment>";

    private static final List<String> EDUCATION = List.of("Bachelors", "Some-college", "11th", "HS-grad",
            "Prof-school", "Assoc-acdm", "Assoc-voc", "9th", "7th-8th", "12th", "Masters", "1st-4th", "10th",
            "Doctorate", "5th-6th", "Preschool");
    private static final List<String> MARITAL = List.of("Married-civ-spouse", "Divorced", "Never-married",
            "Separated", "Widowed", "Married-spouse-absent", "Married-AF-spouse");
    private static final List<String> RACE = List.of("White", "Asian-Pac-Islander", "Amer-Indian-Eskimo",
            "Other", "Black");
    private static final int SAVED_SEGMENTS = 50;

    private final BenchClient client;
    private final CensusUsers census;
    private final long users;
    private final SplittableRandom random;
    private final int requests;
    private final Duration limit;

    ClusterProbe(BenchClient client, CensusUsers census, long users, long seed, int requests, Duration limit) {
        this.client = client;
        this.census = census;
        this.users = users;
        this.random = new SplittableRandom(seed);
        this.requests = requests;
        this.limit = limit;
    }

    /** Saves the segments, then measures each query; returns one result per query. */
    List<ClusterResult> measure() throws IOException, InterruptedException {
        saveSegments();
        List<ClusterResult> results = new ArrayList<>();
        results.add(time("Distribution of a NOMINAL key (education, 16 values)", "≤ 1 s", Math.max(3, requests / 10),
                () -> expect(client.get("/attributes/education/distribution"), "<value ")));
        results.add(time("Distribution of a NOMINAL key (sex, 2 values)", "≤ 1 s", Math.max(3, requests / 10),
                () -> expect(client.get("/attributes/sex/distribution"), "<value ")));
        results.add(time("Histogram of a NUMERIC key (age, 10 buckets)", "–", Math.max(3, requests / 10),
                () -> expect(client.get("/attributes/age/distribution?buckets=10"), "<bucket ")));
        results.add(time("Count of a two-predicate segment (sex = Female, age 25–34)", "≤ 1 s",
                Math.max(3, requests / 10),
                () -> expect(client.get("/segments/women-25-34/members?limit=1&count=true"), "count=")));
        results.add(time("Page of 1,000 members from a random place, two-predicate segment", "≤ 100 ms", requests,
                () -> expect(client.get("/segments/women-25-34/members?limit=1000&count=false&cursor="
                        + randomCursor()), "<user ")));
        results.add(time("Page of 1,000 members from a random place, selective segment", "–", requests,
                () -> expect(client.get("/segments/doctorate-women/members?limit=1000&count=false&cursor="
                        + randomCursor()), "<members")));
        results.add(time("Segments of a random user, over " + (SAVED_SEGMENTS + 2) + " saved segments", "≤ 20 ms",
                requests * 5, () -> expect(client.get("/memberships/" + census.userId(random.nextLong(users))),
                        "<memberships ")));
        results.add(time("Ad-hoc evaluation of the two-predicate condition (count and 1,000 ids)", "–",
                Math.max(3, requests / 10), () -> expect(client.send("POST", "/evaluate", conditionOf(TWO_PREDICATES),
                        200), "count=")));
        results.add(time("Attribute catalogue (8 keys)", "–", 3,
                () -> expect(client.get("/attributes"), "<key ")));
        return results;
    }

    private void saveSegments() throws IOException, InterruptedException {
        List<String> segments = new ArrayList<>();
        EDUCATION.forEach(value -> segments.add(nominal("education", value)));
        MARITAL.forEach(value -> segments.add("<segment><condition op=\"allOf\">" + equals("marital-status", value)
                + "<condition op=\"range\" key=\"hours-per-week\" type=\"NUMERIC\" gte=\"40\"/>"
                + "</condition></segment>"));
        RACE.forEach(value -> segments.add("<segment><condition op=\"anyOf\">" + equals("race", value)
                + "<condition op=\"range\" key=\"capital-gain\" type=\"NUMERIC\" gt=\"10000\"/></condition>"
                + "</segment>"));
        for (int decade = 1; segments.size() < SAVED_SEGMENTS; decade++) {
            segments.add("<segment><condition op=\"allOf\"><condition op=\"range\" key=\"age\" type=\"NUMERIC\""
                    + " gte=\"" + decade * 10 + "\" lt=\"" + (decade + 1) * 10 + "\"/><condition op=\"not\">"
                    + equals("relationship", "Husband") + "</condition></condition></segment>");
        }
        for (int i = 0; i < segments.size(); i++) {
            put(String.format(Locale.ROOT, "segment-%02d", i), segments.get(i));
        }
        put("women-25-34", TWO_PREDICATES);
        put("doctorate-women", SELECTIVE);
    }

    private void put(String name, String segment) throws IOException, InterruptedException {
        client.send("PUT", "/segments/" + name, segment.getBytes(StandardCharsets.UTF_8), 201);
    }

    private static String nominal(String key, String value) {
        return "<segment>" + equals(key, value) + "</segment>";
    }

    private static String equals(String key, String value) {
        return "<condition op=\"equals\" key=\"" + key + "\" value=\"" + value + "\"/>";
    }

    private static byte[] conditionOf(String segment) {
        return segment.replace("<segment>", "").replace("</segment>", "").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A cursor that continues after a random user. Cursors are opaque to clients; the benchmark makes
     * them the way the server does, to start pages anywhere without paging there first.
     */
    private String randomCursor() {
        byte[] after = census.userId(random.nextLong(users)).getBytes(StandardCharsets.UTF_8);
        CRC32 checksum = new CRC32();
        checksum.update(after);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(after.length + Integer.BYTES)
                .put(after).putInt((int) checksum.getValue()).array());
    }

    private ClusterResult time(String query, String target, int count, Call call)
            throws IOException, InterruptedException {
        int warmUp = Math.max(1, count / 10);
        for (int i = 0; i < warmUp; i++) {
            touchOneUser();
            call.run();
        }
        Histogram latency = Importer.newHistogram();
        long end = System.nanoTime() + limit.toNanos();
        for (int i = 0; i < count && System.nanoTime() < end; i++) {
            touchOneUser();
            long sent = System.nanoTime();
            String body = call.run();
            latency.recordValue(Math.min(System.nanoTime() - sent, latency.getHighestTrackableValue()));
            if (body == null) {
                throw new IllegalStateException(query + ": no answer");
            }
        }
        LOG.info("{}: {} measured, p50 {} ms, p99 {} ms", query, latency.getTotalCount(),
                latency.getValueAtPercentile(50) / 1_000_000, latency.getValueAtPercentile(99) / 1_000_000);
        return new ClusterResult(query, target, latency);
    }

    private void touchOneUser() throws IOException, InterruptedException {
        long user = random.nextLong(users);
        String source = CensusUsers.SOURCES.get(0);
        client.postUsers(source, census.document(source, user, user + 1));
    }

    private static String expect(String body, String mark) {
        if (!body.contains(mark)) {
            throw new IllegalStateException("the answer lacks " + mark + ": " + body.substring(0,
                    Math.min(500, body.length())));
        }
        return body;
    }

    /** One timed request. */
    @FunctionalInterface
    private interface Call {
        String run() throws IOException, InterruptedException;
    }
}
