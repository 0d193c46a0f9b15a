package io.usermeta.store;

import io.usermeta.core.ValueType;
import io.usermeta.segments.Condition;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Saved segments, and the members of any condition over a customer's users, always as of now. */
public interface SegmentRepository {
    /** A saved segment: its name and its definition, the XML document it was saved as. */
    record Saved(String name, String definition) {}

    /** Saves or replaces a segment; true when it is new. */
    boolean save(String customerId, String name, String definition);

    Optional<Saved> find(String customerId, String name);

    /** Every saved segment of the customer, by name. */
    List<Saved> all(String customerId);

    /** Deletes a segment; false when there was none of that name. */
    boolean delete(String customerId, String name);

    /** The number of users meeting {@code condition}. */
    long count(String customerId, Condition condition);

    /** Up to {@code limit} users meeting {@code condition} with ids after {@code after} (null: first), by id. */
    List<String> page(String customerId, Condition condition, String after, int limit);

    /** The types the values of {@code key} have among the customer's users. */
    Set<ValueType> typesOf(String customerId, String key);
}
