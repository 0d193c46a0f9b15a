package io.usermeta.client;

import io.usermeta.client.api.AttributesApi;
import io.usermeta.client.api.HealthApi;
import io.usermeta.client.api.SegmentsApi;
import io.usermeta.client.api.UsersApi;
import io.usermeta.client.invoker.ApiClient;
import io.usermeta.client.invoker.ApiException;
import io.usermeta.client.model.Catalogue;
import io.usermeta.client.model.CatalogueKey;
import io.usermeta.client.model.Condition;
import io.usermeta.client.model.Distribution;
import io.usermeta.client.model.Members;
import io.usermeta.client.model.Membership;
import io.usermeta.client.model.Memberships;
import io.usermeta.client.model.Segment;
import io.usermeta.client.model.Segments;
import io.usermeta.client.model.User;
import io.usermeta.client.model.Users;
import jakarta.ws.rs.ProcessingException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The usermeta API for Java callers: a thin layer over the generated {@link UsersApi}, {@link AttributesApi}
 * and {@link SegmentsApi} that sets up Basic auth for one customer, takes user ids as plain strings (it
 * encodes and joins them) and turns every failure into a {@link UsermetaException} carrying the status
 * and the server's message.
 *
 * <pre>{@code
 * UsermetaClient usermeta = UsermetaClient.connect(URI.create("http://localhost:8080"), "00000", key);
 * usermeta.replace("registration", UserSets.user("u-1", Attributes.nominal("gender", "f")));
 * List<User> found = usermeta.get("registration", "u-1", "u-2");
 * usermeta.putSegment("resellers-de", Conditions.allOf(
 *         Conditions.equalTo("type", "reseller"), Conditions.equalTo("country", "DE")));
 * usermeta.allMembers("resellers-de").forEach(System.out::println);
 * }</pre>
 */
public final class UsermetaClient {
    private static final int CREATED = 201;

    private final String customerId;
    private final UsersApi users;
    private final AttributesApi attributes;
    private final SegmentsApi segments;
    private final HealthApi health;

    private UsermetaClient(String customerId, ApiClient apiClient) {
        this.customerId = customerId;
        this.users = new UsersApi(apiClient);
        this.attributes = new AttributesApi(apiClient);
        this.segments = new SegmentsApi(apiClient);
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

    /** The generated attributes API, for calls this layer does not wrap. */
    public AttributesApi attributesApi() {
        return attributes;
    }

    /** The generated segments API, for calls this layer does not wrap. */
    public SegmentsApi segmentsApi() {
        return segments;
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

    /** The attribute keys the customer's users have, by key, with their types, sources and user counts. */
    public List<CatalogueKey> catalogue() {
        return itemsOf(call(() -> attributes.getAttributeCatalogue(customerId)), Catalogue::getKeys);
    }

    /** How the values of {@code key} spread over the users, with the server's default parameters. */
    public Distribution distribution(String key) {
        return distribution(key, DistributionQuery.query());
    }

    /** How the values of {@code key} spread over the users, as {@code query} asks. */
    public Distribution distribution(String key, DistributionQuery query) {
        return call(() -> query.ask(attributes, customerId, key));
    }

    /** Every saved segment, by name. */
    public List<Segment> segments() {
        return itemsOf(call(() -> segments.listSegments(customerId)), Segments::getSegments);
    }

    /** The saved segment of this name; an unknown name fails with status 404. */
    public Segment segment(String name) {
        return call(() -> segments.getSegment(customerId, name));
    }

    /** Saves {@code condition} as the segment {@code name}; true when it is new, false when it replaced one. */
    public boolean putSegment(String name, Condition condition) {
        return putSegment(name, new Segment().condition(condition));
    }

    /** Saves {@code segment} (its condition and description) as {@code name}; true when it is new. */
    public boolean putSegment(String name, Segment segment) {
        int status = call(() -> segments.putSegmentWithHttpInfo(customerId, name, segment).getStatusCode());
        return status == CREATED;
    }

    /** Deletes the saved segment; an unknown name fails with status 404. */
    public void deleteSegment(String name) {
        call(() -> {
            segments.deleteSegment(customerId, name);
            return null;
        });
    }

    /**
     * One page of the members of a saved segment: at most {@code limit} users ({@code null}: the
     * server's default) after {@code cursor}, the {@code next} of the page before ({@code null}: the first).
     */
    public Members members(String segmentName, Integer limit, String cursor) {
        return call(() -> segments.getSegmentMembers(customerId, segmentName, limit, cursor, null));
    }

    /** The ids of every member of a saved segment, fetched a page at a time as the stream is read. */
    public Stream<String> allMembers(String segmentName) {
        return allMembers(segmentName, null);
    }

    /** The same, in pages of at most {@code pageSize} users ({@code null}: the server's default). */
    public Stream<String> allMembers(String segmentName, Integer pageSize) {
        // No count: it would make the server read every member once more for a number nobody sees.
        return MemberPages.userIds(cursor -> call(() ->
                segments.getSegmentMembers(customerId, segmentName, pageSize, cursor, false)));
    }

    /** One page of the users {@code condition} holds, paged as {@link #members(String, Integer, String)}. */
    public Members evaluate(Condition condition, Integer limit, String cursor) {
        return call(() -> segments.evaluateCondition(customerId, condition, limit, cursor, null));
    }

    /** The ids of every user {@code condition} holds, fetched a page at a time as the stream is read. */
    public Stream<String> evaluateAll(Condition condition) {
        return evaluateAll(condition, null);
    }

    /** The same, in pages of at most {@code pageSize} users ({@code null}: the server's default). */
    public Stream<String> evaluateAll(Condition condition, Integer pageSize) {
        return MemberPages.userIds(cursor -> call(() ->
                segments.evaluateCondition(customerId, condition, pageSize, cursor, false)));
    }

    /** The saved segments that hold the user, by name, each with the predicates that matched. */
    public List<Membership> memberships(String userId) {
        return itemsOf(call(() -> segments.getMemberships(customerId, userId)), Memberships::getSegments);
    }

    /** Whether the service answers and its database is reachable; false also when nothing answers at all. */
    public boolean isHealthy() {
        try {
            return health.getHealth().getStatus() != null;
        } catch (ApiException | ProcessingException e) {
            return false;
        }
    }

    private List<User> read(String source, boolean allSources, String... userIds) {
        return itemsOf(call(() -> users.getUsers(customerId, source, List.of(userIds), allSources)), Users::getUsers);
    }

    /** The items of a document, none when the document or its list is absent. */
    private static <D, T> List<T> itemsOf(D document, Function<D, List<T>> items) {
        List<T> found = document == null ? null : items.apply(document);
        return found == null ? List.of() : found;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (ApiException e) {
            throw UsermetaException.from(e);
        } catch (ProcessingException e) {
            // Jersey's way of saying that no answer came: refused or lost connection, timeout.
            throw UsermetaException.noAnswer(e);
        }
    }

    /** A call of the generated API. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws ApiException;
    }
}
