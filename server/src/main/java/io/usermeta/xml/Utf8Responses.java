package io.usermeta.xml;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;

/**
 * Writes every XML response in UTF-8, whatever charset the client's Accept header asked for: a
 * charset the runtime lacks would fail the response with a 500, and one that cannot hold every
 * character (ISO-8859-1, US-ASCII) would turn values into question marks.
 */
public final class Utf8Responses implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (response.hasEntity() && type != null && type.getSubtype().endsWith("xml")) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE,
                    new MediaType(type.getType(), type.getSubtype(), StandardCharsets.UTF_8.name()));
        }
    }
}
