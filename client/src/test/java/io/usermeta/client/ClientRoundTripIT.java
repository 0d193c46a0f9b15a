package io.usermeta.client;

import static io.usermeta.client.UserSets.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.usermeta.client.model.Attribute;
import io.usermeta.client.model.Bucket;
import io.usermeta.client.model.CatalogueKey;
import io.usermeta.client.model.Condition;
import io.usermeta.client.model.Distribution;
import io.usermeta.client.model.MatchedPredicate;
import io.usermeta.client.model.Member;
import io.usermeta.client.model.Members;
import io.usermeta.client.model.Membership;
import io.usermeta.client.model.Segment;
import io.usermeta.client.model.User;
import io.usermeta.client.model.ValueCount;
import io.usermeta.testing.SpecCheckingProxy;
import io.usermeta.testing.TestServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated client, through its thin layer, reads and writes the API's XML against a real server. The
 * tests share one customer, so each cluster test uses attribute keys of its own and removes its segments.
 * The client talks to the server through a proxy that checks every exchange against the spec.
 */
class ClientRoundTripIT {
    private static TestServer server;
    private static SpecCheckingProxy proxy;
    private static UsermetaClient usermeta;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start();
        proxy = SpecCheckingProxy.to(server.baseUri());
        usermeta = UsermetaClient.connect(proxy.uri(), TestServer.CUSTOMER, TestServer.LICENSE_KEY);
    }

    /** Every exchange of every test conformed to the spec. */
    @AfterAll
    static void stop() {
        proxy.close();
        server.close();
        assertThat(proxy.problems()).isEmpty();
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
        UsermetaClient intruder = UsermetaClient.connect(proxy.uri(), TestServer.CUSTOMER, "wrong");

        assertThatThrownBy(() -> intruder.get("registration", "u-1"))
                .isInstanceOfSatisfying(UsermetaException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.serverMessage()).contains("credentials");
                });
    }

    /** The health call needs no credentials. */
    @Test
    void healthAnswers() {
        assertThat(UsermetaClient.connect(proxy.uri(), "nobody", "none").isHealthy()).isTrue();
    }

    /**
     * Where nothing answers, a call fails with a {@link UsermetaException} of status 0 like any other
     * failure, and the health check says false instead of throwing.
     */
    @Test
    void noAnswerIsStatusZero() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        UsermetaClient nowhere = UsermetaClient.connect(URI.create("http://127.0.0.1:" + closedPort),
                TestServer.CUSTOMER, TestServer.LICENSE_KEY);

        assertThat(nowhere.isHealthy()).isFalse();
        assertThatThrownBy(() -> nowhere.get("registration", "u-1"))
                .isInstanceOfSatisfying(UsermetaException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.serverMessage()).startsWith("no answer");
                });
    }

    /** The catalogue lists each key once, with the users holding it, its distinct values, types and sources. */
    @Test
    void catalogueDescribesEachKeyInUse() {
        usermeta.replace("registration", user("plan-1", Attributes.nominal("plan", "gold")),
                user("plan-2", Attributes.nominal("plan", "gold"), Attributes.nominal("plan", "silver")));
        usermeta.replace("crm", user("plan-3", Attributes.nominal("plan", "bronze")));

        List<CatalogueKey> catalogue = usermeta.catalogue();

        assertThat(catalogue).extracting(CatalogueKey::getName).isSorted().containsOnlyOnce("plan");
        assertThat(catalogue).filteredOn(key -> key.getName().equals("plan")).singleElement().satisfies(plan -> {
            assertThat(plan.getUsers()).isEqualTo(3);
            assertThat(plan.getDistinctValues()).isEqualTo(3);
            assertThat(plan.getTypes()).containsExactly(CatalogueKey.TypesEnum.NOMINAL);
            assertThat(plan.getSources()).containsExactly("crm", "registration");
        });
    }

    /** NOMINAL values come most users first, ties by value, one page at a time. */
    @Test
    void nominalDistributionPagesValuesByUsers() {
        usermeta.replace("registration",
                user("tone-1", Attributes.nominal("tone", "warm")),
                user("tone-2", Attributes.nominal("tone", "warm")),
                user("tone-3", Attributes.nominal("tone", "neutral")),
                user("tone-4", Attributes.nominal("tone", "cold")));

        Distribution first = usermeta.distribution("tone", DistributionQuery.query().page(2, 0));
        Distribution rest = usermeta.distribution("tone", DistributionQuery.query().page(2, 2));

        assertThat(first.getType()).isEqualTo(Distribution.TypeEnum.NOMINAL);
        assertThat(first.getUsers()).isEqualTo(4);
        assertThat(first.getDistinctValues()).isEqualTo(3);
        assertThat(first.getValues()).extracting(ValueCount::getValue, ValueCount::getUsers)
                .containsExactly(tuple("warm", 2L), tuple("cold", 1L));
        assertThat(rest.getValues()).extracting(ValueCount::getValue, ValueCount::getUsers)
                .containsExactly(tuple("neutral", 1L));
    }

    /** NUMERIC values are counted between the edges given, with open buckets below and above them. */
    @Test
    void numericDistributionCountsUsersBetweenEdges() {
        usermeta.replace("registration",
                user("height-1", Attributes.numeric("height", 150)),
                user("height-2", Attributes.numeric("height", 165)),
                user("height-3", Attributes.numeric("height", 180)),
                user("height-4", Attributes.numeric("height", 190)));

        Distribution heights = usermeta.distribution("height", DistributionQuery.query().edges(160, 180));

        assertThat(heights.getMin()).isEqualTo("150");
        assertThat(heights.getMax()).isEqualTo("190");
        assertThat(heights.getBuckets()).extracting(Bucket::getFrom, Bucket::getTo, Bucket::getUsers)
                .containsExactly(tuple(null, "160", 1L), tuple("160", "180", 1L), tuple("180", null, 2L));
    }

    /** DATE values get one bucket per period that holds a value, and a source narrows what is counted. */
    @Test
    void dateDistributionBucketsByPeriod() {
        usermeta.replace("registration", user("joined-1", Attributes.date("joined", LocalDate.of(2013, 5, 2))),
                user("joined-2", Attributes.date("joined", LocalDate.of(2014, 1, 15))),
                user("joined-3", Attributes.date("joined", LocalDate.of(2014, 8, 7))));
        usermeta.replace("crm", user("joined-1", Attributes.date("joined", LocalDate.of(2016, 2, 29))));

        Distribution years = usermeta.distribution("joined",
                DistributionQuery.query().source("registration").granularity(Distribution.GranularityEnum.YEAR));

        assertThat(years.getSource()).isEqualTo("registration");
        assertThat(years.getMin()).isEqualTo("2013-05-02");
        assertThat(years.getMax()).isEqualTo("2014-08-07");
        assertThat(years.getBuckets()).extracting(Bucket::getFrom, Bucket::getTo, Bucket::getUsers)
                .containsExactly(tuple("2013-01-01", "2014-01-01", 1L), tuple("2014-01-01", "2015-01-01", 2L));
    }

    /** A segment is created, then replaced, read back as saved, listed, and once deleted it is unknown. */
    @Test
    void segmentLifecycle() {
        boolean created = usermeta.putSegment("ranked",
                new Segment().description("Ranked <VIPs>").condition(Conditions.equalTo("rank", "vip")));
        Segment first = usermeta.segment("ranked");
        boolean createdAgain = usermeta.putSegment("ranked", Conditions.in("rank", "vip", "gold"));
        Segment replaced = usermeta.segment("ranked");
        List<Segment> listed = usermeta.segments();
        usermeta.deleteSegment("ranked");

        assertThat(created).isTrue();
        assertThat(createdAgain).isFalse();
        assertThat(first.getDescription()).isEqualTo("Ranked <VIPs>");
        assertThat(replaced.getName()).isEqualTo("ranked");
        assertThat(replaced.getDescription()).isNull();
        assertThat(replaced.getCondition().getOp()).isEqualTo(Condition.OpEnum.IN);
        assertThat(replaced.getCondition().getValues()).containsExactly("vip", "gold");
        assertThat(listed).extracting(Segment::getName).isSorted().contains("ranked");
        assertUnknownSegment(() -> usermeta.segment("ranked"));
        assertUnknownSegment(() -> usermeta.deleteSegment("ranked"));
        assertUnknownSegment(() -> usermeta.members("ranked", null, null));
    }

    /** Members come in pages linked by next cursors, counted on the first page, and the stream reads them all. */
    @Test
    void segmentMembersComeInPages() {
        for (int i = 1; i <= 5; i++) {
            usermeta.replace("registration", user("club-" + i, Attributes.nominal("club", "chess")));
        }
        usermeta.putSegment("chess-club", Conditions.equalTo("club", "chess"));

        Members first = usermeta.members("chess-club", 2, null);
        Members second = usermeta.members("chess-club", 2, first.getNext());
        List<String> all = usermeta.allMembers("chess-club", 2).collect(Collectors.toList());
        usermeta.deleteSegment("chess-club");

        assertThat(first.getCount()).isEqualTo(5);
        assertThat(first.getUsers()).extracting(Member::getId).containsExactly("club-1", "club-2");
        assertThat(second.getCount()).isNull();
        assertThat(second.getUsers()).extracting(Member::getId).containsExactly("club-3", "club-4");
        assertThat(all).containsExactly("club-1", "club-2", "club-3", "club-4", "club-5");
    }

    /** A condition sent in the request is evaluated without being saved; NUMERIC bounds compare as numbers. */
    @Test
    void conditionIsEvaluatedWithoutSaving() {
        usermeta.replace("registration", user("score-1", Attributes.numeric("score", 10)),
                user("score-2", Attributes.numeric("score", 9)), user("score-3", Attributes.numeric("score", 42)));
        Condition atLeastTen = Conditions.range("score", Condition.TypeEnum.NUMERIC).gte("10");

        Members page = usermeta.evaluate(atLeastTen, null, null);
        List<String> all = usermeta.evaluateAll(Conditions.not(atLeastTen), 1).collect(Collectors.toList());

        assertThat(page.getCount()).isEqualTo(2);
        assertThat(page.getNext()).isNull();
        assertThat(page.getUsers()).extracting(Member::getId).containsExactly("score-1", "score-3");
        assertThat(all).contains("score-2").doesNotContain("score-1", "score-3");
        assertThat(usermeta.segments()).extracting(Segment::getCondition).doesNotContain(atLeastTen);
    }

    /** A predicate on a type its key never holds is refused with 400, naming the key and the types it holds. */
    @Test
    void conditionOnAnotherTypeIsRefused() {
        usermeta.replace("registration", user("mood-1", Attributes.nominal("mood", "calm")));

        assertThatThrownBy(() -> usermeta.evaluate(Conditions.range("mood", Condition.TypeEnum.NUMERIC).gte("1"),
                null, null))
                .isInstanceOfSatisfying(UsermetaException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.serverMessage()).contains("mood").contains("NOMINAL");
                });
    }

    /** Memberships name each segment that holds the user and the attributes, with sources, that matched. */
    @Test
    void membershipsExplainWhyAUserBelongs() {
        String id = "Fan<1>,2";
        usermeta.replace("registration", user(id, Attributes.nominal("film", "horror"),
                Attributes.numeric("years", 30)));
        usermeta.replace("crm", user(id, Attributes.nominal("film", "comedy")));
        usermeta.putSegment("horror-fans", Conditions.allOf(Conditions.equalTo("film", "horror"),
                Conditions.range("years", Condition.TypeEnum.NUMERIC).gte("25").lt("35")));
        usermeta.putSegment("registered-comedy-fans", Conditions.equalTo("film", "comedy").source("registration"));

        List<Membership> memberships = usermeta.memberships(id);
        List<Membership> unknown = usermeta.memberships("never-posted");
        usermeta.deleteSegment("horror-fans");
        usermeta.deleteSegment("registered-comedy-fans");

        assertThat(memberships).singleElement().satisfies(membership -> {
            assertThat(membership.getName()).isEqualTo("horror-fans");
            assertThat(membership.getMatched())
                    .extracting(MatchedPredicate::getPath, MatchedPredicate::getOp, MatchedPredicate::getKey)
                    .containsExactly(tuple("/0", MatchedPredicate.OpEnum.EQUALS, "film"),
                            tuple("/1", MatchedPredicate.OpEnum.RANGE, "years"));
            assertThat(membership.getMatched()).flatExtracting(MatchedPredicate::getAttributes)
                    .extracting(Attribute::getKey, Attribute::getValue, Attribute::getSource)
                    .containsExactly(tuple("film", "horror", "registration"), tuple("years", "30", "registration"));
        });
        assertThat(unknown).isEmpty();
    }

    private static void assertUnknownSegment(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UsermetaException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.serverMessage()).contains("ranked");
        });
    }
}
