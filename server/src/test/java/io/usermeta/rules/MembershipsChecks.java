package io.usermeta.rules;

import static io.usermeta.testing.ConditionXml.absent;
import static io.usermeta.testing.ConditionXml.allOf;
import static io.usermeta.testing.ConditionXml.anyOf;
import static io.usermeta.testing.ConditionXml.equalTo;
import static io.usermeta.testing.ConditionXml.not;
import static io.usermeta.testing.ConditionXml.op;
import static io.usermeta.testing.ConditionXml.present;
import static io.usermeta.testing.ConditionXml.range;
import static io.usermeta.testing.Documents.attribute;
import static io.usermeta.testing.Documents.user;
import static io.usermeta.testing.ErrorBodies.assertError;
import static io.usermeta.testing.UsersBody.returned;
import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.testing.ClusterApi;
import io.usermeta.testing.MembersBody;
import io.usermeta.testing.MembershipsBody;
import io.usermeta.testing.MembershipsBody.Matched;
import io.usermeta.testing.RunningServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The memberships of a user: the saved segments that hold it now, ordered by name, each with the
 * leaf predicates that are true for it and the attributes, with their sources, that make them true.
 */
class MembershipsChecks {
    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    private static ClusterApi newCustomer() {
        return ClusterApi.ofNewCustomer(SERVER);
    }

    /** The segments holding the user come ordered by name, and those not holding it are left out. */
    @Test
    void segmentsHoldingTheUserComeOrderedByName() {
        ClusterApi api = newCustomer();
        api.post("crm", user("u-1", attribute("type", "reseller"), attribute("country", "DE")));
        api.save("resellers", equalTo("type", "reseller"));
        api.save("Germans", equalTo("country", "DE"));
        api.save("austrians", equalTo("country", "AT"));
        api.save("_anyone", present("type"));

        MembershipsBody memberships = api.membershipsOf("u-1");

        assertThat(memberships.user()).isEqualTo("u-1");
        assertThat(memberships.names()).containsExactly("Germans", "_anyone", "resellers");
    }

    /** Each true predicate is listed with its path, op, key and the matching attributes with their source. */
    @Test
    void matchedPredicatesNameTheirPathAndAttributes() {
        ClusterApi api = newCustomer();
        api.post("registration", user("u-1", attribute("type", "reseller"), attribute("country", "DE"),
                attribute("age", "30", "NUMERIC")));
        api.post("social", user("u-1", attribute("country", "AT"), attribute("brand", "Acme")));
        api.save("resellers-de", allOf(equalTo("type", "reseller"), equalTo("country", "DE")));
        api.save("nested", anyOf(equalTo("type", "private"), allOf(present("country"),
                range("age", "NUMERIC", "gte", "25", "lt", "35"))));

        MembershipsBody memberships = api.membershipsOf("u-1");

        assertThat(memberships.segment("resellers-de").matched()).containsExactly(
                new Matched("/0", "equals", "type", List.of(returned("type", "reseller", "NOMINAL", "registration"))),
                new Matched("/1", "equals", "country", List.of(returned("country", "DE", "NOMINAL", "registration"))));
        assertThat(memberships.segment("nested").matched()).hasSize(2);
        Matched country = memberships.segment("nested").matched().get(0);
        assertThat(country.path()).isEqualTo("/1/0");
        assertThat(country.op()).isEqualTo("present");
        assertThat(country.attributes()).containsExactlyInAnyOrder(
                returned("country", "DE", "NOMINAL", "registration"), returned("country", "AT", "NOMINAL", "social"));
        assertThat(memberships.segment("nested").matched().get(1)).isEqualTo(new Matched("/1/1", "range", "age",
                List.of(returned("age", "30", "NUMERIC", "registration"))));
    }

    /** Only the attributes that meet a predicate are listed with it, not every value of its key. */
    @Test
    void matchedListsOnlyTheAttributesMeetingThePredicate() {
        ClusterApi api = newCustomer();
        api.post("crm", user("u-1", attribute("age", "30", "NUMERIC"), attribute("genre", "horror"),
                attribute("genre", "comedy")));
        api.post("web", user("u-1", attribute("age", "50", "NUMERIC"), attribute("genre", "Horror")));
        api.save("thirties", range("age", "NUMERIC", "gte", "30", "lt", "40"));
        api.save("horror", op("equals").key("genre").with("value", "horror").xml());

        MembershipsBody memberships = api.membershipsOf("u-1");

        assertThat(memberships.segment("thirties").matched()).containsExactly(new Matched("/", "range", "age",
                List.of(returned("age", "30", "NUMERIC", "crm"))));
        assertThat(memberships.segment("horror").matched()).containsExactly(new Matched("/", "equals", "genre",
                List.of(returned("genre", "horror", "NOMINAL", "crm"))));
    }

    /** A root predicate has path {@code /}; a true absent lists no attributes. */
    @Test
    void rootPredicateAndAbsentPredicate() {
        ClusterApi api = newCustomer();
        api.post("crm", user("u-1", attribute("genre", "comedy"), attribute("genre", "horror")));
        api.save("films", op("in").key("genre").children("<value>horror</value>", "<value>comedy</value>",
                "<value>drama</value>").xml());
        api.save("no-country", absent("country"));

        MembershipsBody memberships = api.membershipsOf("u-1");

        assertThat(memberships.segment("films").matched()).singleElement().satisfies(matched -> {
            assertThat(matched.path()).isEqualTo("/");
            assertThat(matched.op()).isEqualTo("in");
            assertThat(matched.attributes()).containsExactlyInAnyOrder(returned("genre", "comedy", "NOMINAL", "crm"),
                    returned("genre", "horror", "NOMINAL", "crm"));
        });
        assertThat(memberships.segment("no-country").matched())
                .containsExactly(new Matched("/", "absent", "country", List.of()));
    }

    /** A predicate under a not is listed when it is true, which is when its not is false. */
    @Test
    void predicatesUnderNotAreListedOnlyWhenTrue() {
        ClusterApi api = newCustomer();
        api.post("crm", user("u-1", attribute("country", "DE"), attribute("type", "private")));
        api.save("not-austrian", allOf(present("type"), not(equalTo("country", "AT"))));
        api.save("either", anyOf(equalTo("type", "private"), not(equalTo("country", "DE"))));

        MembershipsBody memberships = api.membershipsOf("u-1");

        assertThat(memberships.segment("not-austrian").matched()).extracting(Matched::path).containsExactly("/0");
        assertThat(memberships.segment("either").matched()).extracting(Matched::path).containsExactly("/0", "/1/0");
    }

    /** An unknown user belongs to no segment, not even one every user belongs to. */
    @Test
    void unknownUserHasNoMemberships() {
        ClusterApi api = newCustomer();
        api.save("everyone", absent("never-used"));

        MembershipsBody memberships = api.membershipsOf("never-posted");

        assertThat(memberships.user()).isEqualTo("never-posted");
        assertThat(memberships.segments()).isEmpty();
    }

    /** A user whose sets are all empty belongs to the segments its absence of keys meets. */
    @Test
    void userWithEmptySetsMeetsAbsent() {
        ClusterApi api = newCustomer();
        api.post("crm", user("blank"));
        api.save("everyone", absent("country"));
        api.save("germans", equalTo("country", "DE"));

        assertThat(api.membershipsOf("blank").names()).containsExactly("everyone");
    }

    /** A user id that needs percent-encoding is found and named back decoded. */
    @Test
    void userIdNeedingPercentEncoding() {
        ClusterApi api = newCustomer();
        api.post("crm", user("Customer&lt;12.2014&gt;", attribute("country", "DE")),
                user("ä+ö,%;?#", attribute("country", "DE")));
        api.save("germans", equalTo("country", "DE"));

        MembershipsBody escaped = api.membershipsOf("Customer<12.2014>");
        MembershipsBody punctuated = api.membershipsOf("ä+ö,%;?#");

        assertThat(escaped.user()).isEqualTo("Customer<12.2014>");
        assertThat(escaped.names()).containsExactly("germans");
        assertThat(punctuated.user()).isEqualTo("ä+ö,%;?#");
        assertThat(punctuated.names()).containsExactly("germans");
        assertThat(MembersBody.of(api.members("germans", "")).ids())
                .containsExactlyInAnyOrder("Customer<12.2014>", "ä+ö,%;?#");
    }

    /** A user id that breaks its rule is a 400 naming the problem. */
    @Test
    void invalidUserIdIs400() {
        ClusterApi api = newCustomer();

        assertError(api.http().get(api.path("/memberships/a%20b")), 400).contains("U+0020");
        assertError(api.http().get(api.path("/memberships/a,b")), 400).contains("comma");
        assertError(api.http().get(api.path("/memberships/" + "u".repeat(257))), 400).contains("256");
    }
}
