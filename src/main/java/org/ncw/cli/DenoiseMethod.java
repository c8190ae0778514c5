package org.ncw.cli;

import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

import java.util.List;
import java.util.Locale;

/**
 * The methods of {@code ncw denoise --method}. This is the one place a method is registered: add a constant with
 * its runner (and, for its options, a group in {@link DenoiseCommand}); {@link #DEFAULT_NAME} picks the default.
 */
enum DenoiseMethod {
    PRODUCTION("production", ProductionMethodOptions::run),
    BLIND("blind", BlindMethodRunner::run),
    STREAMING("streaming", StreamingDenoiseRun::runWhole);

    /** The method used without {@code --method} (and without production options, which imply production). */
    static final String DEFAULT_NAME = "blind";

    /** What a method returns: the denoised signal, what it removed, and lines describing what it did. */
    record Outcome(Signal output, Signal residue, List<String> details) {
    }

    @FunctionalInterface
    interface Runner {
        Outcome run(Signal input, DenoiseCommand command, TaskMonitor monitor) throws Exception;
    }

    private final String cliName;
    private final Runner runner;

    DenoiseMethod(String cliName, Runner runner) {
        this.cliName = cliName;
        this.runner = runner;
    }

    String cliName() {
        return cliName;
    }

    Outcome run(Signal input, DenoiseCommand command, TaskMonitor monitor) throws Exception {
        return runner.run(input, command, monitor);
    }

    static DenoiseMethod parse(String name) {
        for (DenoiseMethod m : values()) {
            if (m.cliName.equalsIgnoreCase(name.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown method '" + name + "'; known: " + names());
    }

    static String names() {
        return String.join(", ", java.util.Arrays.stream(values()).map(DenoiseMethod::cliName).toList());
    }

    @Override
    public String toString() {
        return cliName.toLowerCase(Locale.ROOT);
    }
}
