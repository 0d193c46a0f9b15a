package io.usermeta.core;

import java.util.List;

/**
 * The validated attributes of one user for one source, in posted order, without exact duplicates.
 *
 * @param userId the user the set belongs to
 * @param attributes the attributes; each carries the set's source
 */
public record AttributeSet(String userId, List<StoredAttribute> attributes) {
    public AttributeSet {
        attributes = List.copyOf(attributes);
    }
}
