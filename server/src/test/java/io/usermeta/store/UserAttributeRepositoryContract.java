package io.usermeta.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.usermeta.core.AttributeSet;
import io.usermeta.core.StoredAttribute;
import io.usermeta.core.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every attribute store must do; one subclass per supported database. */
abstract class UserAttributeRepositoryContract {
    private Database database;
    private UserAttributeRepository repository;

    /** A freshly created, empty database. */
    abstract Database openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        repository = new JdbcUserAttributeRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** A replaced set reads back in posted order, only for users that exist. */
    @Test
    void replacedSetReadsBackInPostedOrder() {
        repository.replace("c1", "web", List.of(set("u1", "web", "b", "2", "a", "1")));

        Map<String, List<StoredAttribute>> found = repository.find("c1", List.of("u1", "nobody"), "web");

        assertThat(found).containsOnlyKeys("u1");
        assertThat(found.get("u1")).extracting(StoredAttribute::key).containsExactly("b", "a");
    }

    /** Replacing one source's set leaves the user's other sources as they were. */
    @Test
    void replaceTouchesOnlyItsSource() {
        repository.replace("c1", "web", List.of(set("u1", "web", "k", "old")));
        repository.replace("c1", "app", List.of(set("u1", "app", "k", "app")));

        repository.replace("c1", "web", List.of(set("u1", "web", "k", "new")));

        assertThat(repository.find("c1", List.of("u1"), null).get("u1"))
                .extracting(StoredAttribute::source, StoredAttribute::value)
                .containsExactly(tuple("app", "app"),
                        tuple("web", "new"));
    }

    /** An empty set keeps the user known with no attributes in that source. */
    @Test
    void emptySetKeepsTheUserKnown() {
        repository.replace("c1", "web", List.of(set("u1", "web", "k", "v")));

        repository.replace("c1", "web", List.of(new AttributeSet("u1", List.of())));

        assertThat(repository.find("c1", List.of("u1"), "web")).containsEntry("u1", List.of());
    }

    /** Deleting a user removes every source's attributes and the user itself. */
    @Test
    void deleteRemovesTheUserAcrossSources() {
        repository.replace("c1", "web", List.of(set("u1", "web", "k", "v"), set("u2", "web", "k", "v")));
        repository.replace("c1", "app", List.of(set("u1", "app", "k", "v")));

        repository.delete("c1", List.of("u1", "never-existed"));

        assertThat(repository.find("c1", List.of("u1", "u2"), null)).containsOnlyKeys("u2");
    }

    /** The same user id under two customers is two separate users. */
    @Test
    void customersAreIsolated() {
        repository.replace("c1", "web", List.of(set("u1", "web", "k", "one")));
        repository.replace("c2", "web", List.of(set("u1", "web", "k", "two")));

        repository.delete("c1", List.of("u1"));

        assertThat(repository.find("c1", List.of("u1"), null)).isEmpty();
        assertThat(repository.find("c2", List.of("u1"), null).get("u1"))
                .extracting(StoredAttribute::value).containsExactly("two");
    }

    /** Ids compare exactly: case and look-alike characters make different users. */
    @Test
    void idsCompareExactly() {
        repository.replace("c1", "web", List.of(set("User", "web", "k", "v")));

        assertThat(repository.find("c1", List.of("user", "USER", "User "), null)).isEmpty();
    }

    /** A read of more ids than one statement takes returns them all. */
    @Test
    void largeReadsSpanSeveralStatements() {
        List<AttributeSet> sets = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            ids.add("user-" + i);
            sets.add(set("user-" + i, "web", "n", Integer.toString(i)));
        }
        repository.replace("c1", "web", sets);

        Map<String, List<StoredAttribute>> found = repository.find("c1", ids, "web");

        assertThat(found).hasSize(2_500);
        assertThat(found.get("user-2499")).extracting(StoredAttribute::value).containsExactly("2499");
    }

    private static AttributeSet set(String userId, String source, String... keysAndValues) {
        List<StoredAttribute> attributes = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            attributes.add(new StoredAttribute(keysAndValues[i], keysAndValues[i + 1], ValueType.NOMINAL, source));
        }
        return new AttributeSet(userId, attributes);
    }
}
