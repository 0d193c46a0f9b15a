package io.usermeta.client;

import io.usermeta.client.api.HealthApi;
import io.usermeta.client.api.UsersApi;
import io.usermeta.client.invoker.ApiClient;
import io.usermeta.client.invoker.ApiException;
import io.usermeta.client.model.User;
import io.usermeta.client.model.Users;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The usermeta User API for Java callers: a thin layer over the generated {@link UsersApi} that sets
 * up Basic auth for one customer, takes user ids as plain strings (it encodes and joins them) and
 * turns every failure into a {@link UsermetaException} carrying the status and the server's message.
 *
 * <pre>{@code
 * UsermetaClient usermeta = UsermetaClient.connect(URI.create("http://localhost:8080"), "00000", key);
 * usermeta.replace("registration", UserSets.user("u-1", Attributes.nominal("gender", "f")));
 * Users found = usermeta.get("registration", "u-1", "u-2");
 * }</pre>
 */
public final class UsermetaClient {
    private final String customerId;
    private final UsersApi users;
    private final HealthApi health;

    private UsermetaClient(String customerId, ApiClient apiClient) {
        this.customerId = customerId;
        this.users = new UsersApi(apiClient);
        this.health = new HealthApi(apiClient);
    }

    /** A client of {@code baseUri} (e.g. {@code http://localhost:8080}) acting as one customer. */
    public static UsermetaClient connect(URI baseUri, String customerId, String licenseKey) {
        ApiClient apiClient = new ApiClient();
        apiClient.setBasePath(baseUri.toString().replaceAll("/+$", ""));
        apiClient.setUsername(customerId);
        apiClient.setPassword(licenseKey);
        apiClient.getHttpClient().register(new ExactAttributeValues());
        return new UsermetaClient(customerId, apiClient);
    }

    /** The generated API, for calls this layer does not wrap. */
    public UsersApi usersApi() {
        return users;
    }

    /** Replaces, for each given user, the attribute set stored for {@code source}. */
    public void replace(String source, User... sets) {
        replace(source, new Users().users(new ArrayList<>(Arrays.asList(sets))));
    }

    /** Replaces, for each user in {@code document}, the attribute set stored for {@code source}. */
    public void replace(String source, Users document) {
        call(() -> {
            users.replaceUsers(customerId, source, document);
            return null;
        });
    }

    /** The known users among {@code userIds}, with their attributes of {@code source} only. */
    public List<User> get(String source, String... userIds) {
        return read(source, false, userIds);
    }

    /** The known users among {@code userIds}, with the attributes of every source. */
    public List<User> getAllSources(String source, String... userIds) {
        return read(source, true, userIds);
    }

    /** One user's attributes of {@code source}, if the user is known. */
    public Optional<User> find(String source, String userId) {
        return get(source, userId).stream().findFirst();
    }

    /** Opts the users out: they and all their data, across every source, are deleted. */
    public void delete(String... userIds) {
        call(() -> {
            users.deleteUsers(customerId, List.of(userIds));
            return null;
        });
    }

    /** Whether the service answers and its database is reachable. */
    public boolean isHealthy() {
        try {
            return health.getHealth().getStatus() != null;
        } catch (ApiException e) {
            return false;
        }
    }

    private List<User> read(String source, boolean allSources, String... userIds) {
        Users found = call(() -> users.getUsers(customerId, source, List.of(userIds), allSources));
        return found == null || found.getUsers() == null ? List.of() : found.getUsers();
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (ApiException e) {
            throw UsermetaException.from(e);
        }
    }

    /** A call of the generated API. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws ApiException;
    }
}
