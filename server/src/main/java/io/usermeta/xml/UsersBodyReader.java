package io.usermeta.xml;

import io.usermeta.api.model.Users;
import io.usermeta.core.Text;
import io.usermeta.core.ValueType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a posted {@code <users>} document strictly, on top of the common checks: one
 * {@code <attributes>} per user, known type names, and messages that name the user they are about.
 */
@Provider
@Consumes({"text/xml", "application/xml"})
public final class UsersBodyReader extends StrictBodyReader<Users> {
    public UsersBodyReader(long maxBodyBytes) {
        super(Users.class, "users", XmlModels.context(), maxBodyBytes);
    }

    @Override
    StrictXmlReader strict(XMLStreamReader reader) {
        return new UsersReader(reader);
    }

    /** Remembers which user the parser is in and how many attribute sets that user has. */
    private static final class UsersReader extends StrictXmlReader {
        private String currentUser;
        private int attributeSetsOfCurrentUser;
        private int attributesOfCurrentUser;
        private boolean inAttribute;

        UsersReader(XMLStreamReader reader) {
            super(reader, XmlModels.ALLOWED_ATTRIBUTES);
        }

        @Override
        void opening(String element) {
            if (XmlModels.USER_ELEMENT.equals(element)) {
                currentUser = getAttributeValue(null, XmlModels.USER_ID_ATTRIBUTE);
                attributeSetsOfCurrentUser = 0;
                attributesOfCurrentUser = 0;
            }
            if (XmlModels.ATTRIBUTE_ELEMENT.equals(element)) {
                attributesOfCurrentUser++;
                inAttribute = true;
            }
        }

        /**
         * The generated model starts every user with an empty list, so only the parser can tell a
         * missing {@code <attributes>} (an error) from an empty one (which clears the set).
         */
        @Override
        void endElement(String element) throws XMLStreamException {
            if (XmlModels.ATTRIBUTE_ELEMENT.equals(element)) {
                inAttribute = false;
            }
            if (XmlModels.USER_ELEMENT.equals(element)) {
                if (attributeSetsOfCurrentUser == 0) {
                    fail("<attributes> is missing; send <attributes/> to clear the set");
                }
                // What follows a user's end is no longer that user's.
                currentUser = null;
            }
        }

        @Override
        void startElement(String element) throws XMLStreamException {
            if (XmlModels.ATTRIBUTES_ELEMENT.equals(element) && ++attributeSetsOfCurrentUser > 1) {
                fail("more than one <attributes> element; a user has one attribute set per document");
            }
            if (XmlModels.ATTRIBUTE_ELEMENT.equals(element)) {
                checkType();
            }
        }

        /** JAXB would read an unknown type name as no type at all, which means NOMINAL. */
        private void checkType() throws XMLStreamException {
            String type = getAttributeValue(null, XmlModels.TYPE_ATTRIBUTE);
            if (type != null && ValueType.named(type) == null) {
                fail("type '" + Text.quote(type) + "' is not one of " + Arrays.toString(ValueType.values()));
            }
        }

        /** The user, and inside an {@code <attribute>} also its position and key, as the other checks name them. */
        @Override
        String where() {
            if (currentUser == null) {
                return null;
            }
            String user = "user '" + Text.quote(currentUser) + "'";
            if (!inAttribute) {
                return user;
            }
            String key = getAttributeValue(null, XmlModels.KEY_ATTRIBUTE);
            return user + ", attribute #" + attributesOfCurrentUser + (key == null ? "" : " '" + Text.quote(key) + "'");
        }
    }
}
