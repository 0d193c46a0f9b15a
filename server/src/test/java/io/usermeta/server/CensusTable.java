package io.usermeta.server;

import io.usermeta.testing.UserAttribute;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks' view of the census file, read independently of {@link CensusImport}: keys from the header
 * line in lower case, values after a comma and any spaces, {@code ?} meaning "no value". Expected answers
 * are computed from these people with plain streams.
 */
final class CensusTable {
    static final Set<String> NUMERIC_KEYS =
            Set.of("age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week");

    private static final Pattern FIELD_SEPARATOR = Pattern.compile("\\s*,\\s*");

    private final List<String> keys;
    private final List<Person> people;

    private CensusTable(List<String> keys, List<Person> people) {
        this.keys = keys;
        this.people = people;
    }

    static CensusTable read() {
        List<String> lines = CensusImport.fileLines();
        List<String> keys = List.of(FIELD_SEPARATOR.split(lines.get(0).toLowerCase(Locale.ROOT)));
        List<Person> people = new ArrayList<>();
        for (int row = 1; row < lines.size(); row++) {
            String[] fields = FIELD_SEPARATOR.split(lines.get(row).trim());
            Map<String, String> values = new LinkedHashMap<>();
            for (int column = 0; column < keys.size(); column++) {
                if (!fields[column].equals(CensusImport.MISSING)) {
                    values.put(keys.get(column), fields[column]);
                }
            }
            people.add(new Person(String.valueOf(row), values));
        }
        return new CensusTable(keys, people);
    }

    /** The keys in file order. */
    List<String> keys() {
        return keys;
    }

    /** Every person in file order: user id 1 first. */
    List<Person> people() {
        return people;
    }

    /** The person of user id {@code row}, counting from 1. */
    Person person(int row) {
        return people.get(row - 1);
    }

    static String typeOf(String key) {
        return NUMERIC_KEYS.contains(key) ? "NUMERIC" : "NOMINAL";
    }

    /**
     * One row of the file.
     *
     * @param id the user id the row was imported as
     * @param values the row's values by key, in file order; a missing value is absent
     */
    record Person(String id, Map<String, String> values) {
        boolean has(String key) {
            return values.containsKey(key);
        }

        /** The value of {@code key}, or {@code null} when the row misses it. */
        String value(String key) {
            return values.get(key);
        }

        boolean is(String key, String value) {
            return value.equals(values.get(key));
        }

        /** The value of a numeric {@code key} as a number; the row must have one. */
        BigDecimal number(String key) {
            return new BigDecimal(values.get(key));
        }

        /** The row as the attributes it became, typed by key, in file order. */
        List<UserAttribute> attributes() {
            return values.entrySet().stream()
                    .map(entry -> new UserAttribute(entry.getKey(), entry.getValue(), typeOf(entry.getKey())))
                    .toList();
        }
    }
}
