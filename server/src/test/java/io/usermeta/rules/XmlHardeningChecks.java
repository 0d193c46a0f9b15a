package io.usermeta.rules;

import static io.usermeta.testing.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usermeta.testing.RunningServer;
import io.usermeta.testing.Witness;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No DTD is read, no external entity fetched and no entity expanded: any DOCTYPE is a 400. */
class XmlHardeningChecks {
    private static final String SOURCE = "registration";
    private static final String REGISTRATION = "/api/00000/" + SOURCE + "/user";

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    /** Document prologues that would reach out to {@code %s}, a URL on a listening local socket. */
    static Stream<String> externalReferences() {
        return Stream.of(
                "<!DOCTYPE users SYSTEM \"%s/users.dtd\">",
                "<!DOCTYPE users PUBLIC \"-//usermeta//test//EN\" \"%s/users.dtd\">",
                "<!DOCTYPE users [<!ENTITY % remote SYSTEM \"%s/remote.dtd\"> %remote;]>",
                "<!DOCTYPE users [<!ENTITY external SYSTEM \"%s/entity\">]>");
    }

    /** A DOCTYPE pointing at an external DTD or entity is a 400, and the server never connects to it. */
    @ParameterizedTest
    @MethodSource("externalReferences")
    void externalReferenceIsRejectedWithoutBeingFetched(String prologue) throws IOException {
        Witness witness = Witness.storedIn(SERVER.api(), SOURCE);
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + listener.getLocalPort();
            String document = prologue.replace("%s", url) + "<users>" + witness.changed() + "</users>";

            HttpResponse<String> response = SERVER.api().post(REGISTRATION, document);

            assertError(response, 400).contains("DOCTYPE");
            listener.setSoTimeout(500);
            assertThatThrownBy(listener::accept).as("a connection to the external URL")
                    .isInstanceOf(SocketTimeoutException.class);
        }
        witness.assertUnchanged();
    }

    /** An external entity naming a local file is a 400 whose message does not leak the file. */
    @Test
    void localFileEntityIsRejectedWithoutLeaking() {
        String document = "<!DOCTYPE users [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + "<users><user id=\"&secret;\"><attributes/></user></users>";

        HttpResponse<String> response = SERVER.api().post(REGISTRATION, document);

        assertError(response, 400).contains("DOCTYPE").doesNotContain("root:");
    }

    /** An internal DOCTYPE, even an empty one, is a 400. */
    @Test
    void internalDoctypeIsRejected() {
        Witness.assertRejectedAndNothingStored(SERVER.api(), SOURCE,
                changed -> "<!DOCTYPE users []><users>" + changed + "</users>", "DOCTYPE");
    }

    /** Nested entity definitions (billion laughs) are a quick 400, never expanded. */
    @Test
    void billionLaughsIsRejectedQuickly() {
        Witness witness = Witness.storedIn(SERVER.api(), SOURCE);
        StringBuilder prologue = new StringBuilder("<!DOCTYPE users [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String previous = "&lol" + (i - 1) + ";";
            prologue.append("<!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">");
        }
        String document = prologue + "]><users>" + witness.changed()
                + "<user id=\"laughs\"><attributes><attribute key=\"k\" value=\"&lol9;\"/></attributes></user></users>";
        Instant start = Instant.now();

        HttpResponse<String> response = SERVER.api().post(REGISTRATION, document);

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertError(response, 400).contains("DOCTYPE");
        witness.assertUnchanged();
    }

    /** An entity reference without a DOCTYPE is undeclared and a 400. */
    @Test
    void undeclaredEntityIsRejected() {
        Witness.assertRejectedAndNothingStored(SERVER.api(), SOURCE,
                "<user id=\"&undeclared;\"><attributes/></user>", "undeclared");
    }

    /** A processing instruction or comment is harmless and ignored. */
    @Test
    void commentsAndProcessingInstructionsAreIgnored() {
        String document = "<?xml version=\"1.0\"?><!-- partner export --><?partner batch=\"7\"?>"
                + "<users><!-- one user --><user id=\"commented\"><attributes/></user></users>";

        HttpResponse<String> response = SERVER.api().post(REGISTRATION, document);

        assertThat(response.statusCode()).isEqualTo(204);
    }
}
