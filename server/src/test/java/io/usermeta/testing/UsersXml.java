package io.usermeta.testing;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes and reads {@code <users>} documents with StAX, independently of the server's JAXB models,
 * so that a test's expectations do not share code with what it checks.
 */
public final class UsersXml {
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
    private static final XMLInputFactory INPUT = inputFactory();

    private UsersXml() {}

    /** A document setting the given users' attribute sets, in the map's order. */
    public static String document(Map<String, List<UserAttribute>> users) {
        try {
            StringWriter text = new StringWriter();
            XMLStreamWriter writer = OUTPUT.createXMLStreamWriter(text);
            writer.writeStartElement("users");
            for (Map.Entry<String, List<UserAttribute>> user : users.entrySet()) {
                writeUser(writer, user.getKey(), user.getValue());
            }
            writer.writeEndElement();
            writer.close();
            return text.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a users document", e);
        }
    }

    private static void writeUser(XMLStreamWriter writer, String userId, List<UserAttribute> attributes)
            throws XMLStreamException {
        writer.writeStartElement("user");
        writer.writeAttribute("id", userId);
        writer.writeStartElement("attributes");
        for (UserAttribute attribute : attributes) {
            writer.writeEmptyElement("attribute");
            writer.writeAttribute("key", attribute.key());
            writer.writeAttribute("value", attribute.value());
            writer.writeAttribute("type", attribute.type());
        }
        writer.writeEndElement();
        writer.writeEndElement();
    }

    /** The users of a response document by id, each with its attributes in document order. */
    public static Map<String, List<UserAttribute>> parse(String xml) {
        try {
            XMLStreamReader reader = INPUT.createXMLStreamReader(new StringReader(xml));
            Map<String, List<UserAttribute>> users = new LinkedHashMap<>();
            List<UserAttribute> current = null;
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (reader.getLocalName().equals("user")) {
                    current = new ArrayList<>();
                    users.put(reader.getAttributeValue(null, "id"), current);
                } else if (reader.getLocalName().equals("attribute")) {
                    current.add(new UserAttribute(reader.getAttributeValue(null, "key"),
                            reader.getAttributeValue(null, "value"), reader.getAttributeValue(null, "type")));
                }
            }
            return users;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("not a users document: " + xml, e);
        }
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        return factory;
    }
}
