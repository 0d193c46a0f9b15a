package io.usermeta.testing;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The databases a test server can run on. Test suites choose one with the JUnit configuration
 * parameter {@value #PARAMETER} ({@code h2} when absent).
 */
public enum TestDatabase {
    /** An H2 file database in the test's temporary directory: the embedded default. */
    H2,
    /** A schema of its own on the test PostgreSQL server (see {@link TestPostgres}). */
    POSTGRESQL;

    public static final String PARAMETER = "usermeta.test.database";

    /** The database a configuration parameter value names; {@code null} means H2. */
    public static TestDatabase named(String name) {
        return name == null ? H2 : valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /** A new, empty database of this kind; {@code directory} holds it when it is a file database. */
    Created create(Path directory) {
        if (this == H2) {
            return new Created(TestServer.databaseUrl(directory), null);
        }
        String schema = TestPostgres.freshSchema();
        return new Created(TestPostgres.schemaUrl(schema), schema);
    }

    /**
     * A database made for one test server.
     *
     * @param url its JDBC URL, with credentials
     * @param schema the PostgreSQL schema it lives in, dropped when the server closes; {@code null} for H2
     */
    record Created(String url, String schema) {
        void drop() {
            if (schema != null) {
                TestPostgres.dropSchema(schema);
            }
        }
    }
}
