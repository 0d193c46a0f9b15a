package io.usermeta.cli;

import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;

/** The {@code usermeta} command line: {@code serve} and {@code customer …}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(commandLine().execute(args));
    }

    /** The command tree, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new UsermetaCommand());
    }
}
