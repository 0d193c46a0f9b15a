package io.usermeta.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.testing.HttpApi;
import io.usermeta.testing.RunningServer;
import io.usermeta.testing.UserAttribute;
import io.usermeta.testing.UsersXml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
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
 * <p>The expected sets are parsed from the file a second way (keys from the header line, a different
 * tokenizer), so a mistake in the import's parsing cannot hide behind the same mistake in the check.
 */
class CensusImportChecks {
    private static final Logger LOG = LoggerFactory.getLogger(CensusImportChecks.class);
    private static final String SOURCE = "census";
    private static final String MISSING = "?";
    private static final int USERS_PER_DOCUMENT = 1_000;
    private static final int IDS_PER_GET = 1_000;
    private static final int SAMPLE_SIZE = 2_500;
    private static final long SAMPLE_SEED = 1994;
    private static final int ROWS = 32_561;

    private static final Pattern FIELD_SEPARATOR = Pattern.compile("\\s*,\\s*");
    private static final Set<String> NUMERIC_KEYS =
            Set.of("age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week");

    /** The file's columns in order, as the import maps them. */
    private static final List<Column> COLUMNS = List.of(
            new Column("age", "NUMERIC"),
            new Column("workclass", "NOMINAL"),
            new Column("fnlwgt", "NUMERIC"),
            new Column("education", "NOMINAL"),
            new Column("education-num", "NUMERIC"),
            new Column("marital-status", "NOMINAL"),
            new Column("occupation", "NOMINAL"),
            new Column("relationship", "NOMINAL"),
            new Column("race", "NOMINAL"),
            new Column("sex", "NOMINAL"),
            new Column("capital-gain", "NUMERIC"),
            new Column("capital-loss", "NUMERIC"),
            new Column("hours-per-week", "NUMERIC"),
            new Column("native-country", "NOMINAL"),
            new Column("salary", "NOMINAL"));

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    private static HttpApi api;
    private static List<String> lines;

    @BeforeAll
    static void importCensus() {
        api = SERVER.api();
        lines = readCensusFile();

        List<byte[]> documents = importDocuments();
        long attributes = countImportAttributes();
        long started = System.nanoTime();
        for (byte[] document : documents) {
            HttpResponse<String> response = api.post("/api/00000/" + SOURCE + "/user", "text/xml", document);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        }
        long elapsedNanos = System.nanoTime() - started;

        logRate(attributes, elapsedNanos);
    }

    /** Every sampled row reads back as exactly its file values: same keys, values, types and order. */
    @Test
    void sampledRowsReadBackExactly() {
        Set<Integer> sample = randomRows();
        Map<String, List<UserAttribute>> expected = new LinkedHashMap<>();
        sample.forEach(row -> expected.put(String.valueOf(row), expectedAttributes(row)));

        Map<String, List<UserAttribute>> stored =
                api.getUsers(SOURCE, new ArrayList<>(expected.keySet()), IDS_PER_GET);

        assertThat(stored).hasSize(SAMPLE_SIZE);
        assertThat(stored).containsExactlyInAnyOrderEntriesOf(expected);
    }

    /** A value marked '?' in the file is absent from the user's set, and the row's other values are there. */
    @Test
    void missingValuesAreLeftOut() {
        int row = firstRowMissing("occupation");

        List<UserAttribute> stored = api.getUsers(SOURCE, List.of(String.valueOf(row))).get(String.valueOf(row));

        assertThat(stored).extracting(UserAttribute::key).doesNotContain("occupation").contains("age", "salary");
        assertThat(stored).extracting(UserAttribute::value).doesNotContain(MISSING);
    }

    /** Each of the file's rows became one user: the last row exists, and no user follows it. */
    @Test
    void everyRowIsOneUserAndNoMore() {
        Map<String, List<UserAttribute>> stored =
                api.getUsers(SOURCE, List.of("1", String.valueOf(ROWS), String.valueOf(ROWS + 1)));

        assertThat(lines).hasSize(ROWS + 1);
        assertThat(stored).containsOnlyKeys("1", String.valueOf(ROWS));
    }

    private static List<String> readCensusFile() {
        try {
            Path file = Path.of(CensusImportChecks.class.getResource("/census/adult.data").toURI());
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The import's view of the file: rows split on commas, trimmed, mapped onto {@link #COLUMNS}. */
    private static List<byte[]> importDocuments() {
        List<byte[]> documents = new ArrayList<>();
        Map<String, List<UserAttribute>> users = new LinkedHashMap<>();
        for (int row = 1; row < lines.size(); row++) {
            users.put(String.valueOf(row), importAttributes(lines.get(row)));
            if (users.size() == USERS_PER_DOCUMENT || row == lines.size() - 1) {
                documents.add(UsersXml.document(users).getBytes(StandardCharsets.UTF_8));
                users.clear();
            }
        }
        return documents;
    }

    private static List<UserAttribute> importAttributes(String line) {
        String[] fields = line.split(",", -1);
        assertThat(fields).as(line).hasSameSizeAs(COLUMNS);
        List<UserAttribute> attributes = new ArrayList<>();
        for (int column = 0; column < fields.length; column++) {
            String value = fields[column].strip();
            if (!value.equals(MISSING)) {
                attributes.add(new UserAttribute(COLUMNS.get(column).key(), value, COLUMNS.get(column).type()));
            }
        }
        return attributes;
    }

    private static long countImportAttributes() {
        return lines.stream().skip(1).mapToLong(line -> importAttributes(line).size()).sum();
    }

    private static void logRate(long attributes, long elapsedNanos) {
        long millis = Math.max(1, elapsedNanos / 1_000_000);
        int users = lines.size() - 1;
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

    /** The check's view of the file: keys from the header, values after a comma and any spaces. */
    private static List<UserAttribute> expectedAttributes(int row) {
        String[] keys = FIELD_SEPARATOR.split(lines.get(0));
        String[] values = FIELD_SEPARATOR.split(lines.get(row).trim());
        List<UserAttribute> attributes = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            String key = keys[i].toLowerCase(Locale.ROOT);
            if (!values[i].equals(MISSING)) {
                attributes.add(new UserAttribute(key, values[i], typeOf(key)));
            }
        }
        return attributes;
    }

    private static String typeOf(String key) {
        return NUMERIC_KEYS.contains(key) ? "NUMERIC" : "NOMINAL";
    }

    private static int firstRowMissing(String key) {
        int column = List.of(FIELD_SEPARATOR.split(lines.get(0))).indexOf(key);
        for (int row = 1; row < lines.size(); row++) {
            if (FIELD_SEPARATOR.split(lines.get(row))[column].equals(MISSING)) {
                return row;
            }
        }
        throw new IllegalStateException("no row misses " + key);
    }

    /** A column of the file as the import maps it: the attribute key and type. */
    private record Column(String key, String type) {}
}
