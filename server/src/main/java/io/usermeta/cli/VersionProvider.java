package io.usermeta.cli;

import picocli.CommandLine.IVersionProvider;

/** The version recorded in the jar's manifest. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"usermeta " + (version == null ? "(development build)" : version)};
    }
}
