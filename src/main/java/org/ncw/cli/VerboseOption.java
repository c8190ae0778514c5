package org.ncw.cli;

import picocli.CommandLine.Option;

/** Mixin for every command: {@code --verbose} shows stack traces on failure, {@code --quiet} hides progress. */
public final class VerboseOption {
    @Option(names = "--verbose", description = "Print the full stack trace when a command fails.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Show no progress on a terminal (only results and errors).")
    boolean quiet;
}
