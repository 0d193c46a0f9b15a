package io.usermeta.rules;

import static io.usermeta.testing.Documents.attribute;
import static io.usermeta.testing.Documents.user;
import static io.usermeta.testing.Documents.users;
import static io.usermeta.testing.UsersBody.returned;
import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.testing.HttpApi;
import io.usermeta.testing.RunningServer;
import io.usermeta.testing.UsersBody;
import io.usermeta.testing.Witness;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Replace semantics per user and source, set semantics, reading across sources and opting out. */
class AttributeSetChecks {
    private static final String API = "/api/00000/";
    private static final String REGISTRATION = API + "registration/user";
    private static final String SOCIAL = API + "social/user";

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    /** A second POST for the same user and source replaces the whole set; nothing of the first remains. */
    @Test
    void secondPostReplacesTheSetOfThatSource() {
        HttpApi api = SERVER.api();
        api.post(REGISTRATION, users(user("replaced", attribute("gender", "f"), attribute("age", "30", "NUMERIC"))));

        api.post(REGISTRATION, users(user("replaced", attribute("zip", "10115"))));
        UsersBody read = UsersBody.of(api.get(REGISTRATION + "/replaced"));

        assertThat(read.attributesOf("replaced")).containsExactly(returned("zip", "10115", "NOMINAL"));
    }

    /** Replacing the set of one source leaves the sets of other sources of the same user as they were. */
    @Test
    void postLeavesOtherSourcesUntouched() {
        HttpApi api = SERVER.api();
        api.post(REGISTRATION, users(user("two-sources", attribute("gender", "f"))));
        api.post(SOCIAL, users(user("two-sources", attribute("brand", "Acme"))));

        api.post(REGISTRATION, users(user("two-sources", attribute("gender", "m"))));
        UsersBody read = UsersBody.of(api.get(REGISTRATION + "/two-sources?allSources=true"));

        assertThat(read.attributesOf("two-sources")).containsExactly(
                returned("gender", "m", "NOMINAL"), returned("brand", "Acme", "NOMINAL", "social"));
    }

    /** A POST touches only the users it names; other users of the same source keep their sets. */
    @Test
    void postLeavesUsersNotInTheDocumentUntouched() {
        HttpApi api = SERVER.api();
        api.post(REGISTRATION, users(user("kept", attribute("gender", "f")), user("other", attribute("gender", "f"))));

        api.post(REGISTRATION, users(user("other", attribute("gender", "m"))));
        UsersBody read = UsersBody.of(api.get(REGISTRATION + "/kept"));

        assertThat(read.attributesOf("kept")).containsExactly(returned("gender", "f", "NOMINAL"));
    }

    /** An empty {@code <attributes/>} clears the set; the user stays known, with no attributes. */
    @Test
    void emptyAttributesClearTheSet() {
        HttpApi api = SERVER.api();
        api.post(REGISTRATION, users(user("cleared", attribute("gender", "f"))));

        HttpResponse<String> posted = api.post(REGISTRATION, users("<user id=\"cleared\"><attributes/></user>"));
        UsersBody read = UsersBody.of(api.get(REGISTRATION + "/cleared"));

        assertThat(posted.statusCode()).isEqualTo(204);
        assertThat(read.ids()).containsExactly("cleared");
        assertThat(read.attributesOf("cleared")).isEmpty();
    }

    /** A {@code <user>} without {@code <attributes>} is a 400 naming the user, and nothing is stored. */
    @Test
    void userWithoutAttributesElementIsRejected() {
        Witness.assertRejectedAndNothingStored(SERVER.api(), "registration", "<user id=\"no-attributes\"/>",
                "no-attributes", "<attributes> is missing");
    }

    /** An exact duplicate (same key, value and type, an absent type counting as NOMINAL) is stored once. */
    @Test
    void exactDuplicateIsStoredOnce() {
        String document = users(user("duplicates",
                attribute("brand", "Acme"), attribute("brand", "Globex"), attribute("brand", "Acme", "NOMINAL"),
                attribute("age", "30", "NUMERIC"), attribute("age", "30", "NUMERIC"),
                attribute("age", "30.0", "NUMERIC")));

        SERVER.api().post(REGISTRATION, document);
        UsersBody read = UsersBody.of(SERVER.api().get(REGISTRATION + "/duplicates"));

        assertThat(read.attributesOf("duplicates")).containsExactly(
                returned("brand", "Acme", "NOMINAL"), returned("brand", "Globex", "NOMINAL"),
                returned("age", "30", "NUMERIC"), returned("age", "30.0", "NUMERIC"));
    }

    /** Two values of one key with different types are a 400 naming user and key, and nothing is stored. */
    @Test
    void sameKeyWithTwoTypesIsRejected() {
        String offender = user("mixed-types", attribute("age", "30", "NUMERIC"), attribute("age", "thirty", "TEXT"));

        Witness.assertRejectedAndNothingStored(SERVER.api(), "registration", offender,
                "mixed-types", "age", "NUMERIC", "TEXT");
    }

    /** With allSources the path's source comes first, then the other sources by name, each tagged. */
    @Test
    void allSourcesListsPathSourceFirstThenOthersByName() {
        HttpApi api = SERVER.api();
        api.post(API + "zeta/user", users(user("everywhere", attribute("z", "1"))));
        api.post(API + "main/user", users(user("everywhere", attribute("m", "2"), attribute("n", "3"))));
        api.post(API + "alpha/user", users(user("everywhere", attribute("a", "4"))));

        UsersBody read = UsersBody.of(api.get(API + "main/user/everywhere?allSources=true"));

        assertThat(read.attributesOf("everywhere")).containsExactly(
                returned("m", "2", "NOMINAL"), returned("n", "3", "NOMINAL"),
                returned("a", "4", "NOMINAL", "alpha"), returned("z", "1", "NOMINAL", "zeta"));
    }

    /** Without allSources, or with allSources=false, only the path's source is returned. */
    @Test
    void withoutAllSourcesOnlyThePathSourceIsReturned() {
        HttpApi api = SERVER.api();
        api.post(REGISTRATION, users(user("scoped", attribute("gender", "f"))));
        api.post(SOCIAL, users(user("scoped", attribute("brand", "Acme"))));

        UsersBody implicit = UsersBody.of(api.get(REGISTRATION + "/scoped"));
        UsersBody explicit = UsersBody.of(api.get(REGISTRATION + "/scoped?allSources=false"));

        assertThat(implicit.attributesOf("scoped")).containsExactly(returned("gender", "f", "NOMINAL"));
        assertThat(explicit).isEqualTo(implicit);
    }

    /** A user known only from another source comes back with empty attributes for the path's source. */
    @Test
    void userKnownOnlyFromAnotherSourceHasNoAttributesInThisOne() {
        SERVER.api().post(SOCIAL, users(user("social-only", attribute("brand", "Acme"))));

        UsersBody read = UsersBody.of(SERVER.api().get(REGISTRATION + "/social-only"));

        assertThat(read.ids()).containsExactly("social-only");
        assertThat(read.attributesOf("social-only")).isEmpty();
    }

    /** A GET of several ids returns the known ones in the order listed; unknown ids are absent, status 200. */
    @Test
    void multiIdGetReturnsKnownUsersInListedOrder() {
        HttpApi api = SERVER.api();
        api.post(REGISTRATION, users(user("first", attribute("n", "1")), user("second", attribute("n", "2")),
                user("third", attribute("n", "3"))));

        UsersBody read = UsersBody.of(api.get(REGISTRATION + "/third,never-posted,first,second"));

        assertThat(read.ids()).containsExactly("third", "first", "second");
        assertThat(read.attributesOf("first")).containsExactly(returned("n", "1", "NOMINAL"));
    }

    /** A GET of unknown ids only is an empty {@code <users>} with status 200. */
    @Test
    void getOfUnknownIdsIsEmpty() {
        UsersBody read = UsersBody.of(SERVER.api().get(REGISTRATION + "/nobody,nobody-else"));

        assertThat(read.users()).isEmpty();
    }

    /** DELETE removes the user with its sets in every source; other users stay. */
    @Test
    void deleteRemovesTheUserAcrossAllSources() {
        HttpApi api = SERVER.api();
        api.post(REGISTRATION, users(user("opt-out", attribute("gender", "f")),
                user("stays", attribute("gender", "m"))));
        api.post(SOCIAL, users(user("opt-out", attribute("brand", "Acme"))));

        HttpResponse<String> deleted = api.delete(API + "user/opt-out");
        UsersBody read = UsersBody.of(api.get(REGISTRATION + "/opt-out,stays?allSources=true"));
        UsersBody social = UsersBody.of(api.get(SOCIAL + "/opt-out"));

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(read.ids()).containsExactly("stays");
        assertThat(social.users()).isEmpty();
    }

    /** DELETE of several ids removes each of them. */
    @Test
    void deleteOfSeveralIdsRemovesEach() {
        HttpApi api = SERVER.api();
        api.post(REGISTRATION, users(user("gone-1", attribute("n", "1")), user("gone-2", attribute("n", "2"))));

        HttpResponse<String> deleted = api.delete(API + "user/gone-1,gone-2,never-posted");
        UsersBody read = UsersBody.of(api.get(REGISTRATION + "/gone-1,gone-2"));

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(read.users()).isEmpty();
    }

    /** A user deleted and posted again starts from an empty state in every source. */
    @Test
    void userPostedAfterDeleteStartsAfresh() {
        HttpApi api = SERVER.api();
        api.post(REGISTRATION, users(user("reborn", attribute("gender", "f"))));
        api.post(SOCIAL, users(user("reborn", attribute("brand", "Acme"))));
        api.delete(API + "user/reborn");

        api.post(REGISTRATION, users(user("reborn", attribute("gender", "m"))));
        UsersBody read = UsersBody.of(api.get(REGISTRATION + "/reborn?allSources=true"));

        assertThat(read.attributesOf("reborn")).containsExactly(returned("gender", "m", "NOMINAL"));
    }
}
