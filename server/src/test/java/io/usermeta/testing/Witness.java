package io.usermeta.testing;

import static io.usermeta.testing.Documents.attribute;
import static io.usermeta.testing.Documents.user;
import static io.usermeta.testing.Documents.users;
import static io.usermeta.testing.UsersBody.returned;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A user stored before a request that must be rejected. Put {@link #changed()} into the rejected
 * document next to the offending part; {@link #assertUnchanged} then proves nothing of it was stored.
 */
public final class Witness {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final HttpApi api;
    private final String source;
    private final String userId;

    private Witness(HttpApi api, String source, String userId) {
        this.api = api;
        this.source = source;
        this.userId = userId;
    }

    /** Stores a new witness user with {@code state=before} in {@code source} of the test customer. */
    public static Witness storedIn(HttpApi api, String source) {
        Witness witness = new Witness(api, source, "witness-" + NEXT.incrementAndGet());
        String document = users(user(witness.userId, attribute("state", "before")));
        assertThat(api.post(witness.postPath(), document).statusCode()).isEqualTo(204);
        return witness;
    }

    private String newUserId() {
        return userId + "-new";
    }

    /**
     * Posts the document {@code document} builds around a fresh witness's change and asserts a 400
     * whose message contains {@code named}, with nothing of the document stored.
     */
    public static void assertRejectedAndNothingStored(HttpApi api, String source, UnaryOperator<String> document,
            String... named) {
        Witness witness = storedIn(api, source);

        HttpResponse<String> response = api.post(witness.postPath(), document.apply(witness.changed()));

        ErrorBodies.assertError(response, 400).contains(named);
        witness.assertUnchanged();
    }

    /** As above, for a {@code <users>} document of the witness's change followed by {@code offender}. */
    public static void assertRejectedAndNothingStored(HttpApi api, String source, String offender, String... named) {
        assertRejectedAndNothingStored(api, source, changed -> users(changed, offender), named);
    }

    public String postPath() {
        return "/api/" + TestServer.CUSTOMER + "/" + source + "/user";
    }

    /**
     * The witness with {@code state=after} and a user never stored before: both change the store only
     * if the document they are part of is accepted.
     */
    public String changed() {
        return user(userId, attribute("state", "after")) + user(newUserId(), attribute("state", "new"));
    }

    /** The witness still holds {@code state=before}, and the new user of {@link #changed()} does not exist. */
    public void assertUnchanged() {
        String ids = userId + "," + newUserId();

        UsersBody read = UsersBody.of(api.get("/api/" + TestServer.CUSTOMER + "/" + source + "/user/" + ids
                + "?allSources=true"));

        assertThat(read.ids()).containsExactly(userId);
        assertThat(read.attributesOf(userId)).containsExactly(returned("state", "before", "NOMINAL"));
    }
}
