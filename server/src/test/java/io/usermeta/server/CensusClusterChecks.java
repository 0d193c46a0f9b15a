package io.usermeta.server;

import static io.usermeta.testing.ConditionText.absent;
import static io.usermeta.testing.ConditionText.allOf;
import static io.usermeta.testing.ConditionText.anyOf;
import static io.usermeta.testing.ConditionText.equalTo;
import static io.usermeta.testing.ConditionText.in;
import static io.usermeta.testing.ConditionText.not;
import static io.usermeta.testing.ConditionText.present;
import static io.usermeta.testing.ConditionText.range;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.server.CensusTable.Person;
import io.usermeta.testing.ClusterBodies.Bucket;
import io.usermeta.testing.ClusterBodies.CatalogueKey;
import io.usermeta.testing.ClusterBodies.Distribution;
import io.usermeta.testing.ClusterBodies.Matched;
import io.usermeta.testing.ClusterBodies.Membership;
import io.usermeta.testing.ClusterBodies.ValueCount;
import io.usermeta.testing.ClusterReads;
import io.usermeta.testing.ClusterReads.Members;
import io.usermeta.testing.RunningServer;
import io.usermeta.testing.UsersBody;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Imports the census extract once, its columns split over two sources (the person's demographics and
 * their work), and checks every cluster answer against counts computed from the file by {@link CensusTable}:
 * the catalogue, distributions, saved and evaluated segments, and memberships.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CensusClusterChecks {
    private static final String DEMOGRAPHICS = "demographics";
    private static final String WORK = "work";
    private static final Set<String> WORK_KEYS =
            Set.of("workclass", "occupation", "capital-gain", "capital-loss", "hours-per-week", "salary");
    private static final int SAVED_PAGE = 2_500;
    private static final int EVALUATED_PAGE = 1_000;
    private static final int SAMPLED_USERS = 25;
    private static final long SAMPLE_SEED = 1996;
    /**
     * Member lists run after the other checks: they are the heaviest reads, and a slow one must not hold the
     * connections the others need.
     */
    private static final int MEMBER_LISTS = Order.DEFAULT + 1;
    /** Nine countries a page: France ends the third page and Greece, as many users, opens the fourth. */
    private static final int COUNTRIES_PER_PAGE = 9;

    /** The saved segments, each with the same rule computed over a row of the file. */
    private static final List<Segment> SEGMENTS = List.of(
            new Segment("women-25-to-34",
                    allOf(equalTo("sex", "Female"), range("age", "NUMERIC", "gte", "25", "lt", "35")),
                    person -> person.is("sex", "Female") && within(person.number("age"), 25, 35)),
            new Segment("long-hours-private",
                    allOf(in("workclass", "Private", "Self-emp-inc"), range("hours-per-week", "NUMERIC", "gte", "50")),
                    person -> isAnyOf(person, "workclass", "Private", "Self-emp-inc")
                            && person.number("hours-per-week").intValue() >= 50),
            new Segment("born-abroad", not(equalTo("native-country", "United-States")),
                    person -> !person.is("native-country", "United-States")),
            new Segment("workclass-unknown", absent("workclass"), person -> !person.has("workclass")),
            new Segment("caribbean-or-occupation-unknown",
                    anyOf(in("native-country", "Cuba", "Jamaica", "Haiti", "Trinadad&Tobago"), absent("occupation")),
                    person -> isAnyOf(person, "native-country", "Cuba", "Jamaica", "Haiti", "Trinadad&Tobago")
                            || !person.has("occupation")),
            new Segment("men-not-over-50k", allOf(equalTo("sex", "Male"), not(equalTo("salary", ">50K"))),
                    person -> person.is("sex", "Male") && !person.is("salary", ">50K")),
            new Segment("doctors-or-part-time-gains", anyOf(equalTo("education", "Doctorate"), allOf(
                    range("capital-gain", "NUMERIC", "gt", "0"), range("hours-per-week", "NUMERIC", "lte", "20"))),
                    person -> person.is("education", "Doctorate") || person.number("capital-gain").signum() > 0
                            && person.number("hours-per-week").intValue() <= 20),
            new Segment("professionals-not-white",
                    allOf(in("occupation", "Exec-managerial", "Prof-specialty"), not(equalTo("race", "White"))),
                    person -> isAnyOf(person, "occupation", "Exec-managerial", "Prof-specialty")
                            && !person.is("race", "White")),
            new Segment("black-country-unknown", allOf(equalTo("race", "Black"), absent("native-country")),
                    person -> person.is("race", "Black") && !person.has("native-country")),
            new Segment("women-by-source", anyOf(equalTo("sex", "Female", WORK),
                    allOf(present("age", DEMOGRAPHICS), equalTo("sex", "Female", DEMOGRAPHICS),
                            range("hours-per-week", "NUMERIC", "gt", "60"))),
                    person -> person.is("sex", "Female") && person.number("hours-per-week").intValue() > 60),
            new Segment("nobody-by-source", anyOf(present("age", WORK), equalTo("salary", ">50K", DEMOGRAPHICS)),
                    person -> false));

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    /** The answer to each segment's PUT, by name. */
    private static final Map<String, HttpResponse<String>> SAVED = new HashMap<>();

    private static ClusterReads api;
    private static CensusTable table;
    private static List<Person> people;

    @BeforeAll
    static void importCensusAndSaveSegments() {
        api = new ClusterReads(SERVER.api());
        table = CensusTable.read();
        people = table.people();
        CensusImport census = CensusImport.read();

        for (String source : List.of(DEMOGRAPHICS, WORK)) {
            CensusImport.post(SERVER.api(), source, census.documents(source, CensusClusterChecks::sourceOf));
        }
        SEGMENTS.forEach(segment -> SAVED.put(segment.name(), api.putSegment(segment.name(), segment.condition())));
    }

    /** The catalogue lists every column, by key, with its one type and source, its users and distinct values. */
    @Test
    void catalogueListsEveryColumnWithItsUsersAndValues() {
        List<CatalogueKey> expected = table.keys().stream().sorted().map(key -> new CatalogueKey(key,
                holders(key).count(), holders(key).map(person -> person.value(key)).distinct().count(),
                List.of(CensusTable.typeOf(key)), List.of(sourceOf(key)))).toList();

        List<CatalogueKey> catalogue = api.catalogue();

        assertThat(catalogue).containsExactlyElementsOf(expected);
    }

    /** A NOMINAL distribution counts the users of each value, most users first and ties by value. */
    @ParameterizedTest
    @ValueSource(strings = {"sex", "race", "workclass", "native-country", "occupation", "education",
        "marital-status", "relationship", "salary"})
    void nominalDistributionCountsUsersPerValue(String key) {
        List<ValueCount> expected = valueCounts(key);

        Distribution distribution = api.distribution(key, "");

        assertThat(distribution.key()).isEqualTo(key);
        assertThat(distribution.type()).isEqualTo("NOMINAL");
        assertThat(distribution.source()).isNull();
        assertThat(distribution.users()).isEqualTo(holders(key).count());
        assertThat(distribution.distinctValues()).isEqualTo(expected.size());
        assertThat(distribution.values()).containsExactlyElementsOf(expected);
        assertThat(distribution.buckets()).isEmpty();
        assertThat(distribution.min()).isNull();
    }

    /** Pages of countries, one ending inside the tie of France and Greece, join up to the whole ordered list. */
    @Test
    void nominalPagesFollowTheOrderAcrossTies() {
        List<ValueCount> expected = valueCounts("native-country");
        List<ValueCount> joined = new ArrayList<>();

        for (int offset = 0; offset < expected.size(); offset += COUNTRIES_PER_PAGE) {
            List<ValueCount> page = api.distribution("native-country",
                    "limit=" + COUNTRIES_PER_PAGE + "&offset=" + offset).values();
            assertThat(page).as("page from %d", offset).containsExactlyElementsOf(
                    expected.subList(offset, Math.min(expected.size(), offset + COUNTRIES_PER_PAGE)));
            joined.addAll(page);
        }
        Distribution beyond = api.distribution("native-country", "offset=" + expected.size());

        assertThat(joined).containsExactlyElementsOf(expected);
        assertThat(beyond.values()).isEmpty();
        assertThat(beyond.users()).isEqualTo(holders("native-country").count());
    }

    /** With edges, age buckets are closed below and open above, with open buckets before and after, empty or not. */
    @ParameterizedTest
    @ValueSource(strings = {"25,35,45", "18,30,60,90", "24.5,64.5", "50", "17,90"})
    void ageHistogramOverEdges(String edges) {
        List<BigDecimal> bounds = Arrays.stream(edges.split(",")).map(BigDecimal::new).toList();
        List<NumericBucket> expected = new ArrayList<>();
        for (int i = 0; i <= bounds.size(); i++) {
            BigDecimal from = i == 0 ? null : bounds.get(i - 1);
            BigDecimal to = i == bounds.size() ? null : bounds.get(i);
            expected.add(NumericBucket.of(from, to, people.stream().filter(person -> within(person.number("age"),
                    from, to)).count()));
        }

        Distribution distribution = api.distribution("age", "edges=" + edges);

        assertThat(numeric(distribution.buckets())).containsExactlyElementsOf(expected);
        assertThat(distribution.min()).isEqualTo(plain(minimum("age")));
        assertThat(distribution.max()).isEqualTo(plain(maximum("age")));
    }

    /** Equal-width age buckets, empty ones too, span min to max, closed below and open above but the last. */
    @ParameterizedTest
    @CsvSource({"'', 10", "buckets=1, 1", "buckets=2, 2", "buckets=73, 73", "buckets=1000, 1000"})
    void ageHistogramOverEqualWidthBuckets(String query, int buckets) {
        BigDecimal min = minimum("age");
        BigDecimal span = maximum("age").subtract(min);
        long[] users = new long[buckets];
        people.forEach(person -> users[Math.min(buckets - 1, BigDecimal.valueOf(buckets)
                .multiply(person.number("age").subtract(min)).divide(span, 0, RoundingMode.FLOOR).intValue())]++);
        List<NumericBucket> expected = IntStream.range(0, buckets).mapToObj(i -> NumericBucket.of(
                min.add(span.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(buckets))),
                min.add(span.multiply(BigDecimal.valueOf(i + 1)).divide(BigDecimal.valueOf(buckets))),
                users[i])).toList();

        Distribution distribution = api.distribution("age", query);

        assertThat(numeric(distribution.buckets())).containsExactlyElementsOf(expected);
    }

    /** Each NUMERIC key has its users, distinct values, minimum and maximum, and its buckets hold each user once. */
    @ParameterizedTest
    @ValueSource(strings = {"age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"})
    void numericTotals(String key) {
        long distinct = holders(key).map(person -> person.number(key).stripTrailingZeros()).distinct().count();

        Distribution distribution = api.distribution(key, "");

        assertThat(distribution.type()).isEqualTo("NUMERIC");
        assertThat(distribution.users()).isEqualTo(holders(key).count());
        assertThat(distribution.distinctValues()).isEqualTo(distinct);
        assertThat(distribution.min()).isEqualTo(plain(minimum(key)));
        assertThat(distribution.max()).isEqualTo(plain(maximum(key)));
        assertThat(distribution.buckets().stream().mapToLong(Bucket::users).sum()).isEqualTo(holders(key).count());
        assertThat(distribution.values()).isEmpty();
    }

    /** A distribution restricted to a source counts that source's values and names it; another source has none. */
    @Test
    void sourceRestrictedDistributionCountsOnlyThatSource() {
        long underForty = people.stream().filter(person -> person.number("hours-per-week").intValue() < 40).count();

        Distribution sexOfDemographics = api.distribution("sex", "source=" + DEMOGRAPHICS);
        Distribution sexOfWork = api.distribution("sex", "source=" + WORK);
        Distribution hoursOfWork = api.distribution("hours-per-week", "source=" + WORK + "&edges=40");
        Distribution hoursOfDemographics = api.distribution("hours-per-week", "source=" + DEMOGRAPHICS);

        assertThat(sexOfDemographics.source()).isEqualTo(DEMOGRAPHICS);
        assertThat(sexOfDemographics.values()).containsExactlyElementsOf(valueCounts("sex"));
        assertThat(sexOfWork.source()).isEqualTo(WORK);
        assertThat(sexOfWork.users()).isZero();
        assertThat(sexOfWork.values()).isEmpty();
        assertThat(numeric(hoursOfWork.buckets())).containsExactly(NumericBucket.of(null, BigDecimal.valueOf(40),
                underForty), NumericBucket.of(BigDecimal.valueOf(40), null, people.size() - underForty));
        assertThat(hoursOfDemographics.users()).isZero();
        assertThat(hoursOfDemographics.buckets()).isEmpty();
        assertThat(hoursOfDemographics.min()).isNull();
    }

    /** A saved segment's members, paged with the cursor, are exactly the rows it describes, once each, by id. */
    @Order(MEMBER_LISTS)
    @ParameterizedTest(name = "{0}")
    @MethodSource("segments")
    void savedSegmentHoldsExactlyItsRows(Segment segment) {
        List<String> expected = memberIds(segment);
        HttpResponse<String> saved = SAVED.get(segment.name());
        assertThat(saved.statusCode()).as("PUT of the segment, body %s", saved.body()).isEqualTo(201);

        Members members = api.members(segment.name(), SAVED_PAGE);

        assertThat(members.count()).isEqualTo(expected.size());
        assertThat(members.ids()).containsExactlyElementsOf(expected);
    }

    /** An evaluated condition, paged with the cursor, holds exactly the rows it describes, once each, by id. */
    @Order(MEMBER_LISTS)
    @ParameterizedTest(name = "{0}")
    @MethodSource("segments")
    void evaluatedConditionHoldsExactlyItsRows(Segment segment) {
        List<String> expected = memberIds(segment);

        Members members = api.evaluate(segment.condition(), EVALUATED_PAGE);

        assertThat(members.count()).isEqualTo(expected.size());
        assertThat(members.ids()).containsExactlyElementsOf(expected);
    }

    /** Each sampled user belongs to exactly the saved segments whose rule its row meets, by name. */
    @Test
    void membershipsNameTheSegmentsOfSampledUsers() {
        Set<String> sample = new TreeSet<>();
        SEGMENTS.forEach(segment -> people.stream().filter(segment.holds()).findFirst()
                .ifPresent(person -> sample.add(person.id())));
        new Random(SAMPLE_SEED).ints(SAMPLED_USERS, 0, people.size())
                .forEach(index -> sample.add(people.get(index).id()));

        for (String id : sample) {
            List<String> expected = savedSegments().filter(segment -> segment.holds().test(person(id)))
                    .map(Segment::name).sorted().toList();

            List<Membership> memberships = api.memberships(id);

            assertThat(memberships).extracting(Membership::name).as("segments of user %s", id)
                    .containsExactlyElementsOf(expected);
        }
    }

    /**
     * A membership names each true predicate with the attributes that made it true: none for absent, and a
     * predicate under a not only when it is true, which it never is for a member.
     */
    @Test
    void membershipExplainsTheMatchedAttributes() {
        Person woman = firstMember("women-25-to-34");
        Person workclassUnknown = firstMember("workclass-unknown");
        Person man = firstMember("men-not-over-50k");

        List<Membership> ofWoman = api.memberships(woman.id());
        List<Membership> ofWorkclassUnknown = api.memberships(workclassUnknown.id());
        List<Membership> ofMan = api.memberships(man.id());

        assertThat(matchedIn(ofWoman, "women-25-to-34")).containsExactly(
                new Matched("/0", "equals", "sex", List.of(attribute(woman, "sex"))),
                new Matched("/1", "range", "age", List.of(attribute(woman, "age"))));
        assertThat(matchedIn(ofWorkclassUnknown, "workclass-unknown"))
                .containsExactly(new Matched("/", "absent", "workclass", List.of()));
        assertThat(matchedIn(ofMan, "men-not-over-50k"))
                .containsExactly(new Matched("/0", "equals", "sex", List.of(attribute(man, "sex"))));
    }

    /** An unknown user belongs to no segment. */
    @Test
    void unknownUserBelongsToNoSegment() {
        List<Membership> memberships = api.memberships(String.valueOf(people.size() + 1));

        assertThat(memberships).isEmpty();
    }

    static Stream<Segment> segments() {
        return SEGMENTS.stream();
    }

    /** The segments whose PUT succeeded; one that failed fails its own check, and is no one's membership. */
    private static Stream<Segment> savedSegments() {
        return SEGMENTS.stream().filter(segment -> SAVED.get(segment.name()).statusCode() == 201);
    }

    private static String sourceOf(String key) {
        return WORK_KEYS.contains(key) ? WORK : DEMOGRAPHICS;
    }

    private static Stream<Person> holders(String key) {
        return people.stream().filter(person -> person.has(key));
    }

    /** The values of {@code key} with their users, most users first, ties by value. */
    private static List<ValueCount> valueCounts(String key) {
        Map<String, Long> users = holders(key).collect(groupingBy(person -> person.value(key), counting()));
        return users.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> new ValueCount(entry.getKey(), entry.getValue())).toList();
    }

    private static BigDecimal minimum(String key) {
        return holders(key).map(person -> person.number(key)).min(Comparator.naturalOrder()).orElseThrow();
    }

    private static BigDecimal maximum(String key) {
        return holders(key).map(person -> person.number(key)).max(Comparator.naturalOrder()).orElseThrow();
    }

    private static boolean within(BigDecimal value, BigDecimal from, BigDecimal to) {
        return (from == null || value.compareTo(from) >= 0) && (to == null || value.compareTo(to) < 0);
    }

    private static boolean within(BigDecimal value, int from, int to) {
        return within(value, BigDecimal.valueOf(from), BigDecimal.valueOf(to));
    }

    private static boolean isAnyOf(Person person, String key, String... values) {
        return Arrays.stream(values).anyMatch(value -> person.is(key, value));
    }

    /** A number as minimum and maximum are written: plain decimal form, no trailing zeros. */
    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private static List<NumericBucket> numeric(List<Bucket> buckets) {
        return buckets.stream().map(NumericBucket::of).toList();
    }

    private static List<String> memberIds(Segment segment) {
        return people.stream().filter(segment.holds()).map(Person::id).sorted().toList();
    }

    private static Person person(String id) {
        return people.get(Integer.parseInt(id) - 1);
    }

    private static Person firstMember(String segment) {
        Predicate<Person> holds = SEGMENTS.stream().filter(candidate -> candidate.name().equals(segment))
                .findFirst().orElseThrow().holds();
        return people.stream().filter(holds).findFirst().orElseThrow();
    }

    private static List<Matched> matchedIn(List<Membership> memberships, String name) {
        return memberships.stream().filter(membership -> membership.name().equals(name)).findFirst()
                .map(Membership::matched).orElseThrow(() -> new AssertionError("not a member of " + name));
    }

    private static UsersBody.Attribute attribute(Person person, String key) {
        return UsersBody.returned(key, person.value(key), CensusTable.typeOf(key), sourceOf(key));
    }

    /**
     * A saved segment of the checks, and the same rule over a row of the file.
     *
     * @param name the segment's name
     * @param condition its condition as sent
     * @param holds whether a row meets it, computed from the file
     */
    record Segment(String name, String condition, Predicate<Person> holds) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A NUMERIC bucket with its bounds as numbers (trailing zeros dropped), so {@code 25} and {@code 25.0} agree.
     *
     * @param from the lower bound, or {@code null}
     * @param to the upper bound, or {@code null}
     * @param users the users in the bucket
     */
    private record NumericBucket(BigDecimal from, BigDecimal to, long users) {
        static NumericBucket of(BigDecimal from, BigDecimal to, long users) {
            return new NumericBucket(from == null ? null : from.stripTrailingZeros(),
                    to == null ? null : to.stripTrailingZeros(), users);
        }

        static NumericBucket of(Bucket bucket) {
            return of(bucket.from() == null ? null : new BigDecimal(bucket.from()),
                    bucket.to() == null ? null : new BigDecimal(bucket.to()), bucket.users());
        }
    }
}
