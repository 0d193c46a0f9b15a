package io.usermeta.xml;

import io.usermeta.api.model.Users;
import io.usermeta.core.Text;
import io.usermeta.errors.ApiException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventLocator;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a posted {@code <users>} document strictly: a DOCTYPE, an unknown element or XML attribute,
 * an unknown type name or a body over the size limit is answered with a 4xx that says where.
 */
@Provider
@Consumes({"text/xml", "application/xml"})
public final class UsersBodyReader implements MessageBodyReader<Users> {
    private static final JAXBContext CONTEXT = XmlModels.context();

    private final long maxBodyBytes;

    public UsersBodyReader(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == Users.class;
    }

    @Override
    public Users readFrom(Class<Users> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) {
        InputStream limited = new LimitedInputStream(body, maxBodyBytes);
        StrictStreamReader reader = null;
        try {
            reader = new StrictStreamReader(HardenedXml.open(limited, mediaType.getParameters().get("charset")));
            Object root = unmarshaller(reader).unmarshal(reader);
            if (!(root instanceof Users)) {
                throw ApiException.badRequest("the document's root element must be <users>");
            }
            return (Users) root;
        } catch (JAXBException | XMLStreamException e) {
            throw ApiException.badRequest(describe(reader, e));
        } catch (IllegalStateException e) {
            throw ApiException.badRequest(describe(reader, e));
        }
    }

    private static Unmarshaller unmarshaller(StrictStreamReader reader) throws JAXBException {
        Unmarshaller unmarshaller = CONTEXT.createUnmarshaller();
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

    private static String describe(StrictStreamReader reader, Exception e) {
        String problem = reader == null ? null : reader.problem();
        if (problem == null) {
            problem = "the body is not well-formed XML: " + rootCause(e).getMessage();
        }
        String user = reader == null ? null : reader.currentUser();
        return user == null ? problem : "user '" + Text.quote(user) + "': " + problem;
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

    /** Keeps the parser to what the API allows and remembers where in the document it is. */
    private static final class StrictStreamReader extends javax.xml.stream.util.StreamReaderDelegate {
        private String problem;
        private String currentUser;

        StrictStreamReader(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == DTD) {
                reject("a DOCTYPE is not allowed (no DTDs, no entities)");
                throw new XMLStreamException(problem);
            }
            if (event == ENTITY_REFERENCE) {
                reject("the entity reference &" + getLocalName() + "; is not allowed");
                throw new XMLStreamException(problem);
            }
            if (event == START_ELEMENT && XmlModels.USER_ELEMENT.equals(getLocalName())) {
                currentUser = getAttributeValue(null, XmlModels.USER_ID_ATTRIBUTE);
            }
            return event;
        }

        void reject(String message) {
            if (problem == null) {
                problem = message;
            }
        }

        String problem() {
            return problem;
        }

        String currentUser() {
            return currentUser;
        }
    }
}
