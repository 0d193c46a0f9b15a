package io.usermeta.server;

import io.usermeta.errors.ErrorResponses;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;

/** Gives errors Grizzly answers by itself the API's error body, never a stack trace. */
final class XmlErrorPages implements ErrorPageGenerator {
    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        String message = status >= 500 ? "the server could not handle the request" : "the request is malformed: "
                + (reasonPhrase == null ? "HTTP " + status : reasonPhrase);
        return ErrorResponses.xml(ErrorResponses.body(status, message));
    }
}
