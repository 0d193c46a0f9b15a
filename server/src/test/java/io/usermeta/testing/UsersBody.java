package io.usermeta.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A {@code <users>} response read with a plain DOM parser, the way a client sees it: attribute values
 * come out unescaped, so a newline sent as {@code &#10;} is a newline here.
 *
 * @param users the users in response order
 */
public record UsersBody(List<User> users) {

    /** The body of a GET that must have succeeded with an XML body. */
    public static UsersBody of(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("status of GET, body %s", response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/xml"));
        return parse(response.body());
    }

    public static UsersBody parse(String xml) {
        Element root = XmlText.parse(xml);
        assertThat(root.getTagName()).isEqualTo("users");
        List<User> users = new ArrayList<>();
        NodeList elements = root.getElementsByTagName("user");
        for (int i = 0; i < elements.getLength(); i++) {
            users.add(User.of((Element) elements.item(i)));
        }
        return new UsersBody(users);
    }

    public List<String> ids() {
        return users.stream().map(User::id).toList();
    }

    /** The attributes of the user with {@code id}; fails when the user is absent. */
    public List<Attribute> attributesOf(String id) {
        return users.stream().filter(user -> user.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("user '" + id + "' is absent from " + ids()))
                .attributes();
    }

    /** An attribute as a response carries it: the path's own source has no {@code source}. */
    public static Attribute returned(String key, String value, String type) {
        return new Attribute(key, value, type, null);
    }

    public static Attribute returned(String key, String value, String type, String source) {
        return new Attribute(key, value, type, source);
    }

    /**
     * One user of a response.
     *
     * @param id the user id, unescaped
     * @param attributes its attributes in response order
     */
    public record User(String id, List<Attribute> attributes) {
        static User of(Element user) {
            List<Attribute> attributes = new ArrayList<>();
            NodeList elements = user.getElementsByTagName("attribute");
            for (int i = 0; i < elements.getLength(); i++) {
                attributes.add(Attribute.of((Element) elements.item(i)));
            }
            return new User(user.getAttribute("id"), attributes);
        }
    }

    /**
     * One attribute of a response; an XML attribute that is absent is {@code null}.
     *
     * @param key the key
     * @param value the value
     * @param type the type
     * @param source the source, present only for another source than the path's
     */
    public record Attribute(String key, String value, String type, String source) {
        static Attribute of(Element attribute) {
            return new Attribute(XmlText.attribute(attribute, "key"), XmlText.attribute(attribute, "value"),
                    XmlText.attribute(attribute, "type"), XmlText.attribute(attribute, "source"));
        }
    }
}
