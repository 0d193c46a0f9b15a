package io.usermeta.contract;

import static io.usermeta.contract.ClusterXml.attributes;
import static io.usermeta.contract.ClusterXml.document;
import static io.usermeta.contract.Contract.CLUSTERED_USERS;
import static io.usermeta.contract.Contract.CUSTOMER_CREDENTIALS;
import static io.usermeta.contract.Contract.U1_IN_TWO_SOURCES;
import static io.usermeta.contract.Contract.aRequest;
import static io.usermeta.contract.Contract.assertRefused;
import static io.usermeta.contract.Contract.connect;
import static io.usermeta.contract.Contract.customerPath;
import static io.usermeta.contract.Contract.respondsWithXml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.xml.XmlNode;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.usermeta.client.DistributionQuery;
import io.usermeta.client.UsermetaClient;
import io.usermeta.client.model.Bucket;
import io.usermeta.client.model.CatalogueKey.TypesEnum;
import io.usermeta.client.model.CatalogueKey;
import io.usermeta.client.model.Distribution.GranularityEnum;
import io.usermeta.client.model.Distribution;
import io.usermeta.client.model.ValueCount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the Java client relies on when it asks how a customer's users spread over their attributes. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V3)
class AttributesConsumerPactTest {
    private static final String NOT_FOR_NUMERIC = "query parameter granularity applies to DATE and DATETIME values"
            + " only, and this distribution is of NUMERIC values";

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact catalogue(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aRequest(builder.given(U1_IN_TWO_SOURCES)
                .uponReceiving("a GET of the attribute catalogue"), CUSTOMER_CREDENTIALS, "GET",
                customerPath("attributes"));

        return respondsWithXml(request, 200, document("catalogue", Map.of(), catalogue -> {
            appendKey(catalogue, "birthday", "DATE", "registration");
            appendKey(catalogue, "brand", "NOMINAL", "facebook");
            appendKey(catalogue, "discountrate", "NUMERIC", "registration");
            appendKey(catalogue, "gender", "NOMINAL", "registration");
        })).toPact();
    }

    /** The catalogue lists each key in use, by key, with its user count, types and sources. */
    @Test
    @PactTestFor(pactMethod = "catalogue")
    void readsTheCatalogue(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        assertThat(usermeta.catalogue())
                .extracting(CatalogueKey::getName, CatalogueKey::getUsers, CatalogueKey::getTypes,
                        CatalogueKey::getSources)
                .containsExactly(
                        tuple("birthday", 1L, List.of(TypesEnum.DATE), List.of("registration")),
                        tuple("brand", 1L, List.of(TypesEnum.NOMINAL), List.of("facebook")),
                        tuple("discountrate", 1L, List.of(TypesEnum.NUMERIC), List.of("registration")),
                        tuple("gender", 1L, List.of(TypesEnum.NOMINAL), List.of("registration")));
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact nominalValues(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aDistribution(builder.given(CLUSTERED_USERS)
                .uponReceiving("a GET of the first value of a NOMINAL distribution"), "country", "limit=1&offset=0");

        return respondsWithXml(request, 200, document("distribution",
                attributes("key", "country", "type", "NOMINAL", "users", "3", "distinctValues", "2"),
                distribution -> distribution.appendElement("value", attributes("value", "DE", "users", "2"))))
                .toPact();
    }

    /** A NOMINAL distribution pages its values, most users first, and counts all users and values. */
    @Test
    @PactTestFor(pactMethod = "nominalValues")
    void readsOnePageOfValues(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        Distribution countries = usermeta.distribution("country", DistributionQuery.query().page(1, 0));

        assertThat(countries.getType()).isEqualTo(Distribution.TypeEnum.NOMINAL);
        assertThat(countries.getUsers()).isEqualTo(3);
        assertThat(countries.getDistinctValues()).isEqualTo(2);
        assertThat(countries.getValues()).extracting(ValueCount::getValue, ValueCount::getUsers)
                .containsExactly(tuple("DE", 2L));
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact numericEdges(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aDistribution(builder.given(CLUSTERED_USERS)
                .uponReceiving("a GET of a NUMERIC distribution over bucket edges"), "age", "edges=25,35");

        return respondsWithXml(request, 200, document("distribution", attributes("key", "age", "type", "NUMERIC",
                "users", "3", "distinctValues", "3", "min", "19", "max", "41"), distribution -> {
                    distribution.appendElement("bucket", attributes("to", "25", "users", "1"));
                    distribution.appendElement("bucket", attributes("from", "25", "to", "35", "users", "1"));
                    distribution.appendElement("bucket", attributes("from", "35", "users", "1"));
                })).toPact();
    }

    /** Edges are sent as one list, and the open buckets below the first and from the last edge lack a bound. */
    @Test
    @PactTestFor(pactMethod = "numericEdges")
    void readsBucketsBetweenEdges(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        Distribution ages = usermeta.distribution("age", DistributionQuery.query().edges(25, 35));

        assertThat(ages.getMin()).isEqualTo("19");
        assertThat(ages.getMax()).isEqualTo("41");
        assertThat(ages.getBuckets()).extracting(Bucket::getFrom, Bucket::getTo, Bucket::getUsers)
                .containsExactly(tuple(null, "25", 1L), tuple("25", "35", 1L), tuple("35", null, 1L));
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact datesByYear(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aDistribution(builder.given(CLUSTERED_USERS)
                .uponReceiving("a GET of a DATE distribution by year"), "registered", "granularity=year");

        return respondsWithXml(request, 200, document("distribution", attributes("key", "registered", "type", "DATE",
                "users", "3", "distinctValues", "3", "min", "2013-05-02", "max", "2014-08-07", "granularity", "year"),
                distribution -> {
                    distribution.appendElement("bucket", attributes("from", "2013-01-01", "to", "2014-01-01",
                            "users", "1"));
                    distribution.appendElement("bucket", attributes("from", "2014-01-01", "to", "2015-01-01",
                            "users", "2"));
                })).toPact();
    }

    /** A DATE distribution has one bucket per period that holds a value, and names its granularity. */
    @Test
    @PactTestFor(pactMethod = "datesByYear")
    void readsOneBucketPerYear(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        Distribution years = usermeta.distribution("registered",
                DistributionQuery.query().granularity(GranularityEnum.YEAR));

        assertThat(years.getGranularity()).isEqualTo(GranularityEnum.YEAR);
        assertThat(years.getBuckets()).extracting(Bucket::getFrom, Bucket::getTo, Bucket::getUsers)
                .containsExactly(tuple("2013-01-01", "2014-01-01", 1L), tuple("2014-01-01", "2015-01-01", 2L));
    }

    @Pact(consumer = Contract.CONSUMER)
    RequestResponsePact parameterOfAnotherType(PactDslWithProvider builder) {
        PactDslRequestWithPath request = aDistribution(builder.given(CLUSTERED_USERS)
                .uponReceiving("a GET of a NUMERIC distribution by year"), "age", "granularity=year");

        return respondsWithXml(request, 400, Contract.error(400, NOT_FOR_NUMERIC)).toPact();
    }

    /** A parameter that does not apply to the key's type is refused with 400 and a message naming it. */
    @Test
    @PactTestFor(pactMethod = "parameterOfAnotherType")
    void parameterOfAnotherTypeIsRefused(MockServer mockServer) {
        UsermetaClient usermeta = connect(mockServer);

        DistributionQuery byYear = DistributionQuery.query().granularity(GranularityEnum.YEAR);

        assertRefused(() -> usermeta.distribution("age", byYear), 400, NOT_FOR_NUMERIC);
    }

    private static PactDslRequestWithPath aDistribution(PactDslRequestWithoutPath request, String key, String query) {
        return aRequest(request, CUSTOMER_CREDENTIALS, "GET", customerPath("attributes/" + key + "/distribution"))
                .query(query);
    }

    private static void appendKey(XmlNode catalogue, String name, String type, String source) {
        catalogue.appendElement("key", attributes("name", name, "users", "1", "distinctValues", "1"), key -> {
            key.appendElement("type", type);
            key.appendElement("source", source);
        });
    }
}
