package io.usermeta.rules;

import static io.usermeta.testing.Documents.attribute;
import static io.usermeta.testing.Documents.user;
import static io.usermeta.testing.Documents.users;
import static io.usermeta.testing.ErrorBodies.assertError;
import static io.usermeta.testing.UsersBody.returned;
import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.testing.HttpApi;
import io.usermeta.testing.RunningServer;
import io.usermeta.testing.UsersBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How user ids travel: percent-encoded in paths, XML-escaped in bodies, split on literal commas
 * before decoding, and case-sensitive, like keys.
 */
class UserIdEncodingChecks {
    private static final String REGISTRATION = "/api/00000/registration/user";
    private static final String DELETE = "/api/00000/user/";

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    /** {@code Customer%3C12.2014%3E} in a path is the id posted as {@code Customer&lt;12.2014&gt;}. */
    @Test
    void percentEncodedPathIdMatchesXmlEscapedBodyId() {
        SERVER.api().post(REGISTRATION, users(user("Customer&lt;12.2014&gt;", attribute("n", "1"))));

        UsersBody read = UsersBody.of(SERVER.api().get(REGISTRATION + "/Customer%3C12.2014%3E"));

        assertThat(read.ids()).containsExactly("Customer<12.2014>");
    }

    /** A {@code +} in a path is a literal plus, never a space; {@code %2B} names the same id. */
    @Test
    void plusInPathIsLiteralPlus() {
        SERVER.api().post(REGISTRATION, users(user("a+b", attribute("n", "1"))));

        UsersBody literal = UsersBody.of(SERVER.api().get(REGISTRATION + "/a+b"));
        UsersBody encoded = UsersBody.of(SERVER.api().get(REGISTRATION + "/a%2Bb"));

        assertThat(literal.ids()).containsExactly("a+b");
        assertThat(encoded.ids()).containsExactly("a+b");
    }

    /** {@code %2C} is part of an id; only a literal comma separates ids. */
    @Test
    void encodedCommaIsPartOfTheId() {
        SERVER.api().post(REGISTRATION, users(user("a,b", attribute("n", "1")), user("a", attribute("n", "2"))));

        UsersBody encoded = UsersBody.of(SERVER.api().get(REGISTRATION + "/a%2Cb"));
        UsersBody separated = UsersBody.of(SERVER.api().get(REGISTRATION + "/a,b"));

        assertThat(encoded.ids()).containsExactly("a,b");
        assertThat(encoded.attributesOf("a,b")).containsExactly(returned("n", "1", "NOMINAL"));
        assertThat(separated.ids()).containsExactly("a");
    }

    /** DELETE also splits before decoding: {@code a%2Cb} deletes the id {@code a,b} and not {@code a}. */
    @Test
    void deleteWithEncodedCommaDeletesOnlyThatId() {
        SERVER.api().post(REGISTRATION, users(user("x,y", attribute("n", "1")), user("x", attribute("n", "2"))));

        SERVER.api().delete(DELETE + "x%2Cy");
        UsersBody read = UsersBody.of(SERVER.api().get(REGISTRATION + "/x%2Cy,x"));

        assertThat(read.ids()).containsExactly("x");
    }

    /** An encoded semicolon is part of an id. */
    @Test
    void encodedSemicolonIsPartOfTheId() {
        SERVER.api().post(REGISTRATION, users(user("a;b", attribute("n", "1"))));

        UsersBody read = UsersBody.of(SERVER.api().get(REGISTRATION + "/a%3Bb"));

        assertThat(read.ids()).containsExactly("a;b");
    }

    /** A raw {@code ;} in a path is a 400, never a silently dropped matrix parameter. */
    @ParameterizedTest
    @ValueSource(strings = {"a;b", "a;x=1", "a,b;c"})
    void rawSemicolonIsRejected(String ids) {
        SERVER.api().post(REGISTRATION, users(user("a", attribute("n", "1"))));

        HttpApi.RawResponse response = SERVER.api().raw("GET", REGISTRATION + "/" + ids, null, null);

        assertError(response, 400).contains(";");
    }

    /** A raw {@code ;} in a DELETE path is a 400 and deletes nothing. */
    @Test
    void rawSemicolonInDeleteIsRejected() {
        SERVER.api().post(REGISTRATION, users(user("survivor", attribute("n", "1"))));

        HttpApi.RawResponse response = SERVER.api().raw("DELETE", DELETE + "survivor;x=1", null, null);

        assertError(response, 400).contains(";");
        assertThat(UsersBody.of(SERVER.api().get(REGISTRATION + "/survivor")).ids()).containsExactly("survivor");
    }

    /** An empty id in a list (two commas in a row, or one at an end) is a 400 on GET and DELETE. */
    @ParameterizedTest
    @ValueSource(strings = {"a,,b", ",a", "a,"})
    void emptyIdInListIsRejected(String ids) {
        assertError(SERVER.api().get(REGISTRATION + "/" + ids), 400).contains("empty");
        assertError(SERVER.api().delete(DELETE + ids), 400).contains("empty");
    }

    /** Encoded slash, backslash and space decode to characters no id may hold: 400 on GET and DELETE. */
    @ParameterizedTest
    @ValueSource(strings = {"a%2Fb", "a%2fb", "a%5Cb", "a%20b"})
    void decodedSlashBackslashOrSpaceIsRejected(String id) {
        assertError(SERVER.api().get(REGISTRATION + "/" + id), 400).contains("user id");
        assertError(SERVER.api().delete(DELETE + id), 400).contains("user id");
    }

    /** A raw backslash or a malformed percent escape is a 400 with the error body, not a 500. */
    @ParameterizedTest
    @ValueSource(strings = {"a\\b", "a%ZZb", "a%2", "a%", "a%G1"})
    void rawBackslashOrBadEscapeIsRejected(String id) {
        assertError(SERVER.api().raw("GET", REGISTRATION + "/" + id, null, null), 400);
        assertError(SERVER.api().raw("DELETE", DELETE + id, null, null), 400);
    }

    /** Encoded control characters are a 400 naming the character. */
    @ParameterizedTest
    @ValueSource(strings = {"a%00b", "a%0Ab", "a%0Db", "a%09b", "a%7Fb", "a%C2%85b"})
    void encodedControlCharacterIsRejected(String id) {
        assertError(SERVER.api().get(REGISTRATION + "/" + id), 400).contains("user id", "U+");
    }

    /** Percent escapes that do not decode as UTF-8 are a 400. */
    @Test
    void escapesThatAreNotUtf8AreRejected() {
        assertError(SERVER.api().get(REGISTRATION + "/a%FFb"), 400).contains("UTF-8");
    }

    /** User ids are case-sensitive: {@code U1} and {@code u1} are two users. */
    @Test
    void userIdsAreCaseSensitive() {
        SERVER.api().post(REGISTRATION, users(user("U1", attribute("n", "upper"))));
        SERVER.api().post(REGISTRATION, users(user("u1", attribute("n", "lower"))));

        UsersBody upper = UsersBody.of(SERVER.api().get(REGISTRATION + "/U1"));
        UsersBody lower = UsersBody.of(SERVER.api().get(REGISTRATION + "/u1"));

        assertThat(upper.attributesOf("U1")).containsExactly(returned("n", "upper", "NOMINAL"));
        assertThat(lower.attributesOf("u1")).containsExactly(returned("n", "lower", "NOMINAL"));
    }

    /** Deleting {@code CASE} leaves {@code case} alone. */
    @Test
    void deleteIsCaseSensitive() {
        SERVER.api().post(REGISTRATION, users(user("CASE", attribute("n", "1")), user("case", attribute("n", "2"))));

        SERVER.api().delete(DELETE + "CASE");
        UsersBody read = UsersBody.of(SERVER.api().get(REGISTRATION + "/CASE,case"));

        assertThat(read.ids()).containsExactly("case");
    }

    /** Keys are case-sensitive: {@code Color} and {@code color} are two keys, so their types may differ. */
    @Test
    void keysAreCaseSensitive() {
        String document = users(user("keys", attribute("Color", "red"), attribute("color", "7", "NUMERIC")));

        SERVER.api().post(REGISTRATION, document);
        UsersBody read = UsersBody.of(SERVER.api().get(REGISTRATION + "/keys"));

        assertThat(read.attributesOf("keys")).containsExactly(
                returned("Color", "red", "NOMINAL"), returned("color", "7", "NUMERIC"));
    }

    /** Characters other than slash, backslash, space and controls are allowed in ids, path and body alike. */
    @Test
    void idsMayHoldPunctuation() {
        String id = "a!$&'()*:@=?#[]{}|^~`\"<>.-_";
        String escaped = "a!$&amp;'()*:@=?#[]{}|^~`&quot;&lt;&gt;.-_";
        String encoded = "a!$&'()*:@=%3F%23%5B%5D%7B%7D%7C%5E~%60%22%3C%3E.-_";

        SERVER.api().post(REGISTRATION, users(user(escaped, attribute("n", "1"))));
        UsersBody read = UsersBody.of(SERVER.api().get(REGISTRATION + "/" + encoded));

        assertThat(read.ids()).containsExactly(id);
    }
}
