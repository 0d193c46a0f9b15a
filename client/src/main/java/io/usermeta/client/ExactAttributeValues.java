package io.usermeta.client;

import jakarta.ws.rs.ext.ContextResolver;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.IOException;
import java.io.Writer;
import org.glassfish.jaxb.core.marshaller.CharacterEscapeHandler;

/**
 * Marshallers for request bodies that keep tabs, line feeds and carriage returns in attribute values:
 * JAXB writes them raw, and the server's XML parser, as XML requires, reads raw white space in an
 * attribute as a plain space. Written as character references, they arrive exactly as set. The
 * server escapes its responses the same way; the client depends on no server code, so it keeps
 * its own copy of these few lines.
 */
final class ExactAttributeValues implements ContextResolver<Marshaller> {
    private static final String ESCAPE_HANDLER = "org.glassfish.jaxb.characterEscapeHandler";

    @Override
    public Marshaller getContext(Class<?> type) {
        try {
            Marshaller marshaller = JAXBContext.newInstance(type).createMarshaller();
            marshaller.setProperty(ESCAPE_HANDLER, (CharacterEscapeHandler) ExactAttributeValues::escape);
            return marshaller;
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write " + type.getName() + " as XML", e);
        }
    }

    private static void escape(char[] text, int start, int length, boolean attribute, Writer out)
            throws IOException {
        for (int i = start; i < start + length; i++) {
            char c = text[i];
            String reference = reference(c, attribute);
            if (reference == null) {
                out.write(c);
            } else {
                out.write(reference);
            }
        }
    }

    private static String reference(char c, boolean attribute) {
        switch (c) {
            case '&':
                return "&amp;";
            case '<':
                return "&lt;";
            case '>':
                return "&gt;";
            case '\r':
                return "&#13;";
            case '"':
                return attribute ? "&quot;" : null;
            case '\t':
                return attribute ? "&#9;" : null;
            case '\n':
                return attribute ? "&#10;" : null;
            default:
                return null;
        }
    }
}
