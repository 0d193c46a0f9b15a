package io.usermeta.xml;

import io.usermeta.api.model.Error;
import io.usermeta.api.model.Health;
import io.usermeta.api.model.Users;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;

/** The JAXB context of the generated models, built once. */
public final class XmlModels {
    /** The element and XML attribute that name a user, used to say where a document is wrong. */
    static final String USER_ELEMENT = "user";

    static final String USER_ID_ATTRIBUTE = "id";

    private static final JAXBContext CONTEXT = create();

    private XmlModels() {}

    public static JAXBContext context() {
        return CONTEXT;
    }

    private static JAXBContext create() {
        try {
            return JAXBContext.newInstance(Users.class, Error.class, Health.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the generated models do not form a JAXB context", e);
        }
    }
}
