package io.usermeta.rules;

import io.usermeta.testing.TestDatabase;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.SuiteDisplayName;

/** The black-box HTTP checks on H2 file databases, the embedded default. */
@SuiteDisplayName("HTTP checks on H2")
@ConfigurationParameter(key = TestDatabase.PARAMETER, value = "h2")
class H2HttpSuiteIT extends HttpSuite {
}
