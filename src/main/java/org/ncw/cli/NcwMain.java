package org.ncw.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** Entry point of the {@code ncw} command line: every command runs on the same engine as the GUI. */
@Command(name = "ncw",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Noise Clustering Workbench: separate speech from background noise.",
        subcommands = {
                CommandLine.HelpCommand.class,
                BenchCommand.class,
                ClusterCommand.class,
                InfoCommand.class,
                DenoiseCommand.class,
                IcaCommand.class,
                IcaBatchCommand.class,
                SpectrogramCommand.class,
                TableCommand.class,
                BenchQualityCommand.class,
                EvaluateCommand.class,
        })
public final class NcwMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns its exit code (used by tests without exiting the JVM). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new NcwMain());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new OneLineErrors());
        cl.setParameterExceptionHandler(new OneLineErrors());
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
