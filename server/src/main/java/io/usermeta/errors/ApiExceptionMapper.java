package io.usermeta.errors;

import io.usermeta.auth.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers a client mistake with its status and message. */
public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionMapper.class);

    @Override
    public Response toResponse(ApiException exception) {
        LOG.debug("Rejected a request with {}: {}", exception.status(), exception.getMessage());
        Response response = ErrorResponses.response(exception.status(), exception.getMessage());
        if (exception instanceof UnauthorizedException) {
            return Response.fromResponse(response)
                    .header(HttpHeaders.WWW_AUTHENTICATE, UnauthorizedException.CHALLENGE)
                    .build();
        }
        return response;
    }
}
