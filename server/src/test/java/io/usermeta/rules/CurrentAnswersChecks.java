package io.usermeta.rules;

import static io.usermeta.testing.ConditionXml.absent;
import static io.usermeta.testing.ConditionXml.equalTo;
import static io.usermeta.testing.Documents.attribute;
import static io.usermeta.testing.Documents.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.testing.ClusterApi;
import io.usermeta.testing.MembersBody;
import io.usermeta.testing.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cluster answers are always current: the next query after a POST or DELETE reflects it. */
class CurrentAnswersChecks {
    private static final String GERMANS = equalTo("country", "DE");

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    private static ClusterApi customerWithGermans() {
        ClusterApi api = ClusterApi.ofNewCustomer(SERVER);
        api.save("germans", GERMANS);
        api.save("everyone", absent("never-used"));
        return api;
    }

    /** A POST that changes a value moves the user into a segment and out of it at the next query. */
    @Test
    void postMovesTheUserInAndOut() {
        ClusterApi api = customerWithGermans();
        api.post("crm", user("mover", attribute("country", "AT")), user("stayer", attribute("country", "DE")));
        MembersBody before = MembersBody.of(api.members("germans", ""));

        api.post("crm", user("mover", attribute("country", "DE")));
        MembersBody joined = MembersBody.of(api.members("germans", ""));
        MembersBody evaluated = api.evaluated(GERMANS);
        boolean memberAfterJoining = api.membershipsOf("mover").names().contains("germans");
        api.post("crm", user("mover", attribute("country", "FR")));
        MembersBody left = MembersBody.of(api.members("germans", ""));

        assertThat(before.ids()).containsExactly("stayer");
        assertThat(joined.ids()).containsExactly("mover", "stayer");
        assertThat(joined.count()).isEqualTo(2);
        assertThat(evaluated.ids()).containsExactly("mover", "stayer");
        assertThat(memberAfterJoining).isTrue();
        assertThat(left.ids()).containsExactly("stayer");
        assertThat(left.count()).isEqualTo(1);
        assertThat(api.membershipsOf("mover").names()).containsExactly("everyone");
    }

    /** A value posted for another source counts at once, and clearing that source removes it at once. */
    @Test
    void otherSourcesCountAtOnce() {
        ClusterApi api = customerWithGermans();
        api.post("crm", user("u-1", attribute("country", "AT")));

        api.post("web", user("u-1", attribute("country", "DE")));
        MembersBody joined = MembersBody.of(api.members("germans", ""));
        api.post("web", user("u-1"));
        MembersBody left = MembersBody.of(api.members("germans", ""));

        assertThat(joined.ids()).containsExactly("u-1");
        assertThat(left.ids()).isEmpty();
        assertThat(left.count()).isZero();
    }

    /** An opted-out user is gone at once from members, counts, evaluation and memberships, absent included. */
    @Test
    void optOutRemovesTheUserEverywhereAtOnce() {
        ClusterApi api = customerWithGermans();
        api.post("crm", user("leaver", attribute("country", "DE")), user("stayer", attribute("country", "DE")));
        api.post("web", user("leaver", attribute("brand", "Acme")));

        api.optOut("leaver");

        MembersBody germans = MembersBody.of(api.members("germans", ""));
        MembersBody everyone = MembersBody.of(api.members("everyone", ""));
        MembersBody evaluated = api.evaluated(absent("country"));
        assertThat(germans.ids()).containsExactly("stayer");
        assertThat(germans.count()).isEqualTo(1);
        assertThat(everyone.ids()).containsExactly("stayer");
        assertThat(everyone.count()).isEqualTo(1);
        assertThat(evaluated.ids()).isEmpty();
        assertThat(evaluated.count()).isZero();
        assertThat(api.membershipsOf("leaver").segments()).isEmpty();
    }

    /** A saved segment keeps answering after its key comes to hold values of another type than it looks at. */
    @Test
    void savedSegmentSurvivesItsKeyChangingType() {
        ClusterApi api = customerWithGermans();
        api.post("crm", user("u-1", attribute("country", "49", "NUMERIC")));

        MembersBody members = MembersBody.of(api.members("germans", ""));

        assertThat(members.ids()).isEmpty();
        assertThat(members.count()).isZero();
        assertThat(api.membershipsOf("u-1").names()).containsExactly("everyone");
    }

    /** An opted-out user who is posted again is a member again, with only the new data. */
    @Test
    void userPostedAfterOptOutIsAMemberAgain() {
        ClusterApi api = customerWithGermans();
        api.post("crm", user("returner", attribute("country", "DE")));
        api.post("web", user("returner", attribute("brand", "Acme")));
        api.optOut("returner");

        api.post("crm", user("returner", attribute("country", "DE")));

        assertThat(MembersBody.of(api.members("germans", "")).ids()).containsExactly("returner");
        assertThat(api.evaluated(equalTo("brand", "Acme")).ids()).isEmpty();
        assertThat(api.membershipsOf("returner").names()).containsExactly("everyone", "germans");
    }
}
