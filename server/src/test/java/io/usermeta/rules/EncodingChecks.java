package io.usermeta.rules;

import static io.usermeta.testing.Documents.attribute;
import static io.usermeta.testing.Documents.user;
import static io.usermeta.testing.Documents.users;
import static io.usermeta.testing.ErrorBodies.assertError;
import static io.usermeta.testing.UsersBody.returned;
import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.testing.RunningServer;
import io.usermeta.testing.UsersBody;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Body encodings: UTF-8 by default, else what the charset parameter or the XML declaration says,
 * with or without a byte order mark; non-ASCII text round-trips in values and ids.
 */
class EncodingChecks {
    private static final String REGISTRATION = "/api/00000/registration/user";
    private static final String NAME = "M\u00fcller";
    private static final String CITY = "\u6771\u4eac";
    private static final String EMOJI = "\ud83d\ude00";
    /** U+1D800, outside the BMP; its low sixteen bits look like a surrogate. */
    private static final String SIGNWRITING = "\ud836\udc00";
    private static final byte[] UTF_8_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF_16LE_MARK = {(byte) 0xFF, (byte) 0xFE};

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    private static String declared(String encoding, String document) {
        return "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>" + document;
    }

    private static byte[] concat(byte[] mark, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(mark);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static void assertStoredName(String userId, String name) {
        UsersBody read = UsersBody.of(SERVER.api().get(REGISTRATION + "/" + userId));

        assertThat(read.attributesOf(userId)).containsExactly(returned("name", name, "NOMINAL"));
    }

    private static void postBytes(String contentType, byte[] body) {
        HttpResponse<String> response = SERVER.api().post(REGISTRATION, contentType, body);

        assertThat(response.statusCode()).as("status, body %s", response.body()).isEqualTo(204);
    }

    private static byte[] document(String userId, String name, Charset charset) {
        return users(user(userId, attribute("name", name))).getBytes(charset);
    }

    /** Without charset or declaration the body is UTF-8; umlauts, CJK and emoji round-trip. */
    @Test
    void utf8IsTheDefault() {
        String value = NAME + " " + CITY + " " + EMOJI;

        postBytes("text/xml", document("utf8-default", value, StandardCharsets.UTF_8));

        assertStoredName("utf8-default", value);
    }

    /** Characters outside the Basic Multilingual Plane are allowed in values. */
    @Test
    void supplementaryCharactersRoundTrip() {
        String value = EMOJI + SIGNWRITING;

        postBytes("text/xml", document("supplementary", value, StandardCharsets.UTF_8));

        assertStoredName("supplementary", value);
    }

    /** A UTF-8 byte order mark is accepted with and without a charset parameter. */
    @Test
    void utf8ByteOrderMarkIsAccepted() {
        postBytes("text/xml", concat(UTF_8_MARK, document("utf8-mark", NAME, StandardCharsets.UTF_8)));
        postBytes("text/xml; charset=UTF-8", concat(UTF_8_MARK, document("utf8-mark-charset", CITY,
                StandardCharsets.UTF_8)));

        assertStoredName("utf8-mark", NAME);
        assertStoredName("utf8-mark-charset", CITY);
    }

    /** UTF-16 declared in the XML declaration, with a big- or little-endian byte order mark, works. */
    @Test
    void utf16DeclaredInTheDocumentWorks() {
        String value = NAME + CITY + EMOJI;
        byte[] bigEndian = declared("UTF-16", users(user("utf16-be", attribute("name", value))))
                .getBytes(StandardCharsets.UTF_16);
        byte[] littleEndian = concat(UTF_16LE_MARK, declared("UTF-16", users(user("utf16-le",
                attribute("name", value)))).getBytes(StandardCharsets.UTF_16LE));

        postBytes("text/xml", bigEndian);
        postBytes("application/xml", littleEndian);

        assertStoredName("utf16-be", value);
        assertStoredName("utf16-le", value);
    }

    /** UTF-16 named by the charset parameter works. */
    @Test
    void utf16FromCharsetParameterWorks() {
        postBytes("text/xml; charset=UTF-16", document("utf16-charset", CITY, StandardCharsets.UTF_16));

        assertStoredName("utf16-charset", CITY);
    }

    /** ISO-8859-1 declared in the XML declaration works. */
    @Test
    void latin1DeclaredInTheDocumentWorks() {
        byte[] body = declared("ISO-8859-1", users(user("latin1-declared", attribute("name", NAME))))
                .getBytes(StandardCharsets.ISO_8859_1);

        postBytes("text/xml", body);

        assertStoredName("latin1-declared", NAME);
    }

    /** ISO-8859-1 named by the charset parameter works without a declaration. */
    @Test
    void latin1FromCharsetParameterWorks() {
        postBytes("text/xml; charset=ISO-8859-1", document("latin1-charset", NAME, StandardCharsets.ISO_8859_1));

        assertStoredName("latin1-charset", NAME);
    }

    /** Bytes the Content-Type's charset cannot decode are a 400 naming that charset, and nothing is stored. */
    @Test
    void bytesInvalidForTheDeclaredCharsetAreRejectedNamingIt() {
        String document = users(user("latin", attribute("name", "Grüße")));

        HttpResponse<String> response = SERVER.api().post(REGISTRATION, "text/xml; charset=UTF-8",
                document.getBytes(StandardCharsets.ISO_8859_1));

        assertError(response, 400).contains("UTF-8");
        assertThat(UsersBody.of(SERVER.api().get(REGISTRATION + "/latin")).ids()).isEmpty();
    }

    /** Non-ASCII user ids travel as UTF-8 percent escapes in paths and as plain text in bodies. */
    @Test
    void nonAsciiUserIdsRoundTrip() {
        String id = NAME + "-" + CITY + "-" + EMOJI;
        String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8);

        postBytes("text/xml", document(id, NAME, StandardCharsets.UTF_8));
        UsersBody read = UsersBody.of(SERVER.api().get(REGISTRATION + "/" + encoded));

        assertThat(read.ids()).containsExactly(id);
    }

    /** Responses are UTF-8 XML whatever the request's encoding was. */
    @Test
    void responsesAreUtf8() {
        postBytes("text/xml; charset=ISO-8859-1", document("answer", NAME, StandardCharsets.ISO_8859_1));

        HttpResponse<String> response = SERVER.api().get(REGISTRATION + "/answer");

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/xml"));
        assertThat(response.body()).contains(NAME).doesNotContain("encoding=\"ISO-8859-1\"");
    }
}
