package io.usermeta.resources;

import io.usermeta.api.model.Segment;
import io.usermeta.errors.ApiException;
import io.usermeta.store.SegmentRepository.Saved;
import io.usermeta.xml.ResponseMarshallers;
import io.usermeta.xml.XmlModels;
import jakarta.xml.bind.JAXBException;
import java.io.StringReader;
import java.io.StringWriter;

/**
 * Saved segments are stored as the {@code <segment>} document of the API, so what is read back is what
 * was checked and saved, in the same format partners send.
 */
final class SegmentDocuments {
    /** The longest stored document, in characters. */
    static final int MAX_LENGTH = 1_048_576;

    private SegmentDocuments() {}

    static String write(Segment segment) {
        StringWriter document = new StringWriter();
        try {
            new ResponseMarshallers().getContext(Segment.class).marshal(segment, document);
        } catch (JAXBException e) {
            throw new IllegalStateException("a checked segment could not be written as XML", e);
        }
        if (document.getBuffer().length() > MAX_LENGTH) {
            throw ApiException.badRequest("the segment is " + document.getBuffer().length()
                    + " characters long as XML; the limit is " + MAX_LENGTH);
        }
        return document.toString();
    }

    static Segment read(Saved saved) {
        try {
            return (Segment) XmlModels.context(Segment.class).createUnmarshaller()
                    .unmarshal(new StringReader(saved.definition()));
        } catch (JAXBException e) {
            throw new IllegalStateException("the stored definition of segment '" + saved.name()
                    + "' is not a segment document", e);
        }
    }
}
