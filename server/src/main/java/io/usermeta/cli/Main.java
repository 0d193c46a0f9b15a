package io.usermeta.cli;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The {@code usermeta} command line: {@code serve} and {@code customer …}. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(commandLine().execute(args));
    }

    /** The command tree, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new UsermetaCommand())
                .setExecutionExceptionHandler(Main::reportFailure)
                .setParameterExceptionHandler(Main::reportUsageError);
    }

    /**
     * A failure an operator can fix (a port in use, a bad setting, an unreachable database) is one
     * line on stderr; the stack trace is logged at DEBUG. Anything else is a bug and keeps its trace.
     */
    private static int reportFailure(Exception failure, CommandLine command, ParseResult parsed) throws Exception {
        Optional<String> explained = FailureMessages.explain(failure);
        if (explained.isEmpty()) {
            throw failure;
        }
        LOG.debug("Command failed", failure);
        command.getErr().println("usermeta: " + explained.get());
        return command.getCommandSpec().exitCodeOnExecutionException();
    }

    private static int reportUsageError(ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        command.getErr().println("usermeta: " + error.getMessage() + " (see '"
                + command.getCommandSpec().qualifiedName() + " --help')");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }
}
