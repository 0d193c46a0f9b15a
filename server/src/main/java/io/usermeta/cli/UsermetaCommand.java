package io.usermeta.cli;

import picocli.CommandLine.Command;

/** The top command; every flag also has an environment variable, shown in each command's help. */
@Command(
        name = "usermeta",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Self-hosted user metadata service for personalization.",
        subcommands = {ServeCommand.class, CustomerCommand.class})
final class UsermetaCommand {}
