package io.usermeta.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A {@code <members>} page read the way a client sees it.
 *
 * @param count the number of all members, or {@code null} when the page was not counted
 * @param next the cursor of the next page, or {@code null} on the last page
 * @param ids the user ids of this page, in response order
 */
public record MembersBody(Long count, String next, List<String> ids) {

    /** The body of a request that must have succeeded with a {@code <members>} page. */
    public static MembersBody of(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("status, body %s", response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/xml"));
        Element root = XmlText.parse(response.body());
        assertThat(root.getTagName()).isEqualTo("members");
        List<String> ids = new ArrayList<>();
        NodeList users = root.getElementsByTagName("user");
        for (int i = 0; i < users.getLength(); i++) {
            ids.add(((Element) users.item(i)).getAttribute("id"));
        }
        String count = XmlText.attribute(root, "count");
        return new MembersBody(count == null ? null : Long.valueOf(count), XmlText.attribute(root, "next"), ids);
    }
}
