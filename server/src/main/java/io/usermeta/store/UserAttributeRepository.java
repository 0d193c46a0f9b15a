package io.usermeta.store;

import io.usermeta.core.AttributeSet;
import io.usermeta.core.StoredAttribute;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The attribute sets of a customer's users, by user and source. */
public interface UserAttributeRepository {
    /**
     * The attributes of those {@code userIds} that are known, each list ordered by source name and
     * then posted order; unknown users are absent from the map.
     *
     * @param source only this source's attributes, or {@code null} for every source
     */
    Map<String, List<StoredAttribute>> find(String customerId, Collection<String> userIds, String source);

    /** Replaces, in one transaction, each user's set for {@code source} with the given one. */
    void replace(String customerId, String source, List<AttributeSet> sets);

    /** Deletes the users and every attribute of theirs, in one transaction. */
    void delete(String customerId, Collection<String> userIds);
}
