package io.usermeta.xml;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The connection failed while a request body was read; not a fault of the document. */
public class BodyReadException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    public BodyReadException(IOException cause) {
        super(cause);
    }
}
