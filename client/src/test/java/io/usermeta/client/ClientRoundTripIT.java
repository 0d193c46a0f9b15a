package io.usermeta.client;

import static io.usermeta.client.UserSets.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.usermeta.client.model.Attribute;
import io.usermeta.client.model.User;
import io.usermeta.testing.TestServer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated client, through its thin layer, reads and writes the API's XML against a real server. */
class ClientRoundTripIT {
    private static TestServer server;
    private static UsermetaClient usermeta;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        usermeta = UsermetaClient.connect(server.baseUri(), TestServer.CUSTOMER, TestServer.LICENSE_KEY);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Every type goes out as XML attributes and comes back with its key, value and type. */
    @Test
    void typedAttributesRoundTrip() {
        usermeta.replace("registration", user("typed",
                Attributes.nominal("genre", "comedy"),
                Attributes.nominal("genre", "horror"),
                Attributes.numeric("discount", new BigDecimal("-2.50")),
                Attributes.text("wants", "fast delivery,\tgood products"),
                Attributes.date("birthday", LocalDate.of(1984, 2, 29)),
                Attributes.dateTime("registered", LocalDateTime.of(2014, 8, 7, 14, 43))));

        User found = usermeta.find("registration", "typed").orElseThrow();

        assertThat(found.getAttributes())
                .extracting(Attribute::getKey, Attribute::getValue, Attribute::getType)
                .containsExactly(
                        tuple("genre", "comedy", Attribute.TypeEnum.NOMINAL),
                        tuple("genre", "horror", Attribute.TypeEnum.NOMINAL),
                        tuple("discount", "-2.50", Attribute.TypeEnum.NUMERIC),
                        tuple("wants", "fast delivery,\tgood products", Attribute.TypeEnum.TEXT),
                        tuple("birthday", "1984-02-29", Attribute.TypeEnum.DATE),
                        tuple("registered", "2014-08-07T14:43:00", Attribute.TypeEnum.DATETIME));
    }

    /** Ids with commas, plus signs, spaces-free punctuation and markup reach the server as the same ids. */
    @Test
    void awkwardIdsAreEncodedOneByOne() {
        List<String> ids = List.of("a,b", "Customer<12.2014>", "x+y", "semi;colon", "percent%41", "東京");
        for (String id : ids) {
            usermeta.replace("web", user(id, Attributes.nominal("id", id)));
        }

        List<User> found = usermeta.get("web", ids.toArray(String[]::new));

        assertThat(found).extracting(User::getId).containsExactlyElementsOf(ids);
        assertThat(found).allSatisfy(user ->
                assertThat(user.getAttributes().get(0).getValue()).isEqualTo(user.getId()));
    }

    /** With allSources, attributes of other sources carry their source; without, they are absent. */
    @Test
    void allSourcesTagsOtherSources() {
        usermeta.replace("registration", user("multi", Attributes.nominal("gender", "f")));
        usermeta.replace("facebook", user("multi", Attributes.nominal("brand", "Acme")));

        User own = usermeta.find("registration", "multi").orElseThrow();
        User all = usermeta.getAllSources("registration", "multi").get(0);

        assertThat(own.getAttributes()).extracting(Attribute::getKey).containsExactly("gender");
        assertThat(all.getAttributes()).extracting(Attribute::getKey, Attribute::getSource)
                .containsExactly(tuple("gender", null), tuple("brand", "facebook"));
    }

    /** Delete removes the user; unknown ids are simply absent from a read. */
    @Test
    void deleteRemovesTheUser() {
        usermeta.replace("registration", user("leaving", Attributes.nominal("gender", "m")));

        usermeta.delete("leaving", "never-known");

        assertThat(usermeta.get("registration", "leaving", "never-known")).isEmpty();
    }

    /** A rejected document surfaces as an exception with the status and the server's message. */
    @Test
    void rejectionCarriesStatusAndMessage() {
        assertThatThrownBy(() -> usermeta.replace("registration",
                user("u-bad", Attributes.nominal("age", "x"), new Attribute().key("age").value("1,5")
                        .type(Attribute.TypeEnum.NUMERIC))))
                .isInstanceOfSatisfying(UsermetaException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.serverMessage()).contains("u-bad").contains("age");
                });
    }

    /** Wrong credentials surface as a 401 with the server's message. */
    @Test
    void wrongKeyIsUnauthorized() {
        UsermetaClient intruder = UsermetaClient.connect(server.baseUri(), TestServer.CUSTOMER, "wrong");

        assertThatThrownBy(() -> intruder.get("registration", "u-1"))
                .isInstanceOfSatisfying(UsermetaException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.serverMessage()).contains("credentials");
                });
    }

    /** The health call needs no credentials. */
    @Test
    void healthAnswers() {
        assertThat(UsermetaClient.connect(server.baseUri(), "nobody", "none").isHealthy()).isTrue();
    }
}
