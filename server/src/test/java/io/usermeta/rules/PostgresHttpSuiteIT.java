package io.usermeta.rules;

import io.usermeta.testing.TestDatabase;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.SuiteDisplayName;

/** The black-box HTTP checks on PostgreSQL, a schema of its own for each class (see TestPostgres). */
@SuiteDisplayName("HTTP checks on PostgreSQL")
@ConfigurationParameter(key = TestDatabase.PARAMETER, value = "postgresql")
class PostgresHttpSuiteIT extends HttpSuite {
}
