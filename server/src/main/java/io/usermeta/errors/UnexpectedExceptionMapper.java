package io.usermeta.errors;

import io.usermeta.store.StoreException;
import io.usermeta.xml.BodyReadException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers anything unexpected with a 500 (or a 503 when the database is out of reach) whose body
 * carries an incident id; the same id is logged with the stack trace, which never reaches a client.
 */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof BodyReadException) {
            LOG.debug("The request body could not be read: {}", exception.getMessage());
            return ErrorResponses.response(400, "the request body could not be read completely");
        }
        return incident(exception);
    }

    static Response incident(Throwable exception) {
        String incident = UUID.randomUUID().toString();
        boolean unavailable = exception instanceof StoreException && ((StoreException) exception).unavailable();
        int status = unavailable ? 503 : 500;
        if (unavailable) {
            LOG.warn("Incident {}: answered 503, the database cannot be reached", incident, exception);
        } else {
            LOG.error("Incident {}: answered 500", incident, exception);
        }
        String message = unavailable ? "the database cannot be reached; try again later" : "unexpected server error";
        return Response.status(status)
                .type(ErrorResponses.XML)
                .entity(ErrorResponses.body(status, message).incident(incident))
                .build();
    }
}
