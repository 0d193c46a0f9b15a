package io.usermeta.rules;

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
import io.usermeta.testing.MembersBody;
import io.usermeta.testing.RunningServer;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An invalid condition is a 400 whose message names the problem and where in the condition it is,
 * both when evaluated and when saved, and a rejected segment is not saved.
 */
class ConditionValidationChecks {
    /** The most {@code <condition>} elements in one condition. */
    private static final int MAX_ELEMENTS = 100;

    /** The deepest a condition may nest; the root alone is one level. */
    private static final int MAX_DEPTH = 10;

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    private static ClusterApi api;

    @BeforeAll
    static void postUsers() {
        api = ClusterApi.ofNewCustomer(SERVER);
        api.post("crm", user("u-1", attribute("age", "42", "NUMERIC"), attribute("country", "DE"),
                attribute("born", "1982-01-02", "DATE")));
    }

    /** {@code depth} levels of conditions: {@code depth - 1} anyOfs around one predicate. */
    private static String nested(int depth) {
        String condition = present("country");
        for (int level = 1; level < depth; level++) {
            condition = anyOf(condition);
        }
        return condition;
    }

    /** An allOf of {@code children} predicates. */
    private static String wide(int children) {
        return allOf(Collections.nCopies(children, present("country")).toArray(String[]::new));
    }

    static Stream<Arguments> invalidConditions() {
        return Stream.of(rangeProblems(), predicateProblems(), structureProblems()).flatMap(problems -> problems);
    }

    private static Stream<Arguments> rangeProblems() {
        return Stream.of(
                Arguments.of("unknown op", op("matches").key("country").with("value", "DE").xml(),
                        new String[] {"op", "matches"}),
                Arguments.of("missing op", "<condition key=\"country\" value=\"DE\"/>", new String[] {"op"}),
                Arguments.of("unknown type", op("equals").key("country").type("STRING").with("value", "DE").xml(),
                        new String[] {"type", "STRING"}),
                Arguments.of("range without type", op("range").key("age").with("gte", "5").xml(),
                        new String[] {"condition /", "type"}),
                Arguments.of("range without bound", op("range").key("age").type("NUMERIC").xml(),
                        new String[] {"condition /", "bound"}),
                Arguments.of("both gt and gte", op("range").key("age").type("NUMERIC").with("gt", "1")
                        .with("gte", "2").xml(), new String[] {"condition /", "gt", "gte"}),
                Arguments.of("both lt and lte", op("range").key("age").type("NUMERIC").with("lt", "1")
                        .with("lte", "2").xml(), new String[] {"condition /", "lt", "lte"}),
                Arguments.of("lower above upper", allOf(present("age"),
                        range("age", "NUMERIC", "gte", "10", "lte", "9")), new String[] {"condition /1", "lower"}),
                Arguments.of("exponent in bound", range("age", "NUMERIC", "gte", "1e5"),
                        new String[] {"condition /", "1e5"}),
                Arguments.of("comma in bound", range("age", "NUMERIC", "lt", "2,5"),
                        new String[] {"condition /", "2,5"}),
                Arguments.of("impossible date bound", range("born", "DATE", "gte", "2019-02-29"),
                        new String[] {"condition /", "2019-02-29"}),
                Arguments.of("zoned datetime bound", range("seen", "DATETIME", "lt", "2014-08-07T14:43:12Z"),
                        new String[] {"condition /", "2014-08-07T14:43:12Z"}),
                Arguments.of("date bound of a datetime range", range("seen", "DATETIME", "lt", "2014-08-07"),
                        new String[] {"condition /", "2014-08-07"}),
                Arguments.of("range on NOMINAL", range("country", "NOMINAL", "gte", "A"),
                        new String[] {"condition /", "NOMINAL"}));
    }

    private static Stream<Arguments> predicateProblems() {
        return Stream.of(
                Arguments.of("equals on a NUMERIC key", anyOf(present("age"), allOf(present("age"),
                        equalTo("age", "42"))), new String[] {"condition /1/1", "age", "NUMERIC"}),
                Arguments.of("contains on a NOMINAL key", op("contains").key("country").with("value", "D").xml(),
                        new String[] {"condition /", "country", "NOMINAL"}),
                Arguments.of("contains of NOMINAL values", op("contains").key("country").type("NOMINAL")
                        .with("value", "D").xml(), new String[] {"condition /", "contains", "NOMINAL"}),
                Arguments.of("present of a type the key never holds", op("present").key("born").type("DATETIME")
                        .xml(), new String[] {"condition /", "born", "DATE"}),
                Arguments.of("equals with type NUMERIC", op("equals").key("age").type("NUMERIC").with("value", "42")
                        .xml(), new String[] {"condition /", "NUMERIC"}),
                Arguments.of("equals without value", op("equals").key("country").xml(),
                        new String[] {"condition /", "value"}),
                Arguments.of("in without values", op("in").key("country").xml(), new String[] {"condition /", "value"}),
                Arguments.of("contains nothing", op("contains").key("wants").with("value", "").xml(),
                        new String[] {"condition /", "value"}),
                Arguments.of("predicate without key", op("present").xml(), new String[] {"condition /", "key"}),
                Arguments.of("invalid key", op("present").key("a.b").xml(), new String[] {"condition /", "a.b"}),
                Arguments.of("invalid source", op("present").key("age").source("a b").xml(),
                        new String[] {"condition /", "a b"}));
    }

    private static Stream<Arguments> structureProblems() {
        return Stream.of(
                Arguments.of("not with two children", not(present("age")).replace("</condition>",
                        present("country") + "</condition>"), new String[] {"condition /", "not", "2"}),
                Arguments.of("not without child", "<condition op=\"not\"/>", new String[] {"condition /", "not"}),
                Arguments.of("empty allOf", allOf(present("age"), "<condition op=\"allOf\"/>"),
                        new String[] {"condition /1", "allOf"}),
                Arguments.of("empty anyOf", "<condition op=\"anyOf\"></condition>",
                        new String[] {"condition /", "anyOf"}),
                Arguments.of("combination with a key", op("allOf").key("age").children(present("age")).xml(),
                        new String[] {"condition /", "key"}),
                Arguments.of("predicate with children", op("present").key("age").children(present("age")).xml(),
                        new String[] {"condition /", "child"}),
                Arguments.of("too deep", nested(MAX_DEPTH + 1), new String[] {"10", "deep"}),
                Arguments.of("too many elements", wide(MAX_ELEMENTS), new String[] {"100"}),
                Arguments.of("too many in values", op("in").key("country").children(Collections.nCopies(1001,
                        "<value>DE</value>").toArray(String[]::new)).xml(), new String[] {"condition /", "1000"}),
                Arguments.of("unknown XML attribute", op("present").key("age").with("color", "red").xml(),
                        new String[] {"color"}),
                Arguments.of("unknown element", op("present").key("age").children("<note/>").xml(),
                        new String[] {"note"}),
                Arguments.of("DOCTYPE", "<!DOCTYPE root [<!ENTITY x \"DE\">]>"
                        + equalTo("country", "&x;"), new String[] {"DOCTYPE"}));
    }

    /** An invalid condition sent for evaluation is a 400 naming the problem and where it is. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConditions")
    void invalidConditionIsRejectedWhenEvaluated(String rule, String condition, String[] named) {
        assertError(api.evaluate(condition, ""), 400).contains(named);
    }

    /** An invalid condition in a PUT is a 400 naming the problem, and no segment is saved. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConditions")
    void invalidConditionIsRejectedWhenSavedAndNothingIsSaved(String rule, String condition, String[] named) {
        int root = condition.indexOf("<condition");
        String document = condition.substring(0, root) + segment(condition.substring(root));

        assertError(api.putSegment("rejected", document), 400).contains(named);
        assertError(api.getSegment("rejected"), 404);
    }

    /** An unknown op deep inside a condition is reported with its position. */
    @Test
    void unknownOpIsReportedWithItsPosition() {
        String condition = allOf(present("age"), anyOf(present("age"), op("like").key("age").xml()));

        assertError(api.evaluate(condition, ""), 400).contains("like", "#5");
    }

    /** Conditions at the limits are accepted: as deep, as many elements and as many in values as allowed. */
    @Test
    void conditionsAtTheLimitsAreAccepted() {
        MembersBody deep = MembersBody.of(api.evaluate(nested(MAX_DEPTH), ""));
        MembersBody wide = MembersBody.of(api.evaluate(wide(MAX_ELEMENTS - 1), ""));

        MembersBody listed = MembersBody.of(api.evaluate(op("in").key("country").children(Collections.nCopies(999,
                "<value>AT</value>").toArray(String[]::new)).children("<value>DE</value>").xml(), ""));

        assertThat(deep.ids()).containsExactly("u-1");
        assertThat(wide.ids()).containsExactly("u-1");
        assertThat(listed.ids()).containsExactly("u-1");
    }

    /** A predicate on a key no user has yet is accepted, whatever its type, and holds for nobody. */
    @Test
    void keyNobodyHasIsAcceptedAndMatchesNothing() {
        MembersBody members = MembersBody.of(api.evaluate(range("future", "DATE", "gte", "2020-01-01"), ""));

        assertThat(members.ids()).isEmpty();
        assertThat(members.count()).isZero();
    }

    /** A body whose root is not a condition, or an empty body, is a 400 saying what to send. */
    @Test
    void bodyThatIsNoConditionIsRejected() {
        assertError(api.evaluate(segment(present("age")), ""), 400).contains("condition");
        assertError(api.evaluate("", ""), 400).contains("condition");
        assertError(api.putSegment("rejected", present("age")), 400).contains("segment");
        assertError(api.putSegment("rejected", "<segment/>"), 400).contains("condition");
    }
}
