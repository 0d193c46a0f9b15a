package io.usermeta.rules;

import static io.usermeta.testing.Documents.attribute;
import static io.usermeta.testing.Documents.user;
import static io.usermeta.testing.Documents.users;
import static io.usermeta.testing.ErrorBodies.assertError;
import static io.usermeta.testing.UsersBody.returned;
import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.testing.RunningServer;
import io.usermeta.testing.UsersBody;
import io.usermeta.testing.Witness;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every class of invalid document is a 400 whose message names the offending user and attribute, and
 * a rejected document stores nothing, not even its valid users placed before the offending one.
 */
class ValidationChecks {
    private static final String SOURCE = "registration";
    private static final String REGISTRATION = "/api/00000/" + SOURCE + "/user";

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("NUMERIC", "1e5"),
                Arguments.of("NUMERIC", "1E5"),
                Arguments.of("NUMERIC", "NaN"),
                Arguments.of("NUMERIC", "INF"),
                Arguments.of("NUMERIC", "1,5"),
                Arguments.of("NUMERIC", "1.000,5"),
                Arguments.of("NUMERIC", " 1"),
                Arguments.of("NUMERIC", "1 "),
                Arguments.of("NUMERIC", "0x1F"),
                Arguments.of("NUMERIC", "+-1"),
                Arguments.of("NUMERIC", "."),
                Arguments.of("NUMERIC", ""),
                Arguments.of("NUMERIC", "١٢"),
                Arguments.of("DATE", "2019-02-29"),
                Arguments.of("DATE", "2014-8-7"),
                Arguments.of("DATE", "2014-08-07Z"),
                Arguments.of("DATE", "2014-08-07+02:00"),
                Arguments.of("DATE", "2014-13-01"),
                Arguments.of("DATE", "07.08.2014"),
                Arguments.of("DATE", "2014-08-07T14:43:12"),
                Arguments.of("DATETIME", "2014-08-07T24:00:01"),
                Arguments.of("DATETIME", "2014-08-07T14:43:12Z"),
                Arguments.of("DATETIME", "2014-08-07T14:43:12+02:00"),
                Arguments.of("DATETIME", "2014-08-07T14:43"),
                Arguments.of("DATETIME", "2014-08-07 14:43:12"),
                Arguments.of("DATETIME", "2019-02-29T14:43:12"),
                Arguments.of("DATETIME", "2014-08-07T14:60:00"),
                Arguments.of("DATETIME", "2014-08-07T14:43:12."),
                Arguments.of("DATETIME", "2014-08-07"));
    }

    /** A value that is not in its type's lexical or calendar form is a 400 naming user, key, value and type. */
    @ParameterizedTest(name = "{0} \"{1}\"")
    @MethodSource("invalidValues")
    void invalidValueIsRejectedAndNothingStored(String type, String value) {
        String offender = user("offender", attribute("fine", "x"), attribute("broken", value, type));

        Witness.assertRejectedAndNothingStored(SERVER.api(), SOURCE, offender,
                "offender", "broken", type, "'" + value + "'");
    }

    static Stream<Arguments> invalidAttributes() {
        return Stream.of(
                Arguments.of("unknown type", "<attribute key=\"rate\" value=\"2\" type=\"BOGUS\"/>", "BOGUS"),
                Arguments.of("type in lower case", "<attribute key=\"rate\" value=\"2\" type=\"numeric\"/>",
                        "numeric"),
                Arguments.of("empty type", "<attribute key=\"rate\" value=\"2\" type=\"\"/>", "type"),
                Arguments.of("missing key", "<attribute value=\"2\"/>", "key"),
                Arguments.of("missing value", "<attribute key=\"rate\"/>", "rate"),
                Arguments.of("empty key", "<attribute key=\"\" value=\"2\"/>", "key"),
                Arguments.of("space in key", "<attribute key=\"discount rate\" value=\"2\"/>", "discount rate"),
                Arguments.of("dot in key", "<attribute key=\"discount.rate\" value=\"2\"/>", "discount.rate"),
                Arguments.of("colon in key", "<attribute key=\"discount:rate\" value=\"2\"/>", "discount:rate"),
                Arguments.of("umlaut in key", "<attribute key=\"größe\" value=\"2\"/>", "größe"),
                Arguments.of("unknown XML attribute", "<attribute key=\"rate\" value=\"2\" color=\"red\"/>",
                        "color"),
                Arguments.of("unknown element", "<preference key=\"rate\" value=\"2\"/>", "preference"),
                Arguments.of("other source", "<attribute key=\"rate\" value=\"2\" source=\"social\"/>", "social"),
                Arguments.of("forbidden character", "<attribute key=\"rate\" value=\"a&#1;b\"/>", "offender"),
                Arguments.of("non-character", "<attribute key=\"rate\" value=\"a&#xFFFE;b\"/>", "offender"),
                Arguments.of("undeclared entity", "<attribute key=\"rate\" value=\"&nbsp;\"/>", "nbsp"));
    }

    /** An attribute that breaks a rule is a 400 naming the offending user and what was wrong. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAttributes")
    void invalidAttributeIsRejectedAndNothingStored(String rule, String attribute, String named) {
        String offender = "<user id=\"offender\"><attributes>" + attribute + "</attributes></user>";

        Witness.assertRejectedAndNothingStored(SERVER.api(), SOURCE, offender, "offender", named);
    }

    /**
     * What the parser refuses inside an attribute is named as every other attribute rule names it: the
     * user, the attribute's position in its set and its key.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"type=\"BOGUS\"", "color=\"red\""})
    void parserRejectionsNameTheAttributeByPosition(String extra) {
        String offender = "<user id=\"offender\"><attributes><attribute key=\"fine\" value=\"1\"/>"
                + "<attribute key=\"rate\" value=\"2\" " + extra + "/></attributes></user>";

        Witness.assertRejectedAndNothingStored(SERVER.api(), SOURCE, offender, "user 'offender', attribute #2 'rate'");
    }

    /** An unknown element or XML attribute on a user is a 400 naming it and that user, not the one before. */
    @ParameterizedTest
    @ValueSource(strings = {
        "<user id=\"offender\" name=\"x\"><attributes/></user>",
        "<user id=\"offender\"><attributes/><nickname/></user>",
        "<user id=\"offender\"><attributes><attribute key=\"k\" value=\"v\"><note/></attribute></attributes></user>"})
    void unknownMarkupInUserIsRejectedByName(String offender) {
        Witness witness = Witness.storedIn(SERVER.api(), SOURCE);

        HttpResponse<String> response = SERVER.api().post(REGISTRATION, users(witness.changed(), offender));

        assertError(response, 400).contains("user 'offender'").containsAnyOf("name", "nickname", "note");
        witness.assertUnchanged();
    }

    /** A {@code source} attribute equal to the path's source is accepted and not echoed back. */
    @Test
    void sourceAttributeEqualToPathSourceIsAccepted() {
        String document = users("<user id=\"same-source\"><attributes>"
                + "<attribute key=\"rate\" value=\"2\" type=\"NUMERIC\" source=\"registration\"/></attributes></user>");

        HttpResponse<String> posted = SERVER.api().post(REGISTRATION, document);
        UsersBody read = UsersBody.of(SERVER.api().get(REGISTRATION + "/same-source"));

        assertThat(posted.statusCode()).isEqualTo(204);
        assertThat(read.attributesOf("same-source")).containsExactly(returned("rate", "2", "NUMERIC"));
    }

    /** A user id that appears twice in one document is a 400 naming it. */
    @Test
    void userRepeatedInOneDocumentIsRejected() {
        Witness witness = Witness.storedIn(SERVER.api(), SOURCE);
        String document = users(user("twice", attribute("n", "1")), witness.changed(),
                user("twice", attribute("n", "2")));

        HttpResponse<String> response = SERVER.api().post(REGISTRATION, document);

        assertError(response, 400).contains("twice");
        witness.assertUnchanged();
        assertThat(UsersBody.of(SERVER.api().get(REGISTRATION + "/twice")).users()).isEmpty();
    }

    /** A user id in a body may not hold slash, backslash, space or control characters, and may not be empty. */
    @ParameterizedTest
    @ValueSource(strings = {"a/b", "a\\b", "a b", "a&#9;b", "a&#10;b", "a&#x7F;b", ""})
    void invalidUserIdInBodyIsRejected(String id) {
        Witness.assertRejectedAndNothingStored(SERVER.api(), SOURCE, user(id, attribute("n", "1")), "id");
    }

    /** A user without an id is a 400. */
    @Test
    void userWithoutIdIsRejected() {
        Witness.assertRejectedAndNothingStored(SERVER.api(), SOURCE, "<user><attributes/></user>", "id");
    }

    /** Markup between users belongs to none, so the 400 does not blame the user before it. */
    @Test
    void unknownElementBetweenUsersNamesNoUser() {
        String document = "<users><user id=\"before\"><attributes/></user><nickname/></users>";

        assertError(SERVER.api().post(REGISTRATION, document), 400).contains("nickname").doesNotContain("before");
    }

    /** With several offending users, the message names the first one and its attribute. */
    @Test
    void messageNamesTheFirstOffendingUserAndAttribute() {
        String document = users(user("valid", attribute("n", "1")),
                user("first-offender", attribute("fine", "1", "NUMERIC"), attribute("rate", "1e5", "NUMERIC")),
                user("second-offender", attribute("day", "2019-02-29", "DATE")));

        HttpResponse<String> response = SERVER.api().post(REGISTRATION, document);

        assertError(response, 400).contains("first-offender", "rate").doesNotContain("second-offender", "fine");
    }

    /** A body that is not a {@code <users>} document is a 400. */
    @ParameterizedTest
    @ValueSource(strings = {"not xml at all", "{\"users\": []}", "<users><user id=\"cut\">", "<users></user>",
        "<people/>", "<user id=\"u\"><attributes/></user>", "<users/><users/>", "<users xmlns=\"urn:other\"/>"})
    void bodyThatIsNotAUsersDocumentIsRejected(String body) {
        assertError(SERVER.api().post(REGISTRATION, body), 400);
    }

    /** An empty body is a 400 saying so. */
    @Test
    void emptyBodyIsRejected() {
        HttpResponse<String> response = SERVER.api().post(REGISTRATION, "text/xml", new byte[0]);

        assertError(response, 400).containsIgnoringCase("empty");
    }

    /** Bytes that are not UTF-8 in a body without a declared encoding are a 400, not guessed. */
    @Test
    void malformedUtf8IsRejected() {
        byte[] body = users(user("latin", attribute("name", "M\u00fcller"))).getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<String> response = SERVER.api().post(REGISTRATION, "text/xml", body);

        assertError(response, 400);
        assertThat(UsersBody.of(SERVER.api().get(REGISTRATION + "/latin")).users()).isEmpty();
    }

    /** A body cut short is a 400 whose message says, on one line, where the XML broke off. */
    @Test
    void truncatedBodyIsRejectedWithItsPosition() {
        HttpResponse<String> response = SERVER.api().post(REGISTRATION, "text/xml",
                "<users><user id=\"cut\">".getBytes(StandardCharsets.UTF_8));

        assertError(response, 400).contains("not well-formed XML: line 1, column").doesNotContain("ParseError")
                .doesNotContain("\\u000A");
    }

    /** An empty {@code <users/>} is a valid document that changes nothing. */
    @Test
    void emptyUsersDocumentIsAccepted() {
        assertThat(SERVER.api().post(REGISTRATION, "<users/>").statusCode()).isEqualTo(204);
    }
}
