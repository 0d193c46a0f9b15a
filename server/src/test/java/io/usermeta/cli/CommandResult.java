package io.usermeta.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * What one run of the command line in this JVM returned and printed.
 *
 * @param exitCode the exit code
 * @param out what went to stdout
 * @param err what went to stderr, log lines excepted
 */
record CommandResult(int exitCode, String out, String err) {

    /** Runs {@code usermeta args…} in this JVM, as {@code main} would but without exiting. */
    static CommandResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));

        int exitCode = commandLine.execute(args);

        return new CommandResult(exitCode, out.toString(), err.toString());
    }
}
