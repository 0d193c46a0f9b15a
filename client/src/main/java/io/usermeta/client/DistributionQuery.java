package io.usermeta.client;

import io.usermeta.client.api.AttributesApi;
import io.usermeta.client.invoker.ApiException;
import io.usermeta.client.model.Attribute;
import io.usermeta.client.model.Distribution;
import io.usermeta.client.model.Distribution.GranularityEnum;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The optional parameters of a distribution; whatever is left unset takes the server's default, and
 * the server refuses a parameter that does not apply to the key's type.
 *
 * <pre>{@code
 * usermeta.distribution("age", DistributionQuery.query().edges(25, 35, 45));
 * usermeta.distribution("country", DistributionQuery.query().source("crm").page(10, 0));
 * }</pre>
 */
public final class DistributionQuery {
    private String type;
    private String source;
    private Integer limit;
    private Integer offset;
    private Integer buckets;
    private List<String> edges;
    private String granularity;

    private DistributionQuery() {}

    /** A query with every parameter unset. */
    public static DistributionQuery query() {
        return new DistributionQuery();
    }

    /** Counts values of this type only; needed when the key holds values of several types. */
    public DistributionQuery type(Attribute.TypeEnum valueType) {
        this.type = valueType.getValue();
        return this;
    }

    /** Counts the values of this source only. */
    public DistributionQuery source(String sourceName) {
        this.source = sourceName;
        return this;
    }

    /** NOMINAL and TEXT: at most {@code maxValues} values, after skipping the first {@code skipped}. */
    public DistributionQuery page(int maxValues, int skipped) {
        this.limit = maxValues;
        this.offset = skipped;
        return this;
    }

    /** NUMERIC: this many equal-width buckets between the smallest and the largest value. */
    public DistributionQuery buckets(int count) {
        this.buckets = count;
        return this;
    }

    /** NUMERIC: buckets between these increasing edges, with open buckets below the first and from the last. */
    public DistributionQuery edges(BigDecimal... bucketEdges) {
        this.edges = Arrays.stream(bucketEdges).map(BigDecimal::toPlainString).collect(Collectors.toList());
        return this;
    }

    /** NUMERIC: the same with whole-number edges. */
    public DistributionQuery edges(long... bucketEdges) {
        this.edges = Arrays.stream(bucketEdges).mapToObj(Long::toString).collect(Collectors.toList());
        return this;
    }

    /** DATE and DATETIME: one bucket per day, month or year. */
    public DistributionQuery granularity(GranularityEnum period) {
        this.granularity = period.getValue();
        return this;
    }

    Distribution ask(AttributesApi attributes, String customerId, String key) throws ApiException {
        return attributes.getAttributeDistribution(customerId, key, type, source, limit, offset, buckets, edges,
                granularity);
    }
}
