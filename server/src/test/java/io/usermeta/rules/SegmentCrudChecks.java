package io.usermeta.rules;

import static io.usermeta.testing.ConditionXml.absent;
import static io.usermeta.testing.ConditionXml.allOf;
import static io.usermeta.testing.ConditionXml.anyOf;
import static io.usermeta.testing.ConditionXml.equalTo;
import static io.usermeta.testing.ConditionXml.not;
import static io.usermeta.testing.ConditionXml.op;
import static io.usermeta.testing.ConditionXml.present;
import static io.usermeta.testing.ConditionXml.range;
import static io.usermeta.testing.ConditionXml.segment;
import static io.usermeta.testing.Documents.attribute;
import static io.usermeta.testing.Documents.user;
import static io.usermeta.testing.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.testing.ClusterApi;
import io.usermeta.testing.HttpApi;
import io.usermeta.testing.MembersBody;
import io.usermeta.testing.Race;
import io.usermeta.testing.RunningServer;
import io.usermeta.testing.SegmentBody;
import io.usermeta.testing.UsersBody;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Saved segments are created, read, listed, replaced and deleted by name, per customer. */
class SegmentCrudChecks {
    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    private static ClusterApi newCustomer() {
        return ClusterApi.ofNewCustomer(SERVER);
    }

    /** A PUT of a new name answers 201, a PUT of an existing name 204, both without a body. */
    @Test
    void putAnswers201WhenNewAnd204WhenReplacing() {
        ClusterApi api = newCustomer();

        HttpResponse<String> created = api.putSegment("resellers", segment(equalTo("type", "reseller")));
        HttpResponse<String> replaced = api.putSegment("resellers", segment(equalTo("type", "private")));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).isEmpty();
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(204);
        assertThat(replaced.body()).isEmpty();
        assertThat(api.savedCondition("resellers")).isEqualTo(SegmentBody.canonical(equalTo("type", "private")));
    }

    /** A GET returns the segment as saved: its name, description and whole condition. */
    @Test
    void getReturnsTheSegmentAsSavedWithItsName() {
        ClusterApi api = newCustomer();
        String condition = anyOf(absent("country"),
                not(op("in").key("country").source("crm").children("<value>DE</value>", "<value>AT</value>").xml()),
                allOf(range("age", "NUMERIC", "gte", "25", "lt", "35"), op("contains").key("wants").type("TEXT")
                        .with("value", "fast &amp; cheap").xml()));
        api.putSegment("not-in-germany", "<segment><description>Outside DE &amp; AT</description>" + condition
                + "</segment>");

        SegmentBody read = SegmentBody.of(api.getSegment("not-in-germany"));

        assertThat(read.name()).isEqualTo("not-in-germany");
        assertThat(read.description()).isEqualTo("Outside DE & AT");
        assertThat(read.condition()).isEqualTo(SegmentBody.canonical(condition));
    }

    /** The list holds every segment with its condition, ordered by name, character by character. */
    @Test
    void listIsOrderedByName() {
        ClusterApi api = newCustomer();
        List<String> names = List.of("b", "A", "a.b", "_x", "a", "0", "B-2");
        names.forEach(name -> api.save(name, present("key-" + name.replace('.', '-'))));

        List<SegmentBody> listed = SegmentBody.listOf(api.listSegments());

        assertThat(listed).extracting(SegmentBody::name).containsExactly("0", "A", "B-2", "_x", "a", "a.b", "b");
        assertThat(listed).allSatisfy(segment -> assertThat(segment.condition())
                .isEqualTo(SegmentBody.canonical(present("key-" + segment.name().replace('.', '-')))));
    }

    /** A customer without segments gets an empty list. */
    @Test
    void emptyListWithoutSegments() {
        assertThat(SegmentBody.listOf(newCustomer().listSegments())).isEmpty();
    }

    /** A DELETE answers 204; afterwards the segment is gone from GET, the list, members and a second DELETE. */
    @Test
    void deleteAnswers204ThenTheSegmentIsGone() {
        ClusterApi api = newCustomer();
        api.save("doomed", present("country"));
        api.save("kept", present("country"));

        HttpResponse<String> deleted = api.deleteSegment("doomed");

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertError(api.getSegment("doomed"), 404).contains("doomed");
        assertError(api.members("doomed", ""), 404).contains("doomed");
        assertError(api.deleteSegment("doomed"), 404).contains("doomed");
        assertThat(SegmentBody.listOf(api.listSegments())).extracting(SegmentBody::name).containsExactly("kept");
    }

    /** Deleting a segment leaves the data of its members untouched. */
    @Test
    void deleteKeepsTheMembersData() {
        ClusterApi api = newCustomer();
        api.post("crm", user("member", attribute("country", "DE")));
        api.save("germans", equalTo("country", "DE"));

        api.deleteSegment("germans");

        assertThat(UsersBody.of(api.http().get(api.path("/crm/user/member"))).ids()).containsExactly("member");
        assertThat(api.evaluated(equalTo("country", "DE")).ids()).containsExactly("member");
    }

    /** GET, DELETE and members of a name never saved are 404s whose message names the segment. */
    @Test
    void unknownSegmentIs404NamingIt() {
        ClusterApi api = newCustomer();

        assertError(api.getSegment("resellers-de"), 404).contains("'resellers-de'");
        assertError(api.deleteSegment("resellers-de"), 404).contains("'resellers-de'");
        assertError(api.members("resellers-de", "?limit=5"), 404).contains("'resellers-de'");
    }

    /** Names are case-sensitive: two names differing in case are two segments. */
    @Test
    void namesAreCaseSensitive() {
        ClusterApi api = newCustomer();

        api.save("Seg", present("upper"));
        api.save("seg", present("lower"));

        assertThat(api.savedCondition("Seg")).isEqualTo(SegmentBody.canonical(present("upper")));
        assertThat(api.savedCondition("seg")).isEqualTo(SegmentBody.canonical(present("lower")));
        assertError(api.getSegment("SEG"), 404);
    }

    /** A name in the body must equal the path's: another is a 400 naming both, and nothing is saved. */
    @Test
    void bodyNameDifferentFromPathIs400() {
        ClusterApi api = newCustomer();

        HttpResponse<String> differing = api.putSegment("path-name",
                "<segment name=\"body-name\">" + present("country") + "</segment>");
        HttpResponse<String> same = api.putSegment("same-name",
                "<segment name=\"same-name\">" + present("country") + "</segment>");

        assertError(differing, 400).contains("body-name", "path-name");
        assertError(api.getSegment("path-name"), 404);
        assertError(api.getSegment("body-name"), 404);
        assertThat(same.statusCode()).as(same.body()).isEqualTo(201);
    }

    /** A segment name that breaks its rule is a 400 naming it, on every segment operation. */
    @ParameterizedTest
    @ValueSource(strings = {"with%20space", "%C3%A4rger", "a%2Cb",
        "x1234567890123456789012345678901234567890123456789012345678901234"})
    void invalidNameIs400(String encodedName) {
        ClusterApi api = newCustomer();

        assertError(api.putSegment(encodedName, segment(present("country"))), 400).contains("segment name");
        assertError(api.getSegment(encodedName), 400).contains("segment name");
        assertError(api.deleteSegment(encodedName), 400).contains("segment name");
        assertError(api.members(encodedName, ""), 400).contains("segment name");
    }

    /** A description of 1,024 characters is kept; one more is a 400 naming the limit. */
    @Test
    void descriptionIsLimitedTo1024Characters() {
        ClusterApi api = newCustomer();
        String longest = "ä".repeat(1024);

        HttpResponse<String> kept = api.putSegment("described",
                "<segment><description>" + longest + "</description>" + present("country") + "</segment>");
        HttpResponse<String> tooLong = api.putSegment("overlong",
                "<segment><description>" + longest + "x</description>" + present("country") + "</segment>");

        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(201);
        assertThat(SegmentBody.of(api.getSegment("described")).description()).isEqualTo(longest);
        assertError(tooLong, 400).contains("description", "1024");
        assertError(api.getSegment("overlong"), 404);
    }

    /** Segments belong to their customer: another customer sees none of them. */
    @Test
    void segmentsArePerCustomer() {
        ClusterApi owner = newCustomer();
        ClusterApi other = newCustomer();
        owner.save("private", present("country"));

        assertThat(SegmentBody.listOf(other.listSegments())).isEmpty();
        assertError(other.getSegment("private"), 404);
        assertThat(other.putSegment("private", segment(present("other"))).statusCode()).isEqualTo(201);
        assertThat(owner.savedCondition("private")).isEqualTo(SegmentBody.canonical(present("country")));
    }

    /** PUTs of one new name at the same moment create it once: one 201, the others 204, none failing. */
    @Test
    void concurrentPutsOfOneNewNameCreateItOnce() {
        ClusterApi api = newCustomer();
        List<Integer> statuses = new ArrayList<>();

        try (Race race = Race.withRunners(8)) {
            for (int round = 0; round < 5; round++) {
                String name = "raced-" + round;
                List<Callable<Integer>> puts = IntStream.range(0, 8).<Callable<Integer>>mapToObj(runner -> () ->
                        api.putSegment(name, segment(present("runner" + runner))).statusCode()).toList();
                statuses.addAll(race.run(puts));
            }
        }

        assertThat(statuses).containsOnly(201, 204);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(5);
        assertThat(SegmentBody.listOf(api.listSegments())).hasSize(5);
    }

    /**
     * The names {@code .} and {@code ..} are refused with a 400 naming them: HTTP clients remove such
     * segments from paths, so a segment of that name could not be read or deleted.
     */
    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void dotNamesAreRefused(String name) {
        ClusterApi api = newCustomer();
        String path = api.path("/segments/" + name);

        HttpApi.RawResponse created = api.http().raw("PUT", path, "text/xml",
                segment(present("country")).getBytes(StandardCharsets.UTF_8));

        assertThat(created.status()).as(created.body()).isEqualTo(400);
        assertThat(created.body()).contains("segment name '" + name + "'");
        assertThat(SegmentBody.listOf(api.listSegments())).isEmpty();
    }

    /** Replacing a segment's condition changes its members at once. */
    @Test
    void replacingTheConditionChangesTheMembers() {
        ClusterApi api = newCustomer();
        api.post("crm", user("de", attribute("country", "DE")), user("at", attribute("country", "AT")));
        api.save("country", equalTo("country", "DE"));

        api.putSegment("country", segment(equalTo("country", "AT")));

        MembersBody members = MembersBody.of(api.members("country", ""));
        assertThat(members.ids()).containsExactly("at");
        assertThat(members.count()).isEqualTo(1);
    }
}
