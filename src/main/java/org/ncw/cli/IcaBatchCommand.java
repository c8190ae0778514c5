package org.ncw.cli;

import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.audio.AudioWriter;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.OutputSet;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.ica.IcaBatch;
import org.ncw.engine.ica.PairSeparationOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code ncw ica-batch DIR -o OUT}: FastICA over every pair of the audio files in a directory. */
@Command(name = "ica-batch", mixinStandardHelpOptions = true,
        description = {"Run the ICA pair separation over every pair of the audio files in DIR (e.g. the result "
                + "files of several strategies for one recording).",
                "Writes OUT/NN_A__B.speech.wav and .noise.wav per pair, and OUT/summary.csv and OUT/summary.json "
                        + "(inputs, iterations, converged, which output is speech, its ranking score, and SI-SDR and "
                        + "STOI of the speech output with --clean). A pair that "
                        + "cannot be separated gets an error row; the exit code is then 1."})
public final class IcaBatchCommand implements Callable<Integer> {
    @Mixin
    VerboseOption verbose;

    @Mixin
    IcaOptionsMixin ica;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Directory of input audio files (not recursive).")
    Path inputDir;

    @Option(names = {"-o", "--out", "--output"}, required = true, paramLabel = "OUT",
            description = "Output directory (created if missing).")
    Path outputDir;

    @Option(names = "--glob", paramLabel = "GLOB", description = "Which files of DIR are inputs (default: ${DEFAULT-VALUE}).")
    String glob = "*.{wav,WAV,aif,aiff,au}";

    private static String metricsText(java.util.Map<String, Double> m) {
        return m.isEmpty() ? "" : String.format(Locale.ROOT, "; SI-SDR %.2f dB, STOI %.3f", m.get("si_sdr_db"),
                m.get("stoi"));
    }

    /** Fails before any work when an output would replace an input or (without --force) an existing file. */
    private List<Path> checkOutputs(List<IcaBatch.Input> inputs, OutputGuard guard) throws IOException {
        OutputPaths.checkDirectory(outputDir, "-o");
        List<Path> outputs = new ArrayList<>(List.of(outputDir.resolve("summary.csv"),
                outputDir.resolve("summary.json")));
        int pair = 0;
        for (int i = 0; i < inputs.size(); i++) {
            for (int j = i + 1; j < inputs.size(); j++) {
                String base = IcaBatch.outputName(++pair, inputs.get(i).name(), inputs.get(j).name());
                outputs.add(outputDir.resolve(base + ".speech.wav"));
                outputs.add(outputDir.resolve(base + ".noise.wav"));
            }
        }
        for (Path p : outputs) {
            OutputPaths.check(p, ica.overwrite, guard);
        }
        return outputs;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PairSeparationOptions options = ica.toOptions();
        if (!Files.isDirectory(inputDir)) {
            throw new IllegalArgumentException("not a directory: " + inputDir);
        }
        if (Files.isDirectory(outputDir) && Files.isSameFile(outputDir, inputDir)) {
            throw new IllegalArgumentException("-o " + outputDir + " is the input folder: its .speech/.noise WAVs"
                    + " would be taken as inputs by the next run; choose another output folder");
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<Path> files;
        try (Stream<Path> s = Files.list(inputDir)) {
            files = s.filter(Files::isRegularFile).filter(p -> matcher.matches(p.getFileName())).sorted().toList();
        }
        if (files.size() < 2) {
            throw new IllegalArgumentException("need at least 2 audio files matching '" + glob + "' in " + inputDir
                    + ", found " + files.size());
        }
        List<IcaBatch.Input> inputs = new ArrayList<>();
        for (Path f : files) {
            inputs.add(new IcaBatch.Input(IcaCommand.stem(f), AudioReader.readMono(f, ica.channel())));
        }
        Signal reference = ica.reference == null ? null : AudioReader.readMono(ica.reference, ica.channel());
        Signal clean = ica.clean == null ? null : AudioReader.readMono(ica.clean, ica.channel());
        List<Path> protectedFiles = new ArrayList<>(files);
        for (Path extra : new Path[] {ica.reference, ica.clean}) {
            if (extra != null) {
                protectedFiles.add(extra);
            }
        }
        OutputGuard guard = OutputGuard.protecting(protectedFiles);
        List<Path> targets = checkOutputs(inputs, guard);
        OutputPaths.createDirectory(outputDir, "-o");

        IcaBatch.Result result;
        // every pair's files and the summaries appear together when the batch is done, or none does
        try (OutputSet outputs = OutputSet.reserve(ica.writeMode(), guard, targets)) {
            result = IcaBatch.run(inputs, reference, clean, options, IcaBatch.SI_SDR_AND_STOI, (row, res) -> {
                AudioWriter.write(res.speech(), outputDir.resolve(row.outputName() + ".speech.wav"), ica.format(),
                        outputs);
                AudioWriter.write(res.noise(), outputDir.resolve(row.outputName() + ".noise.wav"), ica.format(),
                        outputs);
            }, TaskMonitor.none());
            outputs.writeText(outputDir.resolve("summary.csv"), result.toCsv());
            outputs.writeText(outputDir.resolve("summary.json"), Json.write(result) + "\n");
            outputs.discardUnwritten(); // a pair that failed has no files; the summaries say why
            outputs.commit();
        }

        out.printf(Locale.ROOT, "%d inputs, %d pairs -> %s%n", inputs.size(), result.rows().size(), outputDir);
        for (var e : result.inputMetrics().entrySet()) {
            out.printf(Locale.ROOT, "  input %-34s%s%n", e.getKey(), metricsText(e.getValue()).substring(1));
        }
        for (IcaBatch.PairRow r : result.rows()) {
            if (r.error() != null) {
                out.printf(Locale.ROOT, "  %-40s FAILED: %s%n", r.outputName(), r.error());
            } else {
                out.printf(Locale.ROOT, "  %-40s %s %3d it, speech = output %d (%s %.3f vs %.3f %s)%s%n",
                        r.outputName(), r.converged() ? "converged    " : "NOT converged", r.iterations(),
                        r.speechOutput(), r.ranking().name().toLowerCase(Locale.ROOT), r.speechScore(),
                        r.noiseScore(), IcaCommand.scoreUnit(r.ranking()), metricsText(r.speechMetrics()));
            }
        }
        out.printf("summary: %s, %s%n", outputDir.resolve("summary.csv"), outputDir.resolve("summary.json"));
        long notConverged = result.rows().stream().filter(r -> r.error() == null && !r.converged()).count();
        if (notConverged > 0) {
            spec.commandLine().getErr().println("ncw: warning: FastICA did not converge for " + notConverged
                    + " pair(s); see the 'converged' column");
        }
        return result.failures() > 0 ? 1 : 0;
    }
}
