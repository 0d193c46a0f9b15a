package io.usermeta.xml;

import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.IOException;
import java.io.Writer;
import org.glassfish.jaxb.core.marshaller.CharacterEscapeHandler;

/**
 * Gives Jersey the marshallers it writes responses with. JAXB's own output leaves tabs and carriage
 * returns in attribute values unescaped, and a client's parser turns those into spaces; escaping them
 * as character references makes a value with a tab read back exactly as it was posted.
 */
@Provider
public final class ResponseMarshallers implements ContextResolver<Marshaller> {
    private static final String ESCAPE_HANDLER = "org.glassfish.jaxb.characterEscapeHandler";

    @Override
    public Marshaller getContext(Class<?> type) {
        try {
            Marshaller marshaller = XmlModels.context(type).createMarshaller();
            marshaller.setProperty(ESCAPE_HANDLER, new WhitespacePreservingEscapes());
            return marshaller;
        } catch (JAXBException e) {
            throw new IllegalStateException("the JAXB runtime refused the escape handler", e);
        }
    }

    /** Escapes markup characters, plus the whitespace that attribute-value normalization would lose. */
    static final class WhitespacePreservingEscapes implements CharacterEscapeHandler {
        @Override
        public void escape(char[] text, int start, int length, boolean isAttribute, Writer out) throws IOException {
            for (int i = start; i < start + length; i++) {
                String reference = reference(text[i], isAttribute);
                if (reference == null) {
                    out.write(text[i]);
                } else {
                    out.write(reference);
                }
            }
        }

        private static String reference(char c, boolean isAttribute) {
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
                    return isAttribute ? "&quot;" : null;
                case '\t':
                    return isAttribute ? "&#9;" : null;
                case '\n':
                    return isAttribute ? "&#10;" : null;
                default:
                    return null;
            }
        }
    }
}
