package io.usermeta.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.testing.HttpApi;
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
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The import's view of the UCI Adult census extract: rows split on commas, values trimmed and mapped
 * onto {@link #COLUMNS}, one user per row (user id = row number, counting from 1 after the header). A
 * missing value ({@code ?}) is left out of the user's set.
 *
 * <p>Checks compute what they expect from {@link CensusTable}, which reads the file another way, so a
 * mistake in this parsing cannot hide behind the same mistake in the expectation.
 */
final class CensusImport {
    static final String MISSING = "?";

    private static final String RESOURCE = "/census/adult.data";
    private static final int USERS_PER_DOCUMENT = 1_000;

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

    private final List<String> lines;

    private CensusImport(List<String> lines) {
        this.lines = lines;
    }

    static CensusImport read() {
        return new CensusImport(fileLines());
    }

    /** The lines of the file, header first, without the empty last line. */
    static List<String> fileLines() {
        try {
            Path file = Path.of(CensusImport.class.getResource(RESOURCE).toURI());
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    int users() {
        return lines.size() - 1;
    }

    long attributeCount() {
        long attributes = 0;
        for (int row = 1; row <= users(); row++) {
            attributes += attributes(row).size();
        }
        return attributes;
    }

    /**
     * The documents that set, for every row, the attributes {@code sourceOf} puts in {@code source}, in
     * documents of {@value #USERS_PER_DOCUMENT} users.
     */
    List<byte[]> documents(String source, UnaryOperator<String> sourceOf) {
        List<byte[]> documents = new ArrayList<>();
        Map<String, List<UserAttribute>> users = new LinkedHashMap<>();
        for (int row = 1; row <= users(); row++) {
            List<UserAttribute> attributes = attributes(row).stream()
                    .filter(attribute -> sourceOf.apply(attribute.key()).equals(source)).toList();
            users.put(String.valueOf(row), attributes);
            if (users.size() == USERS_PER_DOCUMENT || row == users()) {
                documents.add(UsersXml.document(users).getBytes(StandardCharsets.UTF_8));
                users.clear();
            }
        }
        return documents;
    }

    /** POSTs the documents for {@code source}, each of which must be answered 204. */
    static void post(HttpApi api, String source, List<byte[]> documents) {
        for (byte[] document : documents) {
            HttpResponse<String> response = api.post("/api/00000/" + source + "/user", "text/xml", document);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        }
    }

    private List<UserAttribute> attributes(int row) {
        String line = lines.get(row);
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

    /** A column of the file as the import maps it: the attribute key and type. */
    private record Column(String key, String type) {}
}
