package io.usermeta.xml;

import io.usermeta.api.model.Error;
import io.usermeta.api.model.Health;
import io.usermeta.api.model.Users;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.util.Map;
import java.util.Set;

/** The JAXB context of the generated models, built once. */
public final class XmlModels {
    /** The element and XML attribute that name a user, used to say where a document is wrong. */
    static final String USER_ELEMENT = "user";

    static final String USER_ID_ATTRIBUTE = "id";

    /** The element of one attribute and its XML attribute that names the value's type. */
    static final String ATTRIBUTE_ELEMENT = "attribute";

    static final String TYPE_ATTRIBUTE = "type";

    /**
     * The XML attributes each element of a posted document may carry. JAXB reports unknown elements
     * but silently skips unknown XML attributes, so the reader checks them against this list.
     */
    static final Map<String, Set<String>> ALLOWED_ATTRIBUTES = Map.of(
            "users", Set.of(),
            USER_ELEMENT, Set.of(USER_ID_ATTRIBUTE),
            "attributes", Set.of(),
            ATTRIBUTE_ELEMENT, Set.of("key", "value", TYPE_ATTRIBUTE, "source"));

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
