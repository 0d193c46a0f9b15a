package io.usermeta.store;

/** The database failed in a way a retry did not cure. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean unavailable;

    public StoreException(String message, Throwable cause, boolean unavailable) {
        super(message, cause);
        this.unavailable = unavailable;
    }

    /** Whether the database could not be reached at all, rather than failing a statement. */
    public boolean unavailable() {
        return unavailable;
    }
}
