package io.usermeta.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How id lists become SQL conditions on each database. */
class IdListTest {
    /** PostgreSQL takes the whole list as one array parameter. */
    @Test
    void postgresqlMatchesOneArrayParameter() {
        IdList ids = IdList.of(SqlDialect.POSTGRESQL, List.of("a", "b", "c"));

        assertThat(ids.rowsOf("user_attribute"))
                .isEqualTo("FROM user_attribute t WHERE t.customer_id = ? AND t.user_id = ANY(?)");
    }

    /** H2 joins a list of values padded up to the next power of two, so few statement shapes exist. */
    @Test
    void h2JoinsAPaddedListOfValues() {
        IdList ids = IdList.of(SqlDialect.H2, List.of("a", "b", "c"));

        assertThat(ids.rowsOf("user_attribute")).isEqualTo("FROM (VALUES (?), (?), (?), (?)) v(id)"
                + " JOIN user_attribute t ON t.customer_id = ? AND t.user_id = v.id");
    }

    /** Long lists are cut into statements of at most 1,024 ids, in order and without loss. */
    @Test
    void longListsAreCutIntoChunks() {
        List<String> ids = IntStream.range(0, 2_500).mapToObj(Integer::toString).toList();

        List<List<String>> chunks = IdList.chunks(ids);

        assertThat(chunks).extracting(List::size).containsExactly(1_024, 1_024, 452);
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(ids);
    }

    /** An empty or oversized list is a programming error, refused before any SQL is built. */
    @Test
    void emptyOrOversizedListsAreRefused() {
        List<String> tooMany = IntStream.range(0, 1_025).mapToObj(Integer::toString).toList();

        assertThatThrownBy(() -> IdList.of(SqlDialect.H2, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdList.of(SqlDialect.H2, tooMany)).isInstanceOf(IllegalArgumentException.class);
    }
}
