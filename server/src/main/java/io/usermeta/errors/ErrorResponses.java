package io.usermeta.errors;

import io.usermeta.api.model.Error;
import io.usermeta.core.Text;
import io.usermeta.xml.XmlModels;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.StringWriter;

/** Builds the API's one error body. */
public final class ErrorResponses {
    public static final MediaType XML = MediaType.valueOf("text/xml; charset=UTF-8");

    private ErrorResponses() {}

    /** The error body; characters XML cannot carry in the message are shown as \\uXXXX. */
    public static Error body(int status, String message) {
        return new Error().status(status).message(Text.visible(message));
    }

    public static Response response(int status, String message) {
        return Response.status(status).type(XML).entity(body(status, message)).build();
    }

    /** The body as an XML document, for answers written outside Jersey. */
    public static String xml(Error error) {
        try {
            Marshaller marshaller = XmlModels.context().createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            marshaller.marshal(error, out);
            return out.toString();
        } catch (JAXBException e) {
            throw new IllegalStateException("the error model cannot be written as XML", e);
        }
    }
}
