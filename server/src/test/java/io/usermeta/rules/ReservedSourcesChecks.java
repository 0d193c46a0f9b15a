package io.usermeta.rules;

import static io.usermeta.testing.Documents.attribute;
import static io.usermeta.testing.Documents.user;
import static io.usermeta.testing.Documents.users;
import static io.usermeta.testing.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.testing.ClusterApi;
import io.usermeta.testing.RunningServer;
import io.usermeta.testing.UsersBody;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The names of the cluster paths are not sources: a POST or GET of the User API with one is a 400. */
class ReservedSourcesChecks {
    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    /** A POST to a reserved source is a 400 naming it, and stores nothing. */
    @ParameterizedTest
    @ValueSource(strings = {"segments", "attributes", "memberships"})
    void postToReservedSourceIs400(String source) {
        ClusterApi api = ClusterApi.ofNewCustomer(SERVER);
        api.post("crm", user("u-1", attribute("country", "DE")));

        HttpResponse<String> response = api.http().post(api.path("/" + source + "/user"),
                users(user("u-1", attribute("country", "AT")), user("u-2", attribute("country", "AT"))));

        assertError(response, 400).contains("'" + source + "'", "reserved");
        UsersBody stored = UsersBody.of(api.http().get(api.path("/crm/user/u-1,u-2?allSources=true")));
        assertThat(stored.ids()).containsExactly("u-1");
        assertThat(stored.attributesOf("u-1")).extracting(UsersBody.Attribute::value).containsExactly("DE");
    }

    /** A GET of a reserved source is a 400 naming it, with or without allSources. */
    @ParameterizedTest
    @ValueSource(strings = {"segments", "attributes", "memberships"})
    void getOfReservedSourceIs400(String source) {
        ClusterApi api = ClusterApi.ofNewCustomer(SERVER);
        api.post("crm", user("u-1", attribute("country", "DE")));

        assertError(api.http().get(api.path("/" + source + "/user/u-1")), 400).contains("'" + source + "'",
                "reserved");
        assertError(api.http().get(api.path("/" + source + "/user/u-1,u-2?allSources=true")), 400)
                .contains("'" + source + "'", "reserved");
    }

    /** Names that merely resemble the reserved ones are ordinary sources. */
    @ParameterizedTest
    @ValueSource(strings = {"Segments", "segments2", "my-attributes", "memberships.v2"})
    void similarNamesAreOrdinarySources(String source) {
        ClusterApi api = ClusterApi.ofNewCustomer(SERVER);

        api.post(source, user("u-1", attribute("country", "DE")));

        assertThat(UsersBody.of(api.http().get(api.path("/" + source + "/user/u-1"))).ids()).containsExactly("u-1");
    }
}
