package io.usermeta.contract;

import static io.usermeta.contract.Contract.ESCAPED_ID;
import static io.usermeta.contract.Contract.FACEBOOK;
import static io.usermeta.contract.Contract.REGISTRATION;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.StateChangeAction;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.usermeta.auth.LicenseKeys;
import io.usermeta.store.CustomerRepository;
import io.usermeta.testing.HttpApi;
import io.usermeta.testing.RunningServer;
import io.usermeta.testing.SpecCheckingProxy;
import io.usermeta.testing.UserAttribute;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replays every interaction of the pacts the consumer tests wrote against a real server (Grizzly on a
 * random port, a fresh H2 database, the default limits but for a 64 KiB body and an 8 KiB URI, so that
 * the pacts of a 413 and of an over-long POST stay small). Each provider state stores exactly the data
 * its interactions need and removes it afterwards, so interactions pass in any order. The verifier talks
 * to the server through a {@link SpecCheckingProxy}, so every answer is also checked against the spec.
 */
@Provider(Contract.PROVIDER)
@PactFolder("target/pacts")
class UsermetaProviderPactIT {
    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withLimits(Contract.providerLimits());

    private static SpecCheckingProxy proxy;

    @BeforeAll
    static void startTheProxy() throws IOException {
        proxy = SpecCheckingProxy.to(SERVER.server().baseUri());
    }

    /** Every answer the server gave during the verification conforms to the OpenAPI document. */
    @AfterAll
    static void everyAnswerConformedToTheSpec() {
        proxy.close();
        assertThat(proxy.problems()).as("answers that do not conform to the spec").isEmpty();
    }

    @BeforeEach
    void aimAtTheServer(PactVerificationContext context) throws MalformedURLException {
        context.setTarget(HttpTestTarget.Companion.fromUrl(proxy.uri().toURL()));
    }

    /** The real server answers each interaction as the client's pact expects. */
    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void serverHonoursTheClientsPact(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @State(Contract.U1_IN_TWO_SOURCES)
    void storeU1InTwoSources() {
        post(REGISTRATION, "u-1", List.of(
                new UserAttribute("gender", "f", "NOMINAL"),
                new UserAttribute("birthday", "1984-03-17", "DATE"),
                new UserAttribute("discountrate", "2", "NUMERIC")));
        post(FACEBOOK, "u-1", List.of(new UserAttribute("brand", "Acme", "NOMINAL")));
    }

    @State(value = Contract.U1_IN_TWO_SOURCES, action = StateChangeAction.TEARDOWN)
    void removeU1() {
        delete("u-1");
    }

    @State(Contract.ESCAPED_USER_KNOWN)
    void storeTheUserWithAnEscapedId() {
        post(REGISTRATION, ESCAPED_ID, List.of(new UserAttribute("registered", "2014-12-01T09:30:00", "DATETIME")));
    }

    @State(value = Contract.ESCAPED_USER_KNOWN, action = StateChangeAction.TEARDOWN)
    void removeTheUserWithAnEscapedId() {
        delete(ESCAPED_ID);
    }

    @State(Contract.U2_UNKNOWN)
    void makeSureU2IsUnknown() {
        delete("u-2");
    }

    @State(value = Contract.U2_UNKNOWN, action = StateChangeAction.TEARDOWN)
    void removeWhatWasStoredForU2() {
        delete("u-2");
    }

    @State(Contract.OTHER_CUSTOMER_EXISTS)
    void addTheOtherCustomer() {
        customers().put(Contract.OTHER_CUSTOMER, LicenseKeys.hash(Contract.OTHER_LICENSE_KEY));
    }

    @State(value = Contract.OTHER_CUSTOMER_EXISTS, action = StateChangeAction.TEARDOWN)
    void removeTheOtherCustomer() {
        customers().remove(Contract.OTHER_CUSTOMER);
    }

    @State(Contract.CLUSTERED_USERS)
    void storeUsersToCluster() {
        post(REGISTRATION, "r-1", List.of(new UserAttribute("type", "reseller", "NOMINAL"),
                new UserAttribute("country", "DE", "NOMINAL"), new UserAttribute("age", "30", "NUMERIC"),
                new UserAttribute("registered", "2014-08-07", "DATE")));
        post(REGISTRATION, "r-2", List.of(new UserAttribute("type", "reseller", "NOMINAL"),
                new UserAttribute("country", "AT", "NOMINAL"), new UserAttribute("age", "41", "NUMERIC"),
                new UserAttribute("registered", "2013-05-02", "DATE")));
        post(REGISTRATION, "r-3", List.of(new UserAttribute("country", "DE", "NOMINAL"),
                new UserAttribute("age", "19", "NUMERIC"), new UserAttribute("registered", "2014-01-15", "DATE")));
    }

    @State(value = Contract.CLUSTERED_USERS, action = StateChangeAction.TEARDOWN)
    void removeUsersToCluster() {
        delete("r-1", "r-2", "r-3");
    }

    @State(Contract.SEGMENTS_SAVED)
    void saveTwoSegments() {
        putSegment("adults", "<segment><description>Aged 18 or more</description>"
                + "<condition op=\"range\" key=\"age\" type=\"NUMERIC\" gte=\"18\"/></segment>");
        putSegment("resellers-de", "<segment><condition op=\"allOf\">"
                + "<condition op=\"equals\" key=\"type\" value=\"reseller\"/>"
                + "<condition op=\"equals\" key=\"country\" value=\"DE\"/></condition></segment>");
    }

    @State(value = Contract.SEGMENTS_SAVED, action = StateChangeAction.TEARDOWN)
    void removeTheTwoSegments() {
        removeSegments("adults", "resellers-de");
    }

    @State(Contract.NO_HORROR_FANS)
    void makeSureHorrorFansIsUnknown() {
        removeSegments("horror-fans");
    }

    @State(value = Contract.NO_HORROR_FANS, action = StateChangeAction.TEARDOWN)
    void removeWhatWasSavedAsHorrorFans() {
        removeSegments("horror-fans");
    }

    /** The server's own customer store: customers are managed outside the API, as the command line does. */
    private static CustomerRepository customers() {
        return SERVER.server().server().customers();
    }

    private static void post(String source, String userId, List<UserAttribute> attributes) {
        HttpResponse<String> response = SERVER.api().postUsers(source, Map.of(userId, attributes));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private static void delete(String... userIds) {
        HttpResponse<String> response = SERVER.api().deleteUsers(List.of(userIds));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    /** Saves a segment through the API, so it is checked and stored exactly as a client's would be. */
    private static void putSegment(String name, String segmentXml) {
        HttpApi api = SERVER.api();
        HttpResponse<String> response = api.send(api.request(segmentPath(name)).header("Content-Type", Contract.XML)
                .PUT(HttpRequest.BodyPublishers.ofString(segmentXml)).build());
        assertThat(response.statusCode()).as(response.body()).isIn(201, 204);
    }

    /** Deletes the segments; one already gone (an interaction may have deleted it) is fine. */
    private static void removeSegments(String... names) {
        for (String name : names) {
            HttpResponse<String> response = SERVER.api().delete(segmentPath(name));
            assertThat(response.statusCode()).as(response.body()).isIn(204, 404);
        }
    }

    private static String segmentPath(String name) {
        return Contract.customerPath("segments/" + name);
    }
}
