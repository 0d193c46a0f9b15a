package io.usermeta.xml;

import io.usermeta.errors.ApiException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventLocator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a posted document of one root element strictly: a DOCTYPE, an unknown element or XML
 * attribute, or a body over the size limit is answered with a 4xx that says where.
 *
 * @param <T> the model of the root element
 */
abstract class StrictBodyReader<T> implements MessageBodyReader<T> {
    private static final Pattern PARSE_ERROR =
            Pattern.compile("ParseError at \\[row,col\\]:\\[(-?\\d+),(-?\\d+)\\]\\s*Message:\\s*(.*)", Pattern.DOTALL);

    private final Class<T> model;
    private final String rootElement;
    private final JAXBContext context;
    private final long maxBodyBytes;

    StrictBodyReader(Class<T> model, String rootElement, JAXBContext context, long maxBodyBytes) {
        this.model = model;
        this.rootElement = rootElement;
        this.context = context;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** A reader that applies this document's own checks on top of the common ones. */
    abstract StrictXmlReader strict(XMLStreamReader reader);

    @Override
    public final boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == model;
    }

    @Override
    public final T readFrom(Class<T> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) {
        if (mediaType.isWildcardType() || mediaType.isWildcardSubtype()) {
            throw new ApiException(415, "the Content-Type '" + mediaType + "' names no media type; send text/xml"
                    + " or application/xml");
        }
        InputStream limited = nonEmpty(new LimitedInputStream(body, maxBodyBytes));
        StrictXmlReader reader = null;
        try {
            reader = strict(HardenedXml.open(limited, mediaType.getParameters().get("charset")));
            Object root = unmarshaller(reader).unmarshal(reader);
            if (!model.isInstance(root)) {
                throw ApiException.badRequest("the document's root element must be <" + rootElement + ">");
            }
            return model.cast(root);
        } catch (JAXBException | XMLStreamException | IllegalStateException e) {
            throw ApiException.badRequest(describe(reader, e));
        }
    }

    /** An empty body would otherwise be reported as a parse error at line 1, column 1. */
    private InputStream nonEmpty(InputStream body) {
        PushbackInputStream in = new PushbackInputStream(body, 1);
        try {
            int first = in.read();
            if (first < 0) {
                throw ApiException.badRequest("the body is empty; send a <" + rootElement + "> document");
            }
            in.unread(first);
            return in;
        } catch (IOException e) {
            throw new BodyReadException(e);
        }
    }

    private Unmarshaller unmarshaller(StrictXmlReader reader) throws JAXBException {
        Unmarshaller unmarshaller = context.createUnmarshaller();
        unmarshaller.setEventHandler(event -> {
            reader.reject(describe(event));
            return false;
        });
        return unmarshaller;
    }

    private static String describe(ValidationEvent event) {
        ValidationEventLocator at = event.getLocator();
        String message = event.getMessage() == null ? "invalid content" : event.getMessage();
        return at == null || at.getLineNumber() < 0
                ? message
                : "line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": " + message;
    }

    private static String describe(StrictXmlReader reader, Exception e) {
        String problem = reader == null ? null : reader.problem();
        if (problem == null) {
            problem = "the body is not well-formed XML: " + readable(rootCause(e).getMessage());
        }
        String where = reader == null ? null : reader.where();
        return where == null ? problem : where + ": " + problem;
    }

    /**
     * The parser's message on one line: the StAX parser writes "ParseError at [row,col]:[r,c]", a
     * line break and "Message: …", which becomes "line r, column c: …".
     */
    static String readable(String message) {
        if (message == null) {
            return "unreadable content";
        }
        Matcher parseError = PARSE_ERROR.matcher(message);
        String text = parseError.matches()
                ? "line " + parseError.group(1) + ", column " + parseError.group(2) + ": " + parseError.group(3)
                : message;
        return text.replaceAll("\\s+", " ").trim();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof ApiException) {
            throw (ApiException) cause;
        }
        if (cause instanceof BodyReadException) {
            throw (BodyReadException) cause;
        }
        return cause;
    }
}
