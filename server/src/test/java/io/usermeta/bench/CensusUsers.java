package io.usermeta.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Benchmark users made of the UCI Adult census extract that the tests ship: user {@code i} carries the
 * values of data row {@code i} modulo the row count, so a million users cycle through the 32,561 rows
 * about 31 times.
 *
 * <p>Only columns in which no row has a missing value ({@code ?}) are used. Every user thus has exactly
 * eight attributes, all of them real, and no stand-in for "unknown" becomes a category of its own. They
 * come from two sources, as a shop's registration form and a survey would send them.
 */
final class CensusUsers {
    /** The columns used, by position in the file, with the key and type they are stored under. */
    static final List<Column> COLUMNS = List.of(
            new Column(0, "age", "NUMERIC", "registration"),
            new Column(3, "education", "NOMINAL", "survey"),
            new Column(5, "marital-status", "NOMINAL", "registration"),
            new Column(7, "relationship", "NOMINAL", "survey"),
            new Column(8, "race", "NOMINAL", "registration"),
            new Column(9, "sex", "NOMINAL", "registration"),
            new Column(10, "capital-gain", "NUMERIC", "survey"),
            new Column(12, "hours-per-week", "NUMERIC", "survey"));

    /** The sources the columns come from, in the order they are posted. */
    static final List<String> SOURCES = COLUMNS.stream().map(Column::source).distinct().toList();

    private static final String RESOURCE = "/census/adult.data";
    private static final int FIELDS_PER_ROW = 15;
    private static final String MISSING = "?";
    private static final int MIN_ID_DIGITS = 7;

    /** Per source, each row's {@code <attributes>} element, written once: documents are then mostly copying. */
    private final Map<String, List<String>> attributeElements;
    private final String idFormat;

    private CensusUsers(Map<String, List<String>> attributeElements, long users) {
        this.attributeElements = attributeElements;
        int digits = Math.max(MIN_ID_DIGITS, String.valueOf(Math.max(0, users - 1)).length());
        this.idFormat = "u%0" + digits + "d";
    }

    /** Reads the census file from the class path, for ids wide enough for {@code users} users. */
    static CensusUsers load(long users) {
        List<String[]> rows = readRows();
        Map<String, List<String>> elements = new LinkedHashMap<>();
        for (String source : SOURCES) {
            elements.put(source, rows.stream().map(fields -> attributeElement(fields, source)).toList());
        }
        return new CensusUsers(elements, users);
    }

    int rows() {
        return attributeElements.get(SOURCES.get(0)).size();
    }

    int attributesPerUser() {
        return COLUMNS.size();
    }

    /** The id of user {@code index}: {@code u} and the zero-padded index, plain URL path characters. */
    String userId(long index) {
        return String.format(Locale.ROOT, idFormat, index);
    }

    /** A {@code <users>} document setting the {@code source} attributes of users {@code from} to {@code to - 1}. */
    byte[] document(String source, long from, long to) {
        List<String> elements = attributeElements.get(source);
        StringBuilder xml = new StringBuilder((int) (to - from) * 400).append("<users>");
        for (long index = from; index < to; index++) {
            xml.append("<user id=\"").append(userId(index)).append("\">")
                    .append(elements.get((int) (index % elements.size())))
                    .append("</user>");
        }
        return xml.append("</users>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A {@code <users>} document setting user {@code index}'s {@code source} attributes to those of {@code row}. */
    byte[] userDocument(String source, long index, int row) {
        String xml = "<users><user id=\"" + userId(index) + "\">" + attributeElements.get(source).get(row)
                + "</user></users>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String[]> readRows() {
        InputStream stream = CensusUsers.class.getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException(RESOURCE + " is not on the class path (server/target/test-classes)");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(line -> !line.isBlank())
                    .map(line -> line.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String attributeElement(String[] fields, String source) {
        if (fields.length != FIELDS_PER_ROW) {
            throw new IllegalStateException(fields.length + " fields in census row " + String.join(",", fields));
        }
        StringBuilder xml = new StringBuilder("<attributes>");
        for (Column column : COLUMNS.stream().filter(column -> column.source().equals(source)).toList()) {
            String value = fields[column.position()].strip();
            if (value.isEmpty() || value.equals(MISSING)) {
                throw new IllegalStateException("column " + column.key() + " has a missing value; choose another");
            }
            xml.append("<attribute key=\"").append(column.key()).append("\" value=\"").append(escape(value))
                    .append("\" type=\"").append(column.type()).append("\"/>");
        }
        return xml.append("</attributes>").toString();
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * A census column as the benchmark stores it.
     *
     * @param position the column's place in a row, from 0
     * @param key the attribute key
     * @param type the attribute type
     * @param source the source that sends it
     */
    record Column(int position, String key, String type, String source) {}
}
