package io.usermeta.xml;

import io.usermeta.errors.ApiException;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Keeps a parser to what the API allows: no DOCTYPE, no entity references, no XML 1.1, and on each
 * element of the map given only the XML attributes listed there (JAXB reports unknown elements, but
 * silently skips unknown XML attributes). Remembers the first problem so the 400 can say
 * it rather than the symptom JAXB reports later. Subclasses add checks per element.
 */
abstract class StrictXmlReader extends StreamReaderDelegate {
    private final Map<String, Set<String>> allowedAttributes;
    private String problem;

    StrictXmlReader(XMLStreamReader reader, Map<String, Set<String>> allowedAttributes) {
        super(reader);
        this.allowedAttributes = allowedAttributes;
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
            opening(getLocalName());
            checkAttributes();
            startElement(getLocalName());
        }
        if (event == END_ELEMENT) {
            endElement(getLocalName());
        }
        return event;
    }

    /** Notes an element just opened, before any check, so that {@link #where()} can name it. */
    void opening(String element) {
    }

    /** Checks an element just opened; its attributes are known to be allowed. */
    abstract void startElement(String element) throws XMLStreamException;

    /** Checks an element just closed. */
    void endElement(String element) throws XMLStreamException {
    }

    /** Where in the document the reader is, for messages (such as {@code user 'u-1'}); null if nowhere. */
    String where() {
        return null;
    }

    private void checkAttributes() throws XMLStreamException {
        String element = getLocalName();
        Set<String> allowed = allowedAttributes.get(element);
        for (int i = 0; allowed != null && i < getAttributeCount(); i++) {
            QName name = getAttributeName(i);
            if (!name.getNamespaceURI().isEmpty() || !allowed.contains(name.getLocalPart())) {
                fail("unknown XML attribute '" + name + "' on <" + element + ">");
            }
        }
    }

    /** Records {@code message} as the problem and stops the parse. */
    final void fail(String message) throws XMLStreamException {
        reject(message);
        throw new XMLStreamException(problem);
    }

    /** Records {@code message} as the problem unless an earlier one is known. */
    final void reject(String message) {
        if (problem == null) {
            problem = message;
        }
    }

    final String problem() {
        return problem;
    }
}
