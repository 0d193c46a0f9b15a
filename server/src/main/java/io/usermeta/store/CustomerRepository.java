package io.usermeta.store;

import io.usermeta.auth.LicenseKeys.StoredKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The customers allowed to use the API and their hashed license keys. */
public interface CustomerRepository {
    Optional<StoredKey> findKey(String customerId);

    /** Adds a customer; returns {@code false} when the id is taken. */
    boolean add(String customerId, StoredKey key);

    /** Sets the key of an existing customer, or adds the customer. */
    void put(String customerId, StoredKey key);

    /** Replaces the key of an existing customer; returns {@code false} when there is none. */
    boolean replaceKey(String customerId, StoredKey key);

    /** Removes a customer with all of its users and their attributes. */
    boolean remove(String customerId);

    List<Customer> list();

    int count();

    /**
     * A customer as listed, without its key.
     *
     * @param customerId the id, as in paths and credentials
     * @param createdAt when the customer was added
     * @param keySetAt when its current key was set
     * @param users how many users it holds
     */
    record Customer(String customerId, Instant createdAt, Instant keySetAt, long users) {}
}
