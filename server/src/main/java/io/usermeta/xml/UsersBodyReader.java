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

        UsersReader(XMLStreamReader reader) {
            super(reader, XmlModels.ALLOWED_ATTRIBUTES);
        }

        /**
         * The generated model starts every user with an empty list, so only the parser can tell a
         * missing {@code <attributes>} (an error) from an empty one (which clears the set).
         */
        @Override
        void endElement(String element) throws XMLStreamException {
            if (XmlModels.USER_ELEMENT.equals(element) && attributeSetsOfCurrentUser == 0) {
                fail("<attributes> is missing; send <attributes/> to clear the set");
            }
        }

        @Override
        void startElement(String element) throws XMLStreamException {
            if (XmlModels.USER_ELEMENT.equals(element)) {
                currentUser = getAttributeValue(null, XmlModels.USER_ID_ATTRIBUTE);
                attributeSetsOfCurrentUser = 0;
            }
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
                fail("attribute '" + Text.quote(getAttributeValue(null, "key")) + "': type '" + Text.quote(type)
                        + "' is not one of " + Arrays.toString(ValueType.values()));
            }
        }

        @Override
        String where() {
            return currentUser == null ? null : "user '" + Text.quote(currentUser) + "'";
        }
    }
}
