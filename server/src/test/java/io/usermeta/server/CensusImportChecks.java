package io.usermeta.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.testing.HttpApi;
import io.usermeta.testing.RunningServer;
import io.usermeta.testing.UserAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the UCI Adult census extract through the HTTP API, one user per row (user id = row number,
 * counting from 1 after the header), and reads a random sample back.
 *
 * <p>A missing value ({@code ?} in the file) is left out of the user's set rather than stored as the
 * text "?": an absent attribute is how the API says "unknown", whereas a stored "?" would become a
 * category of its own that clustering would treat like any real value.
 *
 * <p>The expected sets come from {@link CensusTable}, which parses the file a second way (keys from the
 * header line, a different tokenizer), so a mistake in the import's parsing cannot hide behind the same
 * mistake in the check.
 */
class CensusImportChecks {
    private static final Logger LOG = LoggerFactory.getLogger(CensusImportChecks.class);
    private static final String SOURCE = "census";
    private static final int IDS_PER_GET = 1_000;
    private static final int SAMPLE_SIZE = 2_500;
    private static final long SAMPLE_SEED = 1994;
    private static final int ROWS = 32_561;

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    private static HttpApi api;
    private static CensusTable table;

    @BeforeAll
    static void importCensus() {
        api = SERVER.api();
        table = CensusTable.read();
        CensusImport census = CensusImport.read();

        List<byte[]> documents = census.documents(SOURCE, key -> SOURCE);
        long started = System.nanoTime();
        CensusImport.post(api, SOURCE, documents);
        long elapsedNanos = System.nanoTime() - started;

        logRate(census.users(), census.attributeCount(), elapsedNanos);
    }

    /** Every sampled row reads back as exactly its file values: same keys, values, types and order. */
    @Test
    void sampledRowsReadBackExactly() {
        Set<Integer> sample = randomRows();
        Map<String, List<UserAttribute>> expected = new LinkedHashMap<>();
        sample.forEach(row -> expected.put(String.valueOf(row), table.person(row).attributes()));

        Map<String, List<UserAttribute>> stored =
                api.getUsers(SOURCE, new ArrayList<>(expected.keySet()), IDS_PER_GET);

        assertThat(stored).hasSize(SAMPLE_SIZE);
        assertThat(stored).containsExactlyInAnyOrderEntriesOf(expected);
    }

    /** A value marked '?' in the file is absent from the user's set, and the row's other values are there. */
    @Test
    void missingValuesAreLeftOut() {
        String id = table.people().stream().filter(person -> !person.has("occupation")).findFirst().orElseThrow()
                .id();

        List<UserAttribute> stored = api.getUsers(SOURCE, List.of(id)).get(id);

        assertThat(stored).extracting(UserAttribute::key).doesNotContain("occupation").contains("age", "salary");
        assertThat(stored).extracting(UserAttribute::value).doesNotContain(CensusImport.MISSING);
    }

    /** Each of the file's rows became one user: the last row exists, and no user follows it. */
    @Test
    void everyRowIsOneUserAndNoMore() {
        Map<String, List<UserAttribute>> stored =
                api.getUsers(SOURCE, List.of("1", String.valueOf(ROWS), String.valueOf(ROWS + 1)));

        assertThat(table.people()).hasSize(ROWS);
        assertThat(stored).containsOnlyKeys("1", String.valueOf(ROWS));
    }

    private static void logRate(int users, long attributes, long elapsedNanos) {
        long millis = Math.max(1, elapsedNanos / 1_000_000);
        LOG.info("Imported {} users ({} attributes) in {} ms: {} users/s, {} attributes/s",
                users, attributes, millis, users * 1000L / millis, attributes * 1000 / millis);
    }

    private static Set<Integer> randomRows() {
        Random random = new Random(SAMPLE_SEED);
        Set<Integer> rows = new TreeSet<>();
        while (rows.size() < SAMPLE_SIZE) {
            rows.add(1 + random.nextInt(ROWS));
        }
        return rows;
    }
}
