package io.usermeta.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.usermeta.testing.HttpApi;
import io.usermeta.testing.RunningServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reference document goes in through POST and comes back through GET unchanged. */
class SmokeChecks {
    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withDefaults();

    private static HttpApi api;

    @BeforeAll
    static void start() {
        api = SERVER.api();
    }

    /** POST then GET returns every attribute in posted order, each with its type. */
    @Test
    void postedDocumentReadsBack() {
        String document = "<users><user id=\"u-1\"><attributes>"
                + "<attribute key=\"country\" value=\"DE\" type=\"NOMINAL\"/>"
                + "<attribute key=\"type\" value=\"reseller\"/>"
                + "</attributes></user></users>";

        HttpResponse<String> posted = api.post("/api/00000/registration/user", document);
        HttpResponse<String> read = api.get("/api/00000/registration/user/u-1");

        assertThat(posted.statusCode()).isEqualTo(204);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("<user id=\"u-1\"><attributes>"
                + "<attribute key=\"country\" value=\"DE\" type=\"NOMINAL\"/>"
                + "<attribute key=\"type\" value=\"reseller\" type=\"NOMINAL\"/>"
                + "</attributes></user>");
    }
}
