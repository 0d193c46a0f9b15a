package io.usermeta.client;

import io.usermeta.client.invoker.ApiException;
import io.usermeta.client.model.Error;

/**
 * A call the server refused or could not complete: the HTTP status and the message of the
 * server's error body (for people to read; do not parse it).
 */
public final class UsermetaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String serverMessage;
    private final String incident;

    UsermetaException(int status, String serverMessage, String incident, Throwable cause) {
        super("usermeta answered " + status + ": " + serverMessage, cause);
        this.status = status;
        this.serverMessage = serverMessage;
        this.incident = incident;
    }

    static UsermetaException from(ApiException e) {
        if (e.getErrorEntity() instanceof Error) {
            Error error = (Error) e.getErrorEntity();
            return new UsermetaException(e.getCode(), error.getMessage(), error.getIncident(), e);
        }
        String message = e.getCode() == 0 ? "no answer: " + e.getMessage() : String.valueOf(e.getResponseBody());
        return new UsermetaException(e.getCode(), message, null, e);
    }

    static UsermetaException noAnswer(RuntimeException e) {
        return new UsermetaException(0, "no answer: " + e.getMessage(), null, e);
    }

    /** The HTTP status, or 0 when no answer arrived. */
    public int status() {
        return status;
    }

    /** The message of the server's error body. */
    public String serverMessage() {
        return serverMessage;
    }

    /** For a 5xx, the incident id the server logged with the cause; otherwise {@code null}. */
    public String incident() {
        return incident;
    }
}
