package org.ncw.cli;

import org.ncw.engine.core.CancelledException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Arrays;

/**
 * Failures print one line, {@code ncw: error: <message>}, and exit non-zero; the stack trace only with --verbose.
 * Exit codes: 1 runtime failure (bad file, bad data), 2 bad usage, 130 cancelled.
 */
final class OneLineErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean verbose = Arrays.asList(parseResult.originalArgs().toArray(new String[0])).contains("--verbose");
        if (ex instanceof CancelledException) {
            err.println("ncw: cancelled");
            return 130;
        }
        err.println("ncw: error: " + describe(ex));
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ex instanceof IllegalArgumentException ? 2 : 1;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println("ncw: error: " + ex.getMessage());
        err.println("Try 'ncw " + ex.getCommandLine().getCommandName().replace("ncw", "").trim()
                + (ex.getCommandLine().getCommandName().equals("ncw") ? "" : " ") + "--help' for usage.");
        err.flush();
        return 2;
    }

    static String describe(Throwable ex) {
        String msg = ex.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = ex.getClass().getSimpleName();
        }
        return msg.replace('\n', ' ');
    }
}
