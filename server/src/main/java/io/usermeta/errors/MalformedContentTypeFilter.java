package io.usermeta.errors;

import io.usermeta.core.Text;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Answers a Content-Type header that is not a media type at all (such as {@code text} or
 * {@code text/xml; charset=}) with the API's error body. Jersey would otherwise answer it with a bare
 * 400 before any exception mapper runs.
 */
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public final class MalformedContentTypeFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            return;
        }
        try {
            MediaType.valueOf(contentType);
        } catch (IllegalArgumentException malformed) {
            request.abortWith(ErrorResponses.response(400, "the Content-Type header '" + Text.quote(contentType)
                    + "' is not a media type; send text/xml or application/xml"));
        }
    }
}
