package io.usermeta.xml;

import io.usermeta.errors.ApiException;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Opens request bodies as StAX readers that never read a DTD, fetch an external entity or expand
 * an entity. The encoding comes from the {@code charset} parameter when the client sent one, else
 * from the byte order mark or the XML declaration.
 */
public final class HardenedXml {
    private static final XMLInputFactory FACTORY = createFactory();

    private HardenedXml() {}

    private static XMLInputFactory createFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        // Errors reach the client as a 400; the parser's own reporter would also print them to stderr.
        factory.setXMLReporter((message, type, info, location) -> { });
        return factory;
    }

    /** A reader over {@code body}; {@code charset} is the media type's parameter or {@code null}. */
    public static XMLStreamReader open(InputStream body, String charset) throws XMLStreamException {
        if (charset == null) {
            return FACTORY.createXMLStreamReader(body);
        }
        Charset declared = charsetNamed(charset);
        InputStreamReader reader = new InputStreamReader(skipByteOrderMark(body, declared),
                declared.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        return FACTORY.createXMLStreamReader(new DecodingReader(reader, declared));
    }

    /**
     * Turns bytes the declared charset cannot decode into a 400 that says so; the parser would report
     * only the decoder's "Input length = 1".
     */
    private static final class DecodingReader extends FilterReader {
        private final Charset charset;

        DecodingReader(Reader reader, Charset charset) {
            super(reader);
            this.charset = charset;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (CharacterCodingException e) {
                throw undecodable();
            }
        }

        private ApiException undecodable() {
            return ApiException.badRequest("the body holds bytes that are not valid " + charset.name()
                    + ", the charset its Content-Type names");
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (CharacterCodingException e) {
                throw undecodable();
            }
        }
    }

    private static Charset charsetNamed(String charset) {
        try {
            return Charset.forName(charset.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ApiException(415, "charset '" + charset + "' of the Content-Type is not supported");
        }
    }

    /** A decoder for a named charset keeps a byte order mark as U+FEFF, which XML forbids there. */
    private static InputStream skipByteOrderMark(InputStream body, Charset charset) {
        PushbackInputStream in = new PushbackInputStream(body, 3);
        try {
            byte[] head = in.readNBytes(3);
            int skip = byteOrderMarkLength(head, charset);
            in.unread(head, skip, head.length - skip);
        } catch (IOException e) {
            throw new BodyReadException(e);
        }
        return in;
    }

    private static int byteOrderMarkLength(byte[] head, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8) && head.length == 3
                && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return 3;
        }
        boolean utf16 = charset.name().startsWith("UTF-16");
        boolean mark = head.length >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE);
        // Plain UTF-16 reads the mark itself to choose the byte order; only the fixed-order variants keep it.
        return utf16 && mark && !charset.equals(StandardCharsets.UTF_16) ? 2 : 0;
    }
}
