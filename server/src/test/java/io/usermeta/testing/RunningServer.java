package io.usermeta.testing;

import io.usermeta.core.Limits;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link TestServer} shared by the tests of one class: started before the first, closed after the
 * last. Register it as a static field with {@code @RegisterExtension}. It runs on the database that
 * the JUnit configuration parameter {@value TestDatabase#PARAMETER} names, so that a suite can run
 * the same classes on each database.
 */
public final class RunningServer implements BeforeAllCallback, AfterAllCallback {
    private final Limits limits;
    private TestServer server;

    private RunningServer(Limits limits) {
        this.limits = limits;
    }

    public static RunningServer withDefaults() {
        return new RunningServer(Limits.defaults());
    }

    public static RunningServer withLimits(Limits limits) {
        return new RunningServer(limits);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        TestDatabase database = TestDatabase.named(context.getConfigurationParameter(TestDatabase.PARAMETER)
                .orElse(null));
        server = TestServer.start(limits, database);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    public TestServer server() {
        return server;
    }

    /** A client authenticated as the test customer. */
    public HttpApi api() {
        return server.api();
    }
}
