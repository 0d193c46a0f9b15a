package io.usermeta.rules;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The black-box HTTP checks: every class named {@code …Checks} in this package and in
 * {@code io.usermeta.server}, each against a real server on a random port. A subclass per database
 * runs them all on that database, so H2 and PostgreSQL are held to exactly the same behaviour.
 */
@Suite
@SelectPackages({"io.usermeta.rules", "io.usermeta.server"})
@IncludeClassNamePatterns(".*Checks")
public abstract class HttpSuite {
}
