package org.ncw.cli;

import org.ncw.engine.core.CancelledException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Failures print one line, {@code ncw: error: <message>}, and exit non-zero; the stack trace only with --verbose.
 * Exit codes: 1 runtime failure (bad file, bad data), 2 bad usage, 130 cancelled.
 */
final class OneLineErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    /** Engine field names the command line spells differently (the rest are their kebab-case). */
    private static final Map<String, String> FLAG_ALIASES = Map.of(
            "nNeighbors", "--neighbors", "nClusters", "--clusters", "refValue", "--ref",
            "transientThreshold", "--transient-ratio");

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean verbose = Arrays.asList(parseResult.originalArgs().toArray(new String[0])).contains("--verbose");
        if (isCancellation(ex)) {
            err.println("ncw: cancelled");
            return 130;
        }
        Throwable root = unwrap(ex);
        if (root instanceof Error error) {
            return handleError(error, err, verbose);
        }
        String message = withFlagNames(describe(root), cmd);
        if (root instanceof org.ncw.engine.io.OutputExistsException && cmd.getCommandSpec().findOption("--force") != null) {
            message += " (use --force to replace it)";
        }
        err.println("ncw: error: " + message);
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return root instanceof IllegalArgumentException ? 2 : 1;
    }

    /**
     * An {@link Error} (thrown past picocli or wrapped by a worker thread) is one line too: out of memory says what
     * to do, anything else names the error. Exit code 1.
     */
    static int handleError(Error error, PrintWriter err, boolean verbose) {
        if (error instanceof OutOfMemoryError) {
            err.println(String.format(Locale.ROOT, "ncw: error: out of memory (the Java heap allows %.1f GiB): %s",
                    Runtime.getRuntime().maxMemory() / (double) (1L << 30),
                    MemoryBudget.remedy(2 * Runtime.getRuntime().maxMemory()) + " or use a shorter file"));
        } else if (error instanceof StackOverflowError) {
            err.println("ncw: error: internal error: stack overflow (please report it with the command line)");
        } else {
            err.println("ncw: error: internal error: " + describe(error) + " (please report it with the command line)");
        }
        if (verbose) {
            error.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /**
     * Engine messages name the parameter as the engine spells it ({@code maxIter must be > 0}); on the command line
     * the user typed {@code --max-iter}. A message that starts with a parameter name this command has as an option
     * (kebab-case of the name, or an alias) is rewritten to the flag.
     */
    static String withFlagNames(String message, CommandLine cmd) {
        int end = 0;
        while (end < message.length() && Character.isLetterOrDigit(message.charAt(end))) {
            end++;
        }
        if (end == 0 || end == message.length() || !Character.isLowerCase(message.charAt(0))) {
            return message;
        }
        String name = message.substring(0, end);
        String flag = FLAG_ALIASES.getOrDefault(name, "--" + name.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .toLowerCase(Locale.ROOT));
        return cmd.getCommandSpec().findOption(flag) != null ? flag + message.substring(end) : message;
    }

    /** The exception that says what went wrong: wrappers that only repeat their cause are peeled off. */
    static Throwable unwrap(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null
                || t.getMessage().equals(t.getCause().toString())
                || t instanceof ExecutionException || t instanceof CompletionException)) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println("ncw: error: " + parseMessage(ex));
        err.println("Try 'ncw " + ex.getCommandLine().getCommandName().replace("ncw", "").trim()
                + (ex.getCommandLine().getCommandName().equals("ncw") ? "" : " ") + "--help' for usage.");
        err.flush();
        return 2;
    }

    /** A cancellation, also when a worker thread's exception wraps it. */
    private static boolean isCancellation(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof CancelledException) {
                return true;
            }
        }
        return false;
    }

    /**
     * picocli's message for a converter's exception repeats the Java type and exception class ("cannot convert 'x'
     * to Contrast (java.lang.IllegalArgumentException: ...)"); the converter's own message already says it all.
     */
    static String parseMessage(CommandLine.ParameterException ex) {
        Throwable cause = ex.getCause();
        CommandLine.Model.ArgSpec arg = ex.getArgSpec();
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null && arg != null) {
            String name = arg instanceof CommandLine.Model.OptionSpec o ? o.longestName() : arg.paramLabel();
            return "invalid value for " + name + ": " + cause.getMessage().replace('\n', ' ');
        }
        return ex.getMessage();
    }

    static String describe(Throwable ex) {
        if (ex instanceof java.io.UncheckedIOException && ex.getCause() != null) {
            return describe(ex.getCause());
        }
        if (ex instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
            // the JDK's messages are bare paths ("missing.json"); say what is wrong with the path
            String problem = ex instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                    : ex instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : ex instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
                    : ex instanceof java.nio.file.NotDirectoryException ? "not a directory"
                    : ex instanceof java.nio.file.DirectoryNotEmptyException ? "directory not empty"
                    : fs.getReason() != null ? fs.getReason() : ex.getClass().getSimpleName();
            return fs.getFile() + (fs.getOtherFile() != null ? " -> " + fs.getOtherFile() : "") + ": " + problem;
        }
        String msg = ex.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = ex.getClass().getSimpleName();
        }
        return msg.replace('\n', ' ');
    }
}
