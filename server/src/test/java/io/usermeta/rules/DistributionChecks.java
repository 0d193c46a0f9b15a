package io.usermeta.rules;

import static io.usermeta.testing.ErrorBodies.assertError;
import static io.usermeta.testing.UserAttribute.nominal;
import static io.usermeta.testing.UserAttribute.numeric;
import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.testing.ClusterBodies.Bucket;
import io.usermeta.testing.ClusterBodies.CatalogueKey;
import io.usermeta.testing.ClusterBodies.Distribution;
import io.usermeta.testing.ClusterBodies.ValueCount;
import io.usermeta.testing.ClusterReads;
import io.usermeta.testing.HttpApi;
import io.usermeta.testing.RunningServer;
import io.usermeta.testing.UserAttribute;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The distribution of one key over small hand-built data: users counted once per value or bucket, source
 * and type restriction, long values, decimals and dates in buckets, and the parameters' validation. Each
 * check uses keys and users of its own; the fixtures posted once are only read.
 */
class DistributionChecks {
    private static final String API = "/api/00000/";
    private static final String FIXTURES = "fixtures";

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    private static HttpApi http;
    private static ClusterReads api;

    /** One key of each type for the parameter checks, and the dates the date checks read. */
    @BeforeAll
    static void postFixtures() {
        http = SERVER.api();
        api = new ClusterReads(http);
        post(FIXTURES, "typed", nominal("colour", "red"), numeric("amount", "5"), date("born", "2014-08-07"),
                dateTime("stamp", "2014-08-07T14:43:12"), text("notes", "good products, fast delivery"));
        post(FIXTURES, "registered-1", date("registered", "2014-08-07"), date("registered", "2014-08-09"));
        post(FIXTURES, "registered-2", date("registered", "2014-08-07"));
        post(FIXTURES, "registered-3", date("registered", "2014-08-31"));
        post(FIXTURES, "registered-4", date("registered", "2014-09-01"));
        post(FIXTURES, "registered-5", date("registered", "2015-01-01"));
        post(FIXTURES, "registered-6", date("registered", "2013-12-31"));
        post(FIXTURES, "seen-1", dateTime("seen", "2014-08-07T23:59:59.999999"));
        post(FIXTURES, "seen-2", dateTime("seen", "2014-08-07T24:00:00"));
        post(FIXTURES, "seen-3", dateTime("seen", "2014-12-31T24:00:00"));
        post(FIXTURES, "seen-4", dateTime("seen", "2014-08-08T00:00:00.5"));
        post(FIXTURES, "seen-5", dateTime("seen", "2014-08-07T23:59:59.9999999"));
        post(FIXTURES, "seen-6", dateTime("seen", "2014-08-07T00:00:00"));
    }

    /** A user counts once per value however many of its sources hold it, and equal counts are ordered by value. */
    @Test
    void multiValuedKeyCountsEachUserOncePerValue() {
        post("films", "multi-1", nominal("genre", "comedy"), nominal("genre", "horror"));
        post("ratings", "multi-1", nominal("genre", "comedy"));
        post("films", "multi-2", nominal("genre", "horror"));
        post("ratings", "multi-3", nominal("genre", "drama"), nominal("genre", "comedy"));

        Distribution distribution = api.distribution("genre", "");

        assertThat(distribution.users()).isEqualTo(3);
        assertThat(distribution.distinctValues()).isEqualTo(3);
        assertThat(distribution.values()).containsExactly(new ValueCount("comedy", 2), new ValueCount("horror", 2),
                new ValueCount("drama", 1));
    }

    /** With source, only that source's values and users count, and the answer names the source. */
    @Test
    void sourceRestrictionCountsOnlyThatSource() {
        post("shop", "brand-1", nominal("brand", "Acme"), nominal("brand", "Globex"));
        post("social", "brand-1", nominal("brand", "Acme"));
        post("shop", "brand-2", nominal("brand", "Globex"));
        post("social", "brand-3", nominal("brand", "Acme"), nominal("brand", "Initech"));

        Distribution shop = api.distribution("brand", "source=shop");
        Distribution social = api.distribution("brand", "source=social");
        Distribution elsewhere = api.distribution("brand", "source=elsewhere");

        assertThat(shop.source()).isEqualTo("shop");
        assertThat(shop.users()).isEqualTo(2);
        assertThat(shop.values()).containsExactly(new ValueCount("Globex", 2), new ValueCount("Acme", 1));
        assertThat(social.users()).isEqualTo(2);
        assertThat(social.distinctValues()).isEqualTo(2);
        assertThat(social.values()).containsExactly(new ValueCount("Acme", 2), new ValueCount("Initech", 1));
        assertThat(elsewhere.users()).isZero();
        assertThat(elsewhere.values()).isEmpty();
    }

    /** A key holding values of several types needs type: without it the 400 names the types it holds. */
    @Test
    void keyOfSeveralTypesNeedsType() {
        post("legacy", "mixed-1", nominal("mixed", "ten"));
        post("legacy", "mixed-2", numeric("mixed", "10"));
        post("modern", "mixed-3", date("mixed", "2014-08-07"));

        HttpResponse<String> response = api.getDistribution("mixed", "");

        assertError(response, 400).contains("type", "DATE", "NOMINAL", "NUMERIC");
    }

    /** The type parameter counts the values of that one type of a key that holds several. */
    @Test
    void typePicksOneTypeOfAKeyOfSeveral() {
        post("legacy", "picked-1", nominal("picked", "ten"));
        post("legacy", "picked-2", numeric("picked", "10"), numeric("picked", "12.5"));
        post("modern", "picked-3", numeric("picked", "7"));

        Distribution numbers = api.distribution("picked", "type=NUMERIC");
        Distribution names = api.distribution("picked", "type=NOMINAL");

        assertThat(numbers.type()).isEqualTo("NUMERIC");
        assertThat(numbers.users()).isEqualTo(2);
        assertThat(numbers.distinctValues()).isEqualTo(3);
        assertThat(numbers.min()).isEqualTo("7");
        assertThat(numbers.max()).isEqualTo("12.5");
        assertThat(names.type()).isEqualTo("NOMINAL");
        assertThat(names.values()).containsExactly(new ValueCount("ten", 1));
    }

    /** The catalogue lists every type of a key in alphabetical order and every source by name. */
    @Test
    void catalogueListsEveryTypeAndSourceOfAKey() {
        post("zeta", "listed-1", nominal("listed", "ten"));
        post("alpha", "listed-2", numeric("listed", "10"));
        post("mu", "listed-3", date("listed", "2014-08-07"));

        List<CatalogueKey> catalogue = api.catalogue();

        assertThat(catalogue).filteredOn(key -> key.name().equals("listed")).containsExactly(new CatalogueKey(
                "listed", 3, 3, List.of("DATE", "NOMINAL", "NUMERIC"), List.of("alpha", "mu", "zeta")));
        assertThat(catalogue).extracting(CatalogueKey::name).isSorted();
    }

    /**
     * The catalogue and the distribution of a key of one type and source count its different values alike,
     * also where two values are written differently but compare equal (1 and 1.0, 24:00:00 and 00:00:00).
     */
    @ParameterizedTest
    @CsvSource({"level, NUMERIC, 1, 1.0, 2",
        "opened, DATETIME, 2014-08-07T24:00:00, 2014-08-08T00:00:00, 2014-08-09T10:00:00"})
    void catalogueAndDistributionCountTheSameDistinctValues(String key, String type, String first, String second,
            String third) {
        postOneEach("levels", key, new UserAttribute(key, first, type), new UserAttribute(key, second, type),
                new UserAttribute(key, third, type));

        Distribution distribution = api.distribution(key, "");
        List<CatalogueKey> catalogue = api.catalogue();

        assertThat(catalogue).filteredOn(entry -> entry.name().equals(key)).extracting(CatalogueKey::distinctValues)
                .containsExactly(distribution.distinctValues());
    }

    /** A key nobody has is answered with no users, no values and no buckets, whatever its type. */
    @ParameterizedTest
    @ValueSource(strings = {"", "type=NOMINAL&limit=5", "type=NUMERIC&buckets=5", "type=NUMERIC&edges=1,2",
        "type=DATE&granularity=day", "type=TEXT"})
    void unknownKeyHasNoUsers(String query) {
        Distribution distribution = api.distribution("nobody-has-this", query);

        assertThat(distribution.users()).isZero();
        assertThat(distribution.distinctValues()).isZero();
        assertThat(distribution.values()).isEmpty();
        assertThat(distribution.buckets()).isEmpty();
        assertThat(distribution.min()).isNull();
        assertThat(distribution.max()).isNull();
    }

    /**
     * Without a type, the parameters of a date or numeric distribution of a key nobody has name its
     * type, so the empty answer comes instead of a refusal.
     */
    @ParameterizedTest
    @CsvSource({"granularity=year, DATE", "'edges=0,5,10', NUMERIC", "buckets=4, NUMERIC", "limit=5, NOMINAL"})
    void unknownKeyTakesItsTypeFromTheParameters(String query, String type) {
        Distribution distribution = api.distribution("nobody-has-this-either", query);

        assertThat(distribution.type()).isEqualTo(type);
        assertThat(distribution.users()).isZero();
        assertThat(distribution.values()).isEmpty();
        assertThat(distribution.buckets()).isEmpty();
    }

    /** Values longer than 200 characters, even with a common beginning, count apart and come back exactly. */
    @Test
    void longValuesComeBackExactly() {
        String common = "Stra\u00dfe \u6771\u4eac ".repeat(20);
        String shorter = common + "a".repeat(60);
        String longer = common + "b".repeat(1_024 - common.length());
        String text = "good products, fast delivery; ".repeat(200);
        post("long", "long-1", nominal("long-nominal", shorter), new UserAttribute("long-text", text, "TEXT"));
        post("long", "long-2", nominal("long-nominal", shorter), new UserAttribute("long-text", text, "TEXT"));
        post("long", "long-3", nominal("long-nominal", longer));

        Distribution nominals = api.distribution("long-nominal", "");
        Distribution texts = api.distribution("long-text", "");

        assertThat(nominals.distinctValues()).isEqualTo(2);
        assertThat(nominals.values()).containsExactly(new ValueCount(shorter, 2), new ValueCount(longer, 1));
        assertThat(texts.type()).isEqualTo("TEXT");
        assertThat(texts.values()).containsExactly(new ValueCount(text, 2));
    }

    /**
     * Values held by as many users are ordered by value, also long ones that differ within their first
     * 120 characters (beyond those, the specification leaves the order of ties open).
     */
    @Test
    void tiesBetweenLongValuesAreOrderedByValue() {
        String common = "p".repeat(100);
        List<String> values = List.of(common + "a", common + "b".repeat(100), common + "m".repeat(100),
                common + "z".repeat(100));
        postOneEach("long", "tie", IntStream.range(0, values.size())
                .mapToObj(i -> nominal("long-tie", values.get(values.size() - 1 - i))).toArray(UserAttribute[]::new));

        Distribution distribution = api.distribution("long-tie", "");

        assertThat(distribution.values()).extracting(ValueCount::value).containsExactlyElementsOf(values);
    }

    /** NUMERIC values are compared as numbers, not text: 10 and 100 are above 9, and so is the maximum. */
    @Test
    void histogramComparesDecimalsAsNumbers() {
        postOneEach("games", "score", numeric("score", "9"), numeric("score", "10"), numeric("score", "100"),
                numeric("score", "-2.5"), numeric("score", "0.5"));

        Distribution edges = api.distribution("score", "edges=5,9.5");
        Distribution halves = api.distribution("score", "buckets=2");

        assertThat(edges.min()).isEqualTo("-2.5");
        assertThat(edges.max()).isEqualTo("100");
        assertThat(numericBuckets(edges.buckets())).containsExactly(bucket(null, "5", 2), bucket("5", "9.5", 1),
                bucket("9.5", null, 2));
        assertThat(numericBuckets(halves.buckets()))
                .containsExactly(bucket("-2.5", "48.75", 4), bucket("48.75", "100", 1));
    }

    /** A value on an edge opens the bucket above it, whether the value or the edge is written 1 or 1.0. */
    @ParameterizedTest
    @ValueSource(strings = {"1", "1.0", "1.000", "%2B1", "0.99,1.00"})
    void valueOnAnEdgeBelongsAboveIt(String edges) {
        postOneEach("ratios", "ratio", numeric("ratio", "1.0"), numeric("ratio", "1"), numeric("ratio", "0.99"));

        Distribution distribution = api.distribution("ratio", "edges=" + edges);

        assertThat(numericBuckets(distribution.buckets())).filteredOn(bucket -> bucket.to() == null)
                .containsExactly(bucket("1", null, 2));
        assertThat(numericBuckets(distribution.buckets())).filteredOn(bucket -> BigDecimal.ONE.equals(bucket.to()))
                .extracting(NumericBucket::users).containsExactly(1L);
    }

    /** A user with several values in one bucket counts once there, and once in each other bucket it reaches. */
    @Test
    void userCountsOncePerBucket() {
        post("web", "visits-1", numeric("visits", "3"), numeric("visits", "4"), numeric("visits", "50"));
        post("web", "visits-2", numeric("visits", "5"));

        Distribution distribution = api.distribution("visits", "edges=10");

        assertThat(distribution.users()).isEqualTo(2);
        assertThat(numericBuckets(distribution.buckets()))
                .containsExactly(bucket(null, "10", 2), bucket("10", null, 1));
    }

    /** Every bucket of a NUMERIC histogram is listed, the empty ones too, with edges and with equal widths. */
    @Test
    void emptyBucketsAreListed() {
        post("gaps", "gap-1", numeric("gap", "0"));
        post("gaps", "gap-2", numeric("gap", "10"));

        Distribution equalWidths = api.distribution("gap", "buckets=5");
        Distribution edges = api.distribution("gap", "edges=-5,2,4,20");

        assertThat(numericBuckets(equalWidths.buckets())).containsExactly(bucket("0", "2", 1), bucket("2", "4", 0),
                bucket("4", "6", 0), bucket("6", "8", 0), bucket("8", "10", 1));
        assertThat(numericBuckets(edges.buckets())).containsExactly(bucket(null, "-5", 0), bucket("-5", "2", 1),
                bucket("2", "4", 0), bucket("4", "20", 1), bucket("20", null, 0));
    }

    /** Minimum and maximum are numbers in plain decimal form without trailing zeros, whatever was stored. */
    @Test
    void minimumAndMaximumAreWrittenAsCompared() {
        postOneEach("prices", "price", numeric("price", "007.50"), numeric("price", "120.000"),
                numeric("price", "-3.250"));

        Distribution distribution = api.distribution("price", "");

        assertThat(distribution.min()).isEqualTo("-3.25");
        assertThat(distribution.max()).isEqualTo("120");
    }

    /** Equal-width buckets are closed below and open above, except the last, which holds the largest value. */
    @Test
    void equalWidthBucketsCloseBelowAndTheLastHoldsTheMaximum() {
        postOneEach("sizes", "width", numeric("width", "0"), numeric("width", "2.5"), numeric("width", "5"),
                numeric("width", "7.5"), numeric("width", "10"));

        Distribution distribution = api.distribution("width", "buckets=4");

        assertThat(numericBuckets(distribution.buckets())).containsExactly(bucket("0", "2.5", 1), bucket("2.5", "5", 1),
                bucket("5", "7.5", 1), bucket("7.5", "10", 2));
    }

    /** Edges that are not decimals in strictly increasing order are a 400 that names the edges parameter. */
    @ParameterizedTest
    @ValueSource(strings = {"3,2", "2,2", "1,,2", "1,x", "1e3", "", "0x10", "1,NaN", "1%202"})
    void badEdgesAreRejected(String edges) {
        HttpResponse<String> response = api.getDistribution("amount", "edges=" + edges);

        assertError(response, 400).contains("edges");
    }

    /** At most 100 edges: 100 make 101 buckets, empty ones listed too; 101 edges are a 400 naming the limit. */
    @Test
    void atMostHundredEdges() {
        String hundred = IntStream.rangeClosed(1, 100).mapToObj(String::valueOf).collect(Collectors.joining(","));

        Distribution counted = api.distribution("amount", "edges=" + hundred);
        HttpResponse<String> rejected = api.getDistribution("amount", "edges=" + hundred + ",101");

        assertThat(counted.buckets()).hasSize(101);
        assertThat(numericBuckets(counted.buckets())).filteredOn(bucket -> bucket.users() > 0)
                .containsExactly(bucket("5", "6", 1));
        assertError(rejected, 400).contains("edges", "100");
    }

    /** Buckets and edges exclude each other: both together are a 400 naming them. */
    @Test
    void bucketsAndEdgesTogetherAreRejected() {
        HttpResponse<String> response = api.getDistribution("amount", "buckets=3&edges=1,2");

        assertError(response, 400).contains("buckets", "edges");
    }

    /** A parameter that applies to another type than the distribution's is a 400 naming it. */
    @ParameterizedTest
    @CsvSource({"colour, buckets=3, buckets", "colour, edges=1, edges", "colour, granularity=day, granularity",
        "notes, buckets=3, buckets", "notes, granularity=year, granularity", "amount, limit=5, limit",
        "amount, offset=0, offset", "amount, granularity=month, granularity", "born, limit=5, limit",
        "born, offset=1, offset", "born, buckets=2, buckets", "born, edges=1, edges", "stamp, limit=1, limit",
        "stamp, edges=1, edges"})
    void parameterOfAnotherTypeIsRejected(String key, String query, String parameter) {
        HttpResponse<String> response = api.getDistribution(key, query);

        assertError(response, 400).contains(parameter);
    }

    /** A parameter out of its range or not of its form is a 400 naming it. */
    @ParameterizedTest
    @CsvSource({"colour, limit=0, limit", "colour, limit=10001, limit", "colour, offset=-1, offset",
        "colour, limit=ten, limit", "colour, type=BOGUS, type", "amount, buckets=0, buckets",
        "amount, buckets=1001, buckets", "born, granularity=week, granularity", "colour, source=a%20b, source"})
    void parameterOutOfRangeIsRejected(String key, String query, String parameter) {
        HttpResponse<String> response = api.getDistribution(key, query);

        assertError(response, 400).contains(parameter);
    }

    /** DATE values fall in day buckets that hold values, each user once per bucket, from the earliest to the latest. */
    @Test
    void datesByDay() {
        Distribution distribution = api.distribution("registered", "granularity=day");

        assertThat(distribution.granularity()).isEqualTo("day");
        assertThat(distribution.users()).isEqualTo(6);
        assertThat(distribution.distinctValues()).isEqualTo(6);
        assertThat(distribution.min()).isEqualTo("2013-12-31");
        assertThat(distribution.max()).isEqualTo("2015-01-01");
        assertThat(distribution.buckets()).containsExactly(new Bucket("2013-12-31", "2014-01-01", 1),
                new Bucket("2014-08-07", "2014-08-08", 2), new Bucket("2014-08-09", "2014-08-10", 1),
                new Bucket("2014-08-31", "2014-09-01", 1), new Bucket("2014-09-01", "2014-09-02", 1),
                new Bucket("2015-01-01", "2015-01-02", 1));
    }

    /** DATE values fall in month buckets by default; a user with two dates in one month counts once there. */
    @Test
    void datesByMonth() {
        Distribution distribution = api.distribution("registered", "");

        assertThat(distribution.granularity()).isEqualTo("month");
        assertThat(distribution.buckets()).containsExactly(new Bucket("2013-12-01", "2014-01-01", 1),
                new Bucket("2014-08-01", "2014-09-01", 3), new Bucket("2014-09-01", "2014-10-01", 1),
                new Bucket("2015-01-01", "2015-02-01", 1));
    }

    /** DATE values fall in year buckets that start on the first of January. */
    @Test
    void datesByYear() {
        Distribution distribution = api.distribution("registered", "granularity=year");

        assertThat(distribution.buckets()).containsExactly(new Bucket("2013-01-01", "2014-01-01", 1),
                new Bucket("2014-01-01", "2015-01-01", 4), new Bucket("2015-01-01", "2016-01-01", 1));
    }

    /**
     * DATETIME values fall in the period they lie in: fractions of a second never carry into the next day,
     * and 24:00:00 is the start of the next day.
     */
    @ParameterizedTest
    @CsvSource({"day, 2014-08-07T00:00:00, 2014-08-08T00:00:00, 3, 2014-08-08T00:00:00, 2014-08-09T00:00:00, 2",
        "month, 2014-08-01T00:00:00, 2014-09-01T00:00:00, 5, 2015-01-01T00:00:00, 2015-02-01T00:00:00, 1",
        "year, 2014-01-01T00:00:00, 2015-01-01T00:00:00, 5, 2015-01-01T00:00:00, 2016-01-01T00:00:00, 1"})
    void dateTimesFallInTheirPeriod(String granularity, String firstFrom, String firstTo, long firstUsers,
            String secondFrom, String secondTo, long secondUsers) {
        Distribution distribution = api.distribution("seen", "granularity=" + granularity);

        assertThat(distribution.users()).isEqualTo(6);
        assertThat(moment(distribution.min())).isEqualTo(LocalDateTime.parse("2014-08-07T00:00:00"));
        assertThat(moment(distribution.max())).isEqualTo(LocalDateTime.parse("2015-01-01T00:00:00"));
        assertThat(distribution.buckets()).extracting(DistributionChecks::moments).startsWith(
                new MomentBucket(LocalDateTime.parse(firstFrom), LocalDateTime.parse(firstTo), firstUsers),
                new MomentBucket(LocalDateTime.parse(secondFrom), LocalDateTime.parse(secondTo), secondUsers));
    }

    /** The third day bucket of the DATETIME values is that of 2014-12-31T24:00:00, which is New Year's Day. */
    @Test
    void endOfDayCountsAsTheNextDay() {
        Distribution distribution = api.distribution("seen", "granularity=day");

        assertThat(distribution.buckets()).hasSize(3);
        assertThat(moments(distribution.buckets().get(2))).isEqualTo(new MomentBucket(
                LocalDateTime.parse("2015-01-01T00:00:00"), LocalDateTime.parse("2015-01-02T00:00:00"), 1));
    }

    /** A POST that replaces a set and a DELETE of a user both show in the next distribution and catalogue. */
    @Test
    void changesShowAtTheNextCall() {
        postOneEach("billing", "plan", nominal("plan", "basic"), nominal("plan", "basic"), nominal("plan", "pro"));
        Distribution before = api.distribution("plan", "");

        post("billing", "plan-1", nominal("plan", "pro"));
        Distribution replaced = api.distribution("plan", "");
        http.deleteUsers(List.of("plan-2"));
        Distribution deleted = api.distribution("plan", "");
        List<CatalogueKey> catalogue = api.catalogue();

        assertThat(before.values()).containsExactly(new ValueCount("basic", 2), new ValueCount("pro", 1));
        assertThat(replaced.values()).containsExactly(new ValueCount("pro", 2), new ValueCount("basic", 1));
        assertThat(deleted.users()).isEqualTo(2);
        assertThat(deleted.values()).containsExactly(new ValueCount("pro", 2));
        assertThat(catalogue).filteredOn(key -> key.name().equals("plan"))
                .containsExactly(new CatalogueKey("plan", 2, 1, List.of("NOMINAL"), List.of("billing")));
    }

    private static void post(String source, String userId, UserAttribute... attributes) {
        HttpResponse<String> response = http.postUsers(source, Map.of(userId, List.of(attributes)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    /** POSTs one attribute each to users {@code prefix-1}, {@code prefix-2} and so on, in order. */
    private static void postOneEach(String source, String prefix, UserAttribute... attributes) {
        for (int i = 0; i < attributes.length; i++) {
            post(source, prefix + "-" + (i + 1), attributes[i]);
        }
    }

    private static UserAttribute date(String key, String value) {
        return new UserAttribute(key, value, "DATE");
    }

    private static UserAttribute dateTime(String key, String value) {
        return new UserAttribute(key, value, "DATETIME");
    }

    private static UserAttribute text(String key, String value) {
        return new UserAttribute(key, value, "TEXT");
    }

    private static NumericBucket bucket(String from, String to, long users) {
        return new NumericBucket(number(from), number(to), users);
    }

    /** The buckets with their bounds as numbers, so that {@code 5} and {@code 5.0} agree. */
    private static List<NumericBucket> numericBuckets(List<Bucket> buckets) {
        return buckets.stream()
                .map(bucket -> new NumericBucket(number(bucket.from()), number(bucket.to()), bucket.users())).toList();
    }

    private static BigDecimal number(String text) {
        return text == null ? null : new BigDecimal(text).stripTrailingZeros();
    }

    private static MomentBucket moments(Bucket bucket) {
        return new MomentBucket(moment(bucket.from()), moment(bucket.to()), bucket.users());
    }

    /** The moment a DATETIME answer stands for; 24:00:00 is the start of the next day. */
    private static LocalDateTime moment(String dateTime) {
        assertThat(dateTime).as("a DATETIME").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?");
        LocalDate day = LocalDate.parse(dateTime.substring(0, 10));
        String time = dateTime.substring(11);
        return time.startsWith("24:") ? day.plusDays(1).atStartOfDay() : day.atTime(LocalTime.parse(time));
    }

    /**
     * A NUMERIC bucket with its bounds as numbers, trailing zeros dropped; an open bound is {@code null}.
     *
     * @param from the lower bound
     * @param to the upper bound
     * @param users the users in the bucket
     */
    private record NumericBucket(BigDecimal from, BigDecimal to, long users) {}

    /**
     * A DATETIME bucket with its bounds as moments.
     *
     * @param from the lower bound
     * @param to the upper bound
     * @param users the users in the bucket
     */
    private record MomentBucket(LocalDateTime from, LocalDateTime to, long users) {}
}
