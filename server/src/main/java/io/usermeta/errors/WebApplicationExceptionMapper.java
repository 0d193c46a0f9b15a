package io.usermeta.errors;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the container's own answers (no such path, wrong method, unsupported media type, …) the
 * API's error body. Statuses of 500 and above go to {@link UnexpectedExceptionMapper}'s handling. A
 * query parameter that JAX-RS cannot convert is a client mistake (400), not the 404 JAX-RS defaults to;
 * the only typed query parameters that can fail to convert are the integer ones.
 */
public final class WebApplicationExceptionMapper implements jakarta.ws.rs.ext.ExceptionMapper<WebApplicationException> {
    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception instanceof ParamException.QueryParamException parameter) {
            LOG.debug("Answered 400: {}", exception.getMessage());
            return ErrorResponses.response(400, "query parameter " + parameter.getParameterName()
                    + " must be a whole number within the range the API specification gives");
        }
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            return UnexpectedExceptionMapper.incident(exception);
        }
        if (status < 400) {
            return exception.getResponse();
        }
        Response response = ErrorResponses.response(status, messageFor(exception, status));
        Response.ResponseBuilder builder = Response.fromResponse(response);
        exception.getResponse().getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Allow")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        LOG.debug("Answered {}: {}", status, exception.getMessage());
        return builder.build();
    }

    private static String messageFor(WebApplicationException exception, int status) {
        if (exception instanceof NotFoundException) {
            return "no such path; see the API specification for the paths served";
        }
        if (exception instanceof NotAllowedException) {
            return "this path does not support the method; allowed: "
                    + String.join(", ", exception.getResponse().getAllowedMethods());
        }
        if (exception instanceof NotSupportedException) {
            return "the body must be text/xml or application/xml";
        }
        if (exception instanceof NotAcceptableException) {
            return "the response can only be text/xml or application/xml; check the Accept header";
        }
        return "the request was rejected with status " + status;
    }
}
