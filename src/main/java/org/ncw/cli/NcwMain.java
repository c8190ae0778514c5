package org.ncw.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** Entry point of the {@code ncw} command line: every command runs on the same engine as the GUI. */
@Command(name = "ncw",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Noise Clustering Workbench: separate speech from background noise.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:success",
                "1:failure: unreadable input, an output that exists (without --force) or cannot be written",
                "2:bad usage: unknown option, invalid parameter value, inputs that cannot be used together",
                "130:interrupted (Ctrl-C) or cancelled; no output is left half-written"},
        subcommands = {
                CommandLine.HelpCommand.class,
                InfoCommand.class,
                SpectrogramCommand.class,
                TableCommand.class,
                DenoiseCommand.class,
                ClusterCommand.class,
                IcaCommand.class,
                IcaBatchCommand.class,
                EvaluateCommand.class,
                TrainMaskCommand.class,
                BenchQualityCommand.class,
                SweepCommand.class,
                BenchCommand.class,
        })
public final class NcwMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Ctrl-C ends the JVM with exit code 130; say so (the atomic writer removes its temporary files)
        java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished.get()) {
                System.err.println("ncw: interrupted; no output was left half-written");
            }
        }, "ncw-interrupted"));
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        finished.set(true);
        System.exit(code);
    }

    /** Runs a command line and returns its exit code (used by tests without exiting the JVM). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new NcwMain());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new OneLineErrors());
        cl.setParameterExceptionHandler(new OneLineErrors());
        try {
            return cl.execute(args);
        } catch (Error e) {
            // picocli hands only Exceptions to the handler; an OutOfMemoryError comes through here
            return OneLineErrors.handleError(e, err, java.util.Arrays.asList(args).contains("--verbose"));
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
