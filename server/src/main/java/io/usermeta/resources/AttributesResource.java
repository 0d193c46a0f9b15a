package io.usermeta.resources;

import io.usermeta.api.AttributesApi;
import io.usermeta.api.model.Bucket;
import io.usermeta.api.model.Catalogue;
import io.usermeta.api.model.CatalogueKey;
import io.usermeta.api.model.Distribution;
import io.usermeta.api.model.ValueCount;
import io.usermeta.core.Identifiers;
import io.usermeta.core.IndexedValues;
import io.usermeta.core.Limits;
import io.usermeta.core.Text;
import io.usermeta.core.ValueType;
import io.usermeta.core.Values;
import io.usermeta.errors.ApiException;
import io.usermeta.store.AttributeStatistics;
import io.usermeta.store.AttributeStatistics.BucketUsers;
import io.usermeta.store.AttributeStatistics.KeyUse;
import io.usermeta.store.AttributeStatistics.Period;
import io.usermeta.store.AttributeStatistics.PeriodUsers;
import io.usermeta.store.AttributeStatistics.Totals;
import io.usermeta.store.AttributeStatistics.ValuePage;
import io.usermeta.store.SegmentRepository;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The attribute catalogue and the distribution of one key's values. */
public final class AttributesResource implements AttributesApi {
    private static final int MAX_EDGES = 100;
    private static final int MAX_BUCKETS = 1_000;
    private static final int MAX_PAGE = 10_000;
    private static final MathContext EDGE_PRECISION = MathContext.DECIMAL128;

    private final AttributeStatistics statistics;
    private final SegmentRepository segments;
    private final Limits limits;

    @Context
    private UriInfo uriInfo;

    @Inject
    public AttributesResource(AttributeStatistics statistics, SegmentRepository segments, Limits limits) {
        this.statistics = statistics;
        this.segments = segments;
        this.limits = limits;
    }

    /**
     * A GET of the User API with the reserved source {@code attributes}. Its path starts like this
     * class's, which JAX-RS therefore picks, so the 400 that any reserved source gets is given here.
     */
    @GET
    @Path("/user/{userids}")
    public Response readReservedSource() {
        Identifiers.requireSource("attributes");
        throw new IllegalStateException("the source 'attributes' is reserved");
    }

    /** A POST of the User API with the reserved source {@code attributes}; see {@link #readReservedSource}. */
    @POST
    @Path("/user")
    public Response writeReservedSource() {
        return readReservedSource();
    }

    @Override
    public Response getAttributeCatalogue(String customerId) {
        Catalogue catalogue = new Catalogue().keys(new ArrayList<>());
        for (KeyUse use : statistics.catalogue(customerId)) {
            CatalogueKey key = new CatalogueKey().name(use.key()).users(use.users())
                    .distinctValues(use.distinctValues()).types(new ArrayList<>())
                    .sources(new ArrayList<>(use.sources()));
            use.types().forEach(type -> key.addTypesItem(CatalogueKey.TypesEnum.fromValue(type.name())));
            catalogue.addKeysItem(key);
        }
        return Response.ok(catalogue).build();
    }

    @Override
    public Response getAttributeDistribution(String customerId, String key, String typeName, String sourceName,
            Integer limit, Integer offset, Integer buckets, List<String> edges, String granularity) {
        QueryParameters query = new QueryParameters(uriInfo);
        Requests.requireKey(key, limits);
        String source = Requests.optionalSource(query.get("source"));
        ValueType type = typeOf(customerId, key, query);
        rejectParametersOf(type, query);

        Totals totals = statistics.totals(customerId, key, type, source);
        Distribution distribution = new Distribution().key(key).type(Distribution.TypeEnum.fromValue(type.name()))
                .source(source).users(totals.users()).distinctValues(totals.distinctValues());
        switch (type) {
            case NOMINAL:
            case TEXT:
                int pageSize = query.integer("limit", 1, MAX_PAGE, 100);
                int skip = query.integer("offset", 0, Integer.MAX_VALUE, 0);
                ValuePage page = statistics.values(customerId, key, type, source, pageSize, skip);
                distribution.distinctValues(page.distinctValues());
                page.values().forEach(value ->
                        distribution.addValuesItem(new ValueCount().value(value.value()).users(value.users())));
                break;
            case NUMERIC:
                numericBuckets(customerId, key, source, totals, query, distribution);
                break;
            default:
                dateBuckets(customerId, key, type, source, totals, query, distribution);
        }
        return Response.ok(distribution).build();
    }

    /**
     * The type asked for, or the key's one type; a key of several types needs the parameter. For a
     * key nobody has, the parameters name the type (granularity a date, edges or buckets a number),
     * so that its empty distribution is answered as asked rather than refused.
     */
    private ValueType typeOf(String customerId, String key, QueryParameters query) {
        String asked = query.get("type");
        if (asked != null) {
            ValueType type = ValueType.named(asked);
            if (type == null) {
                throw ApiException.badRequest("query parameter type is '" + Text.quote(asked) + "'; it must be one of"
                        + " DATE, DATETIME, NOMINAL, NUMERIC, TEXT");
            }
            return type;
        }
        Set<ValueType> types = segments.typesOf(customerId, key);
        if (types.size() > 1) {
            throw ApiException.badRequest("key '" + key + "' holds values of the types " + types
                    + "; pick one with the query parameter type");
        }
        if (!types.isEmpty()) {
            return types.iterator().next();
        }
        if (query.get("granularity") != null) {
            return ValueType.DATE;
        }
        return query.get("edges") != null || query.get("buckets") != null ? ValueType.NUMERIC : ValueType.NOMINAL;
    }

    private static void rejectParametersOf(ValueType type, QueryParameters query) {
        boolean listed = type == ValueType.NOMINAL || type == ValueType.TEXT;
        boolean numeric = type == ValueType.NUMERIC;
        for (String name : List.of("limit", "offset")) {
            rejectIf(!listed && query.has(name), name, type, "NOMINAL and TEXT");
        }
        for (String name : List.of("buckets", "edges")) {
            rejectIf(!numeric && query.has(name), name, type, "NUMERIC");
        }
        rejectIf((listed || numeric) && query.has("granularity"), "granularity", type, "DATE and DATETIME");
        if (query.has("buckets") && query.has("edges")) {
            throw ApiException.badRequest("query parameters buckets and edges exclude each other; give one");
        }
    }

    private static void rejectIf(boolean rejected, String name, ValueType type, String appliesTo) {
        if (rejected) {
            throw ApiException.badRequest("query parameter " + name + " applies to " + appliesTo
                    + " values only, and this distribution is of " + type + " values");
        }
    }

    private void numericBuckets(String customerId, String key, String source, Totals totals, QueryParameters query,
            Distribution distribution) {
        if (totals.users() == 0) {
            return;
        }
        BigDecimal min = (BigDecimal) totals.min();
        BigDecimal max = (BigDecimal) totals.max();
        distribution.min(plain(min)).max(plain(max));
        if (query.has("edges")) {
            List<BigDecimal> edges = edges(query.get("edges"));
            long[] users = usersPerBucket(statistics.histogram(customerId, key, source, edges), edges.size() + 1);
            for (int index = 0; index < users.length; index++) {
                distribution.addBucketsItem(new Bucket().users(users[index])
                        .from(index == 0 ? null : plain(edges.get(index - 1)))
                        .to(index == edges.size() ? null : plain(edges.get(index))));
            }
            return;
        }
        int count = query.integer("buckets", 1, MAX_BUCKETS, 10);
        if (min.compareTo(max) == 0) {
            distribution.addBucketsItem(new Bucket().from(plain(min)).to(plain(max)).users(totals.users()));
            return;
        }
        List<BigDecimal> bounds = new ArrayList<>();
        BigDecimal width = max.subtract(min).divide(BigDecimal.valueOf(count), EDGE_PRECISION);
        for (int i = 1; i < count; i++) {
            bounds.add(min.add(width.multiply(BigDecimal.valueOf(i)), EDGE_PRECISION));
        }
        long[] users = usersPerBucket(statistics.histogram(customerId, key, source, bounds), count);
        for (int index = 0; index < count; index++) {
            BigDecimal from = index == 0 ? min : bounds.get(index - 1);
            BigDecimal to = index == bounds.size() ? max : bounds.get(index);
            distribution.addBucketsItem(new Bucket().from(plain(from)).to(plain(to)).users(users[index]));
        }
    }

    /** The users of every bucket, empty ones included, from the counts of the buckets that hold values. */
    private static long[] usersPerBucket(List<BucketUsers> counted, int buckets) {
        long[] users = new long[buckets];
        counted.forEach(bucket -> users[bucket.index()] = bucket.users());
        return users;
    }

    private static List<BigDecimal> edges(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length > MAX_EDGES) {
            throw ApiException.badRequest("query parameter edges has " + parts.length + " edges; the limit is "
                    + MAX_EDGES);
        }
        List<BigDecimal> edges = new ArrayList<>();
        for (String part : parts) {
            if (Values.problem(ValueType.NUMERIC, part) != null) {
                throw ApiException.badRequest("query parameter edges: '" + Text.quote(part) + "' is not a decimal"
                        + " (optional sign, digits, optional point)");
            }
            BigDecimal edge = IndexedValues.number(part);
            if (!edges.isEmpty() && edge.compareTo(edges.get(edges.size() - 1)) <= 0) {
                throw ApiException.badRequest("query parameter edges must increase; " + part + " follows "
                        + plain(edges.get(edges.size() - 1)));
            }
            edges.add(edge);
        }
        return edges;
    }

    private void dateBuckets(String customerId, String key, ValueType type, String source, Totals totals,
            QueryParameters query, Distribution distribution) {
        String granularity = query.get("granularity");
        Period period = Period.MONTH;
        if (granularity != null) {
            try {
                period = Period.valueOf(granularity.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("query parameter granularity is '" + Text.quote(granularity)
                        + "'; it must be day, month or year");
            }
        }
        distribution.granularity(Distribution.GranularityEnum.fromValue(period.name().toLowerCase(Locale.ROOT)));
        if (totals.users() == 0) {
            return;
        }
        distribution.min(Moments.format(type, (LocalDateTime) totals.min()))
                .max(Moments.format(type, (LocalDateTime) totals.max()));
        for (PeriodUsers users : statistics.periods(customerId, key, type, source, period)) {
            LocalDateTime start = users.start();
            LocalDateTime end = period == Period.DAY ? start.plusDays(1)
                    : period == Period.MONTH ? start.plusMonths(1) : start.plusYears(1);
            distribution.addBucketsItem(new Bucket().from(Moments.format(type, start)).to(Moments.format(type, end))
                    .users(users.users()));
        }
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
