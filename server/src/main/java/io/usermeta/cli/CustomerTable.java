package io.usermeta.cli;

import io.usermeta.store.CustomerRepository.Customer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The output of {@code customer list}: one row per customer, each column as wide as its widest cell. */
final class CustomerTable {
    private static final List<String> HEADERS = List.of("CUSTOMER", "CREATED", "KEY SET", "USERS");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssX")
            .withZone(ZoneOffset.UTC);

    private CustomerTable() {}

    /** The table's lines, the header first. */
    static List<String> of(List<Customer> customers) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (Customer customer : customers) {
            rows.add(List.of(customer.customerId(), format(customer.createdAt()), format(customer.keySetAt()),
                    String.valueOf(customer.users())));
        }
        int[] widths = widths(rows);
        return rows.stream().map(row -> line(row, widths)).toList();
    }

    private static String format(Instant time) {
        return TIME.format(time);
    }

    private static int[] widths(List<List<String>> rows) {
        int[] widths = new int[HEADERS.size()];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        return widths;
    }

    /** Columns two spaces apart; the last one is not padded, so lines carry no trailing blanks. */
    private static String line(List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < row.size() - 1; column++) {
            line.append(String.format("%-" + widths[column] + "s  ", row.get(column)));
        }
        return line.append(row.get(row.size() - 1)).toString();
    }
}
