package io.usermeta.rules;

import static io.usermeta.testing.Documents.attribute;
import static io.usermeta.testing.Documents.user;
import static io.usermeta.testing.Documents.users;
import static io.usermeta.testing.UsersBody.returned;
import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.testing.RunningServer;
import io.usermeta.testing.UsersBody;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Values of every type go in through POST and come back through GET exactly as sent. */
class RoundTripChecks {
    private static final String REGISTRATION = "/api/00000/registration/user";

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    /** Posts one user with {@code attributes} and returns the attributes a GET then reads back. */
    private static List<UsersBody.Attribute> roundTrip(String userId, String... attributes) {
        assertThat(SERVER.api().post(REGISTRATION, users(user(userId, attributes))).statusCode()).isEqualTo(204);
        return UsersBody.of(SERVER.api().get(REGISTRATION + "/" + userId)).attributesOf(userId);
    }

    /** The reference document comes back with every attribute, in posted order, each with its type. */
    @Test
    void referenceDocumentComesBackInPostedOrderWithTypes() {
        String document = users(user("reference",
                attribute("country", "DE", "NOMINAL"),
                attribute("discountrate", "2", "NUMERIC"),
                attribute("wants", "good products, fast delivery", "TEXT"),
                attribute("type", "reseller"),
                attribute("favorite_film_genre", "comedy"),
                attribute("favorite_film_genre", "horror")));

        HttpResponse<String> posted = SERVER.api().post(REGISTRATION, document);
        UsersBody read = UsersBody.of(SERVER.api().get(REGISTRATION + "/reference"));

        assertThat(posted.statusCode()).isEqualTo(204);
        assertThat(read.attributesOf("reference")).containsExactly(
                returned("country", "DE", "NOMINAL"),
                returned("discountrate", "2", "NUMERIC"),
                returned("wants", "good products, fast delivery", "TEXT"),
                returned("type", "reseller", "NOMINAL"),
                returned("favorite_film_genre", "comedy", "NOMINAL"),
                returned("favorite_film_genre", "horror", "NOMINAL"));
    }

    /**
     * Values made of characters outside the Basic Multilingual Plane (two UTF-16 units each) are stored
     * up to the limits, which count characters: short and long NOMINAL values, and a TEXT value whose
     * first characters hold some. Its NOMINAL values are then counted in the key's distribution.
     */
    @Test
    void valuesOfTwoUnitCharactersRoundTripUpToTheLimits() {
        String emoji = "\uD83D\uDE00";
        String shortValue = emoji.repeat(101);
        String longestNominal = emoji.repeat(1_024);
        String text = ("Great shop " + emoji + "\uD83D\uDC4D").repeat(10) + " x".repeat(100);
        String longestText = emoji.repeat(65_536);

        List<UsersBody.Attribute> read = roundTrip("astral",
                attribute("mood", shortValue, "NOMINAL"),
                attribute("mood", longestNominal, "NOMINAL"),
                attribute("review", text, "TEXT"),
                attribute("essay", longestText, "TEXT"));

        assertThat(read).containsExactly(
                returned("mood", shortValue, "NOMINAL"),
                returned("mood", longestNominal, "NOMINAL"),
                returned("review", text, "TEXT"),
                returned("essay", longestText, "TEXT"));
        assertThat(SERVER.api().get("/api/00000/attributes/mood/distribution").body())
                .contains(shortValue, longestNominal.substring(0, 200));
    }

    /** DATE values, leap days included, are returned exactly as sent. */
    @Test
    void dateRoundTripsExactly() {
        List<UsersBody.Attribute> read = roundTrip("dates",
                attribute("birthday", "1984-03-17", "DATE"),
                attribute("leapday", "2016-02-29", "DATE"),
                attribute("firstday", "0001-01-01", "DATE"));

        assertThat(read).containsExactly(
                returned("birthday", "1984-03-17", "DATE"),
                returned("leapday", "2016-02-29", "DATE"),
                returned("firstday", "0001-01-01", "DATE"));
    }

    /** DATETIME values, with or without fractional seconds, come back unshifted and unrounded. */
    @Test
    void dateTimeRoundTripsExactlyWithFractionalSeconds() {
        List<UsersBody.Attribute> read = roundTrip("datetimes",
                attribute("registered", "2014-08-07T14:43:12", "DATETIME"),
                attribute("midnight", "2014-12-31T00:00:00", "DATETIME"),
                attribute("tenth", "2014-08-07T14:43:12.5", "DATETIME"),
                attribute("nanos", "2014-08-07T14:43:12.123456789", "DATETIME"),
                attribute("trailing", "2014-08-07T14:43:12.500", "DATETIME"));

        assertThat(read).containsExactly(
                returned("registered", "2014-08-07T14:43:12", "DATETIME"),
                returned("midnight", "2014-12-31T00:00:00", "DATETIME"),
                returned("tenth", "2014-08-07T14:43:12.5", "DATETIME"),
                returned("nanos", "2014-08-07T14:43:12.123456789", "DATETIME"),
                returned("trailing", "2014-08-07T14:43:12.500", "DATETIME"));
    }

    /** An attribute without a type is NOMINAL, and the response says so. */
    @Test
    void attributeWithoutTypeComesBackAsNominal() {
        SERVER.api().post(REGISTRATION, users(user("untyped", attribute("gender", "f"))));

        HttpResponse<String> response = SERVER.api().get(REGISTRATION + "/untyped");

        assertThat(UsersBody.of(response).attributesOf("untyped")).containsExactly(returned("gender", "f", "NOMINAL"));
        assertThat(response.body()).contains("type=\"NOMINAL\"");
    }

    /** A NOMINAL key may repeat to hold several values, all of which come back in posted order. */
    @Test
    void nominalKeyHoldsSeveralValues() {
        List<UsersBody.Attribute> read = roundTrip("multi",
                attribute("brand", "Acme"), attribute("brand", "Globex"), attribute("brand", "Initech"));

        assertThat(read).containsExactly(returned("brand", "Acme", "NOMINAL"),
                returned("brand", "Globex", "NOMINAL"), returned("brand", "Initech", "NOMINAL"));
    }

    /** NUMERIC values keep their lexical form: signs, leading and trailing zeros and bare points stay. */
    @Test
    void numericKeepsItsExactLexicalForm() {
        List<UsersBody.Attribute> read = roundTrip("numbers",
                attribute("negative", "-0.50", "NUMERIC"),
                attribute("plus", "+3", "NUMERIC"),
                attribute("point", ".5", "NUMERIC"),
                attribute("trailingpoint", "3.", "NUMERIC"),
                attribute("zeros", "007", "NUMERIC"),
                attribute("integer", "-2345", "NUMERIC"),
                attribute("big", "123456789012345678901234567890.000000000000000000001", "NUMERIC"));

        assertThat(read).containsExactly(
                returned("negative", "-0.50", "NUMERIC"),
                returned("plus", "+3", "NUMERIC"),
                returned("point", ".5", "NUMERIC"),
                returned("trailingpoint", "3.", "NUMERIC"),
                returned("zeros", "007", "NUMERIC"),
                returned("integer", "-2345", "NUMERIC"),
                returned("big", "123456789012345678901234567890.000000000000000000001", "NUMERIC"));
    }

    /** TEXT with escaped newlines, tabs and XML's special characters reads back as the same text. */
    @Test
    void textKeepsEscapedNewlinesTabsAndSpecialCharacters() {
        String value = "first line&#10;second&#9;tabbed&#10;&lt;b&gt; &amp; &quot;quoted&quot; 'single'";

        List<UsersBody.Attribute> read = roundTrip("text", attribute("wants", value, "TEXT"));

        assertThat(read).containsExactly(
                returned("wants", "first line\nsecond\ttabbed\n<b> & \"quoted\" 'single'", "TEXT"));
    }

    /** Attributes come back in the order they were posted, not sorted by key or type. */
    @Test
    void attributesComeBackInPostedOrder() {
        List<UsersBody.Attribute> read = roundTrip("ordered",
                attribute("zeta", "1", "NUMERIC"), attribute("alpha", "z"), attribute("mu", "2014-08-07", "DATE"),
                attribute("alpha", "a"), attribute("beta", "text", "TEXT"));

        assertThat(read).containsExactly(
                returned("zeta", "1", "NUMERIC"), returned("alpha", "z", "NOMINAL"),
                returned("mu", "2014-08-07", "DATE"), returned("alpha", "a", "NOMINAL"),
                returned("beta", "text", "TEXT"));
    }
}
