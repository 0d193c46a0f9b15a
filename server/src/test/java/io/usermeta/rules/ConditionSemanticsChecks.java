package io.usermeta.rules;

import static io.usermeta.testing.ConditionXml.absent;
import static io.usermeta.testing.ConditionXml.allOf;
import static io.usermeta.testing.ConditionXml.anyOf;
import static io.usermeta.testing.ConditionXml.contains;
import static io.usermeta.testing.ConditionXml.equalTo;
import static io.usermeta.testing.ConditionXml.in;
import static io.usermeta.testing.ConditionXml.not;
import static io.usermeta.testing.ConditionXml.op;
import static io.usermeta.testing.ConditionXml.present;
import static io.usermeta.testing.ConditionXml.range;
import static io.usermeta.testing.Documents.attribute;

import io.usermeta.testing.Population;
import io.usermeta.testing.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What each kind of condition holds, on small data sets of users posted across two sources. Every
 * check compares the ad-hoc evaluation, the members of the saved segment, their counts and the
 * memberships of every user, so the database queries and the in-memory evaluation must agree.
 */
class ConditionSemanticsChecks {
    private static final String CRM = "crm";
    private static final String WEB = "web";

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    private static Population population() {
        return Population.ofNewCustomer(SERVER);
    }

    /** Equals matches a value exactly: case, surrounding spaces and the key's case all count. */
    @Test
    void equalsIsExactAndCaseSensitive() {
        Population users = population()
                .user(CRM, "exact", attribute("color", "Red"))
                .user(CRM, "lower", attribute("color", "red"))
                .user(CRM, "padded", attribute("color", "Red "))
                .user(CRM, "other-key", attribute("Color", "Red"));

        users.assertMembers(equalTo("color", "Red"), "exact");
        users.assertMembers(equalTo("color", "red"), "lower");
        users.assertMembers(equalTo("Color", "Red"), "other-key");
    }

    /** In matches a value equal to any of the listed values, case-sensitively. */
    @Test
    void inMatchesAnyListedValueCaseSensitively() {
        Population users = population()
                .user(CRM, "red", attribute("color", "Red"))
                .user(CRM, "blue", attribute("color", "blue"))
                .user(CRM, "green", attribute("color", "green"))
                .user(CRM, "shouting", attribute("color", "BLUE"));

        users.assertMembers(in("color", "Red", "blue"), "red", "blue");
        users.assertMembers(in("color", "green"), "green");
        users.assertMembers(in("color", "red", "Blue", "purple"));
    }

    /** A user with several values of a key meets a predicate when any one of them does. */
    @Test
    void multiValuedKeyMatchesWhenAnyValueDoes() {
        Population users = population()
                .user(CRM, "both", attribute("genre", "comedy"), attribute("genre", "horror"))
                .user(CRM, "comedy", attribute("genre", "comedy"))
                .user(WEB, "split", attribute("genre", "drama"))
                .user(CRM, "split", attribute("genre", "horror"));

        users.assertMembers(equalTo("genre", "horror"), "both", "split");
        users.assertMembers(in("genre", "drama", "western"), "split");
        users.assertMembers(not(equalTo("genre", "horror")), "comedy");
        users.assertMembers(allOf(equalTo("genre", "comedy"), equalTo("genre", "horror")), "both");
        users.assertMembers(in("genre", "comedy", "horror"), "both", "comedy", "split");
        users.assertMembers(allOf(in("genre", "comedy", "horror", "drama"), not(equalTo("genre", "drama"))),
                "both", "comedy");
    }

    /** Equals and in compare TEXT values too, also values longer than any index holds whole. */
    @Test
    void equalsComparesLongTextValuesWhole() {
        String common = "x".repeat(300);
        Population users = population()
                .user(CRM, "first", attribute("essay", common + "first", "TEXT"))
                .user(CRM, "second", attribute("essay", common + "second", "TEXT"));

        users.assertMembers(op("equals").key("essay").type("TEXT").with("value", common + "second").xml(), "second");
        users.assertMembers(op("in").key("essay").type("TEXT").children("<value>" + common + "first</value>",
                "<value>" + common + "</value>").xml(), "first");
    }

    /** NUMERIC ranges compare decimals as numbers: 10 is above 9, and -2.50 equals -2.5. */
    @Test
    void numericRangeComparesAsDecimals() {
        Population users = population()
                .user(CRM, "nine", attribute("rate", "9", "NUMERIC"))
                .user(CRM, "ten", attribute("rate", "10", "NUMERIC"))
                .user(CRM, "hundred", attribute("rate", "100.0", "NUMERIC"))
                .user(CRM, "minus-two-fifty", attribute("rate", "-2.50", "NUMERIC"))
                .user(CRM, "minus-three", attribute("rate", "-3", "NUMERIC"))
                .user(CRM, "seven", attribute("rate", "007", "NUMERIC"));

        users.assertMembers(range("rate", "NUMERIC", "gt", "9"), "ten", "hundred");
        users.assertMembers(range("rate", "NUMERIC", "lt", "10"), "nine", "minus-two-fifty", "minus-three", "seven");
        users.assertMembers(range("rate", "NUMERIC", "gte", "-2.5", "lte", "-2.5"), "minus-two-fifty");
        users.assertMembers(range("rate", "NUMERIC", "gt", "-2.5", "lt", "9.5"), "nine", "seven");
        users.assertMembers(range("rate", "NUMERIC", "gte", "+7.000", "lte", "7"), "seven");
        users.assertMembers(range("rate", "NUMERIC", "gte", "100"), "hundred");
    }

    /** NUMERIC ranges are exact for long decimals, with no rounding through floating point. */
    @Test
    void numericRangeIsExactForLongDecimals() {
        Population users = population()
                .user(CRM, "whole", attribute("amount", "123456789012345678901234567890", "NUMERIC"))
                .user(CRM, "half-more", attribute("amount", "123456789012345678901234567890.5", "NUMERIC"))
                .user(CRM, "tiny-sum", attribute("amount", "0.30000000000000004", "NUMERIC"))
                .user(CRM, "three-tenths", attribute("amount", "0.3", "NUMERIC"));

        users.assertMembers(range("amount", "NUMERIC", "gt", "123456789012345678901234567890"), "half-more");
        users.assertMembers(range("amount", "NUMERIC", "gt", "0.3", "lt", "1"), "tiny-sum");
        users.assertMembers(range("amount", "NUMERIC", "lte", "0.3"), "three-tenths");
    }

    /** An exclusive bound leaves out a value equal to it, an inclusive one keeps it. */
    @Test
    void exclusiveAndInclusiveBoundsDiffer() {
        Population users = population()
                .user(CRM, "low", attribute("rate", "5", "NUMERIC"))
                .user(CRM, "middle", attribute("rate", "7.5", "NUMERIC"))
                .user(CRM, "high", attribute("rate", "10", "NUMERIC"));

        users.assertMembers(range("rate", "NUMERIC", "gt", "5", "lt", "10"), "middle");
        users.assertMembers(range("rate", "NUMERIC", "gte", "5", "lt", "10"), "low", "middle");
        users.assertMembers(range("rate", "NUMERIC", "gt", "5", "lte", "10"), "middle", "high");
        users.assertMembers(range("rate", "NUMERIC", "gte", "5", "lte", "10"), "low", "middle", "high");
    }

    /** A NUMERIC range looks at NUMERIC values only, not at NOMINAL values of the same key that look like numbers. */
    @Test
    void numericRangeIgnoresValuesOfOtherTypes() {
        Population users = population()
                .user(CRM, "numeric", attribute("score", "15", "NUMERIC"))
                .user(WEB, "nominal", attribute("score", "15"))
                .user(WEB, "text", attribute("score", "15", "TEXT"));

        users.assertMembers(range("score", "NUMERIC", "gte", "10"), "numeric");
        users.assertMembers(equalTo("score", "15"), "nominal");
    }

    /** DATE ranges compare calendar days, across months and years. */
    @Test
    void dateRangeComparesDays() {
        Population users = population()
                .user(CRM, "before", attribute("birthday", "2014-08-06", "DATE"))
                .user(CRM, "on", attribute("birthday", "2014-08-07", "DATE"))
                .user(CRM, "after", attribute("birthday", "2014-08-08", "DATE"))
                .user(CRM, "next-year", attribute("birthday", "2015-01-01", "DATE"))
                .user(CRM, "leap-day", attribute("birthday", "2016-02-29", "DATE"));

        users.assertMembers(range("birthday", "DATE", "gte", "2014-08-07", "lt", "2015-01-01"), "on", "after");
        users.assertMembers(range("birthday", "DATE", "gt", "2014-08-07"), "after", "next-year", "leap-day");
        users.assertMembers(range("birthday", "DATE", "lte", "2014-08-07"), "before", "on");
        users.assertMembers(range("birthday", "DATE", "gt", "2016-02-28", "lt", "2016-03-01"), "leap-day");
    }

    /** DATETIME ranges compare to the fraction of a second. */
    @Test
    void dateTimeRangeComparesToFractionsOfSeconds() {
        Population users = population()
                .user(CRM, "evening", attribute("seen", "2014-08-06T23:59:59", "DATETIME"))
                .user(CRM, "whole", attribute("seen", "2014-08-07T14:43:12", "DATETIME"))
                .user(CRM, "half", attribute("seen", "2014-08-07T14:43:12.5", "DATETIME"))
                .user(CRM, "later", attribute("seen", "2014-08-07T14:43:13", "DATETIME"));

        users.assertMembers(range("seen", "DATETIME", "gt", "2014-08-07T14:43:12"), "half", "later");
        users.assertMembers(range("seen", "DATETIME", "lte", "2014-08-07T14:43:12"), "evening", "whole");
        users.assertMembers(range("seen", "DATETIME", "gte", "2014-08-07T00:00:00", "lt", "2014-08-07T14:43:13"),
                "whole", "half");
        users.assertMembers(range("seen", "DATETIME", "gt", "2014-08-07T14:43:12.25", "lt", "2014-08-07T14:43:12.75"),
                "half");
    }

    /**
     * DATETIME ranges compare to the microsecond, as the specification says: a microsecond past 12 s
     * is after 12 s, a tenth of a microsecond past is not.
     */
    @Test
    void dateTimeRangeComparesToTheMicrosecond() {
        Population users = population()
                .user(CRM, "whole", attribute("seen", "2014-08-07T14:43:12", "DATETIME"))
                .user(CRM, "one-micro", attribute("seen", "2014-08-07T14:43:12.000001", "DATETIME"))
                .user(CRM, "tenth-micro", attribute("seen", "2014-08-07T14:43:12.0000001", "DATETIME"));

        users.assertMembers(range("seen", "DATETIME", "gt", "2014-08-07T14:43:12"), "one-micro");
        users.assertMembers(range("seen", "DATETIME", "lte", "2014-08-07T14:43:12"), "whole", "tenth-micro");
    }

    /** Present holds for users with a value of the key, of the given type when one is given. */
    @Test
    void presentHoldsForUsersWithTheKey() {
        Population users = population()
                .user(CRM, "nominal", attribute("nick", "al"))
                .user(WEB, "text", attribute("nick", "Al the Great", "TEXT"))
                .user(CRM, "other-key", attribute("name", "al"))
                .user(CRM, "empty");

        users.assertMembers(present("nick"), "nominal", "text");
        users.assertMembers(op("present").key("nick").type("TEXT").xml(), "text");
        users.assertMembers(op("present").key("nick").type("NOMINAL").xml(), "nominal");
    }

    /** Absent holds for users without a value of the key, including users whose sets are all empty. */
    @Test
    void absentHoldsForUsersWithoutTheKeyIncludingEmptySets() {
        Population users = population()
                .user(CRM, "nominal", attribute("nick", "al"))
                .user(WEB, "text", attribute("nick", "Al the Great", "TEXT"))
                .user(CRM, "other-key", attribute("name", "al"))
                .user(CRM, "empty")
                .user(WEB, "empty");

        users.assertMembers(absent("nick"), "other-key", "empty");
        users.assertMembers(op("absent").key("nick").type("TEXT").xml(), "nominal", "other-key", "empty");
        users.assertMembers(absent("never-used"), "nominal", "text", "other-key", "empty");
    }

    /** A user whose only set was cleared by an empty POST is still a user, and absent holds for it. */
    @Test
    void absentHoldsForUserWhoseSetWasCleared() {
        Population users = population()
                .user(CRM, "kept", attribute("nick", "al"))
                .user(CRM, "cleared", attribute("nick", "bo"));

        users.user(CRM, "cleared");

        users.assertMembers(absent("nick"), "cleared");
        users.assertMembers(present("nick"), "kept");
    }

    /** Contains finds text in TEXT values ignoring case, for non-ASCII letters too. */
    @Test
    void containsIgnoresCaseIncludingNonAscii() {
        Population users = population()
                .user(CRM, "fast", attribute("wants", "good products, FAST delivery", "TEXT"))
                .user(CRM, "upper-umlaut", attribute("wants", "ÄRGER vermeiden", "TEXT"))
                .user(CRM, "lower-umlaut", attribute("wants", "kein ärger", "TEXT"))
                .user(CRM, "plain", attribute("wants", "Arger", "TEXT"));

        users.assertMembers(contains("wants", "Fast"), "fast");
        users.assertMembers(contains("wants", "Ä"), "upper-umlaut", "lower-umlaut");
        users.assertMembers(contains("wants", "äRGER"), "upper-umlaut", "lower-umlaut");
        users.assertMembers(contains("wants", "arger"), "plain");
    }

    /** Contains takes % and _ literally, never as wildcards. */
    @Test
    void containsTakesWildcardCharactersLiterally() {
        Population users = population()
                .user(CRM, "percent", attribute("note", "100% sure", "TEXT"))
                .user(CRM, "underscore", attribute("note", "snake_case", "TEXT"))
                .user(CRM, "letters", attribute("note", "snakeXcase 100 sure", "TEXT"))
                .user(CRM, "bang", attribute("note", "wow! really", "TEXT"));

        users.assertMembers(contains("note", "%"), "percent");
        users.assertMembers(contains("note", "_"), "underscore");
        users.assertMembers(contains("note", "e_c"), "underscore");
        users.assertMembers(contains("note", "0% s"), "percent");
        users.assertMembers(contains("note", "!"), "bang");
    }

    /** A source restricts a predicate to the values of that one source. */
    @Test
    void sourceRestrictsPredicates() {
        Population users = population()
                .user(CRM, "crm-only", attribute("country", "DE"))
                .user(WEB, "web-only", attribute("country", "DE"))
                .user(CRM, "both", attribute("country", "AT"))
                .user(WEB, "both", attribute("country", "DE"));

        users.assertMembers(op("equals").key("country").source(CRM).with("value", "DE").xml(), "crm-only");
        users.assertMembers(op("present").key("country").source(WEB).xml(), "web-only", "both");
        users.assertMembers(op("absent").key("country").source(CRM).xml(), "web-only");
        users.assertMembers(op("in").key("country").source(CRM).children("<value>AT</value>").xml(), "both");
        users.assertMembers(op("equals").key("country").source("elsewhere").with("value", "DE").xml());
    }

    /** allOf, anyOf and not combine and nest as boolean and, or and not. */
    @Test
    void combinationsNest() {
        Population users = population()
                .user(CRM, "de-reseller", attribute("type", "reseller"), attribute("country", "DE"))
                .user(CRM, "at-reseller", attribute("type", "reseller"), attribute("country", "AT"))
                .user(CRM, "de-private", attribute("type", "private"), attribute("country", "DE"))
                .user(CRM, "nowhere", attribute("type", "private"));

        users.assertMembers(allOf(equalTo("type", "reseller"), equalTo("country", "DE")), "de-reseller");
        users.assertMembers(anyOf(equalTo("type", "reseller"), equalTo("country", "DE")),
                "de-reseller", "at-reseller", "de-private");
        users.assertMembers(allOf(equalTo("type", "reseller"), not(equalTo("country", "DE"))), "at-reseller");
        users.assertMembers(not(anyOf(equalTo("country", "DE"), equalTo("country", "AT"))), "nowhere");
        users.assertMembers(not(not(present("country"))), "de-reseller", "at-reseller", "de-private");
        users.assertMembers(anyOf(allOf(equalTo("type", "private"), absent("country")),
                allOf(not(equalTo("type", "private")), not(equalTo("country", "DE")))), "nowhere", "at-reseller");
        users.assertMembers(allOf(absent("country"), not(absent("type"))), "nowhere");
    }

    /** One customer's users are never members of another customer's conditions. */
    @Test
    void conditionsSeeOnlyTheirCustomersUsers() {
        Population mine = population().user(CRM, "shared-id", attribute("color", "red"));
        Population theirs = population().user(CRM, "shared-id", attribute("color", "blue"))
                .user(CRM, "theirs-only", attribute("color", "red"));

        mine.assertMembers(equalTo("color", "red"), "shared-id");
        mine.assertMembers(equalTo("color", "blue"));
        theirs.assertMembers(equalTo("color", "red"), "theirs-only");
        mine.assertMembers(absent("color"));
    }
}
