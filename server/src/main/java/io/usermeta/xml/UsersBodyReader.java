package io.usermeta.xml;

import io.usermeta.api.model.Users;
import io.usermeta.core.Text;
import io.usermeta.core.ValueType;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Set;
import javax.xml.namespace.QName;
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
        InputStream limited = nonEmpty(new LimitedInputStream(body, maxBodyBytes));
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

    /** An empty body would otherwise be reported as a parse error at line 1, column 1. */
    private static InputStream nonEmpty(InputStream body) {
        PushbackInputStream in = new PushbackInputStream(body, 1);
        try {
            int first = in.read();
            if (first < 0) {
                throw ApiException.badRequest("the body is empty; send a <users> document");
            }
            in.unread(first);
            return in;
        } catch (IOException e) {
            throw new BodyReadException(e);
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
        private int attributeSetsOfCurrentUser;

        StrictStreamReader(XMLStreamReader reader) {
            super(reader);
            if ("1.1".equals(reader.getVersion())) {
                throw ApiException.badRequest("XML 1.1 documents are not accepted; declare version 1.0");
            }
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == DTD) {
                fail("a DOCTYPE is not allowed (no DTDs, no entities)");
            }
            if (event == ENTITY_REFERENCE) {
                fail("the entity reference &" + getLocalName() + "; is not allowed");
            }
            if (event == START_ELEMENT) {
                checkStartElement();
            }
            if (event == END_ELEMENT) {
                checkEndElement();
            }
            return event;
        }

        /**
         * The generated model starts every user with an empty list, so only the parser can tell a
         * missing {@code <attributes>} (an error) from an empty one (which clears the set).
         */
        private void checkEndElement() throws XMLStreamException {
            if (XmlModels.USER_ELEMENT.equals(getLocalName()) && attributeSetsOfCurrentUser == 0) {
                fail("<attributes> is missing; send <attributes/> to clear the set");
            }
        }

        private void checkStartElement() throws XMLStreamException {
            String element = getLocalName();
            if (XmlModels.USER_ELEMENT.equals(element)) {
                currentUser = getAttributeValue(null, XmlModels.USER_ID_ATTRIBUTE);
                attributeSetsOfCurrentUser = 0;
            }
            if (XmlModels.ATTRIBUTES_ELEMENT.equals(element) && ++attributeSetsOfCurrentUser > 1) {
                fail("more than one <attributes> element; a user has one attribute set per document");
            }
            Set<String> allowed = XmlModels.ALLOWED_ATTRIBUTES.get(element);
            for (int i = 0; allowed != null && i < getAttributeCount(); i++) {
                QName name = getAttributeName(i);
                if (!name.getNamespaceURI().isEmpty() || !allowed.contains(name.getLocalPart())) {
                    fail("unknown XML attribute '" + name + "' on <" + element + ">");
                }
            }
            if (XmlModels.ATTRIBUTE_ELEMENT.equals(element)) {
                checkType();
            }
        }

        /** JAXB would read an unknown type name as no type at all, which means NOMINAL. */
        private void checkType() throws XMLStreamException {
            String type = getAttributeValue(null, XmlModels.TYPE_ATTRIBUTE);
            if (type != null && ValueType.named(type) == null) {
                fail("attribute '" + Text.quote(getAttributeValue(null, "key")) + "': type '" + Text.quote(type)
                        + "' is not one of " + Arrays.toString(ValueType.values()));
            }
        }

        private void fail(String message) throws XMLStreamException {
            reject(message);
            throw new XMLStreamException(problem);
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
