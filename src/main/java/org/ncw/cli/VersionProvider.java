package org.ncw.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = NcwMain.class.getPackage().getImplementationVersion();
        return new String[] {"ncw " + (v == null ? "development build" : v),
                "Java " + System.getProperty("java.version")};
    }
}
