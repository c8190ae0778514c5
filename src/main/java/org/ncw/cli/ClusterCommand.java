package org.ncw.cli;

import org.ncw.engine.io.OutputSet;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.audio.AudioWriter;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.audio.SampleFormat;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.audio.WriteReport;
import org.ncw.engine.cluster.AffinityKind;
import org.ncw.engine.cluster.EigenSolver;
import org.ncw.engine.cluster.LabelAssignment;
import org.ncw.engine.cluster.SpectralOptions;
import org.ncw.engine.cluster.strategy.ClusterSettings;
import org.ncw.engine.cluster.strategy.DatasetKind;
import org.ncw.engine.cluster.strategy.SpeechRoleRule;
import org.ncw.engine.cluster.strategy.StrategyKind;
import org.ncw.engine.cluster.strategy.StrategyOptions;
import org.ncw.engine.core.CancellationToken;
import org.ncw.engine.core.Signal;
import org.ncw.engine.dataset.LabelGridCsv;
import org.ncw.engine.dsp.Intensity;
import org.ncw.engine.dsp.Resolution;
import org.ncw.engine.mask.MaskMode;
import org.ncw.engine.mask.MaskOptions;
import org.ncw.engine.pipeline.ClusterPipeline;
import org.ncw.engine.pipeline.ExperimentOptions;
import org.ncw.engine.pipeline.ExperimentReport;
import org.ncw.engine.pipeline.ExperimentResult;
import org.ncw.engine.workbench.WorkbenchOptions;
import org.ncw.render.RenderOptions;
import org.ncw.render.SpectrogramRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ncw cluster FILE -o OUT}: spectral clustering of the spectrogram into speech and noise, then masking and
 * resynthesis; writes the speech and noise tracks, the label grid (CSV), a PNG of the labels and the experiment.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Separate speech from noise by clustering spectrogram bins, as in the study.",
                "Pipeline: load -> analysis STFT -> dataset -> cluster -> stretch labels -> mask -> resynthesise.",
                "Writes NAME.speech.wav, NAME.noise.wav, NAME.labels.csv, NAME.labels.png, NAME.experiment.json.",
                "Options not given on the command line come from --options, else from the defaults."})
public final class ClusterCommand implements Callable<Integer> {
    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Audio file (WAV, AIFF, AU), mixed down to mono.")
    Path input;

    @Option(names = {"-o", "--out", "--output"}, required = true, paramLabel = "OUTDIR|OUT.wav",
            description = "A directory (files named after FILE) or the speech WAV (other files named after it).")
    Path output;

    @Option(names = "--options", paramLabel = "experiment.json", description = "Start from a saved experiment.")
    Path optionsFile;

    @Option(names = "--dataset", paramLabel = "matrix|table3d", description = "Dataset (default matrix).")
    String dataset;

    @Option(names = "--strategy", paramLabel = "complete|column", description = "Strategy (default column).")
    String strategy;

    @Option(names = "--clusterer", paramLabel = "spectral|kmeans|ward|gmm", description = "Algorithm (default spectral).")
    String clusterer;

    @Option(names = "--clusters", paramLabel = "K", description = "Number of clusters (default 2).")
    Integer clusters;

    @Option(names = "--affinity", paramLabel = "rbf|knn", description = "Spectral affinity (default rbf).")
    String affinity;

    @Option(names = "--gamma", paramLabel = "G|auto",
            description = "rbf coefficient, or auto: the median heuristic on the clustered values (default 1.0).")
    String gamma;

    @Option(names = "--intensity", paramLabel = "magnitude|power|db",
            description = "What is clustered (default magnitude, the study's amplitudes).")
    String intensity;

    @Option(names = "--neighbors", paramLabel = "K", description = "kNN neighbours (default 10).")
    Integer neighbors;

    @Option(names = "--labels", paramLabel = "kmeans|discretize|cluster_qr",
            description = "How the embedding becomes labels (default kmeans).")
    String labels;

    @Option(names = "--solver", paramLabel = "auto|arpack|dense|lanczos", description = "Eigen solver (default auto).")
    String solver;

    @Option(names = "--exact", description = "Never take the fast one-dimensional path for matrix columns.")
    Boolean exact;

    @Option(names = "--quantum", paramLabel = "Q",
            description = "Fast path value cell, in kernel widths (default 0.5; 0 = exact duplicates only).")
    Double quantum;

    @Option(names = "--scaling", paramLabel = "none|standardize|min_max",
            description = "3-D table feature scaling (default standardize).")
    String scaling;

    @Option(names = "--centroid-distance", description = "3-D table: add the distance to the spectral centroid.")
    Boolean centroidDistance;

    @Option(names = "--speech-rule", paramLabel = "higher_mean_db|higher_mean_flux",
            description = "Which cluster is speech (default higher_mean_db).")
    String speechRule;

    @Option(names = "--resolution", paramLabel = "low|regular", description = "Analysis grid (default low).")
    String resolution;

    @Option(names = "--synthesis", paramLabel = "low|regular", description = "Mask/resynthesis grid (default regular).")
    String synthesis;

    @Option(names = "--mask", paramLabel = "strict|reduce|soft", description = "Mask mode (default strict).")
    String mask;

    @Option(names = "--reduce-factor", paramLabel = "F", description = "Gain of noise bins with --mask reduce (default 0.2).")
    Double reduceFactor;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random choice (default 0).")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Column workers (default: one per core).")
    Integer threads;

    @Option(names = "--float", description = "Write 32-bit float WAVs (default: 16-bit PCM, clipped to [-1, 1]).")
    boolean floatOutput;

    @Option(names = "--force", description = "Replace existing outputs (an input file is never replaced).")
    boolean force;

    @Option(names = "--window", paramLabel = "SECONDS",
            description = "Column strategy: cluster in windows of SECONDS (+-3 s of context, 0.5 s crossfades), so memory"
                    + " stays bounded whatever the length; chosen by itself when the whole file would not fit the heap.")
    Double windowSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WorkbenchOptions experiment = experiment();
        ExperimentOptions options = experiment.clustering();
        Outputs files = Outputs.of(input, output);
        OutputGuard guard = OutputGuard.protecting(input);
        WriteMode mode = null;
        for (Path p : files.all()) {
            mode = OutputPaths.check(p, force, guard);
        }

        long t0 = System.nanoTime();
        org.ncw.engine.audio.AudioFileInfo info = AudioReader.readInfo(input);
        boolean column = options.strategy().strategy() == StrategyKind.COLUMN;
        if (windowSeconds != null) {
            if (!(windowSeconds >= 1) || windowSeconds.isInfinite()) {
                throw new org.ncw.engine.core.InvalidParameterException("--window must be at least 1 (seconds), got "
                        + windowSeconds);
            }
            if (!column) {
                throw new IllegalArgumentException("--window applies to the column strategy only: a complete strategy"
                        + " clusters the whole spectrogram at once");
            }
        }
        if (column && (windowSeconds != null || MemoryBudget.CLUSTER.bytesNeeded(List.of(info))
                > MemoryBudget.available())) {
            return ClusterWindowedRun.run(this, experiment, files, mode, guard, info, out, err);
        }
        MemoryBudget.CLUSTER.check(input);
        Signal signal = AudioReader.read(input).toMono();
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        ClusterPipeline pipeline = new ClusterPipeline(signal);
        // Ctrl-C cancels the run: workers stop at the next column, and nothing has been written yet
        CancellationToken token = new CancellationToken();
        Thread onInterrupt = new Thread(token::cancel, "ncw-cluster-cancel");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        ExperimentResult r;
        WriteReport speech;
        WriteReport noise;
        double writeSeconds;
        // the five files appear together or none does; an output problem shows before the work
        try (OutputSet outputs = OutputSet.reserve(mode, guard, files.all())) {
            try (TerminalProgress progress = TerminalProgress.forRun(verbose, err)) {
                r = pipeline.run(options, progress.monitor(token));
            } finally {
                removeHook(onInterrupt);
            }
            long w0 = System.nanoTime();
            SampleFormat format = floatOutput ? SampleFormat.FLOAT32 : SampleFormat.PCM16;
            speech = AudioWriter.write(r.separated().speech(), files.speech(), format, outputs);
            noise = AudioWriter.write(r.separated().residue(), files.noise(), format, outputs);
            outputs.write(files.csv(), LabelGridCsv.content(r.analysisDb(), r.clustering().labels()));
            outputs.write(files.png(), SpectrogramRenderer.png(SpectrogramRenderer.render(r.analysisDb(),
                    r.clustering().labels(),
                    RenderOptions.defaults().withTitle(input.getFileName() + ": speech bins (analysis grid)"))));
            outputs.writeText(files.json(), ExperimentReport.json(experiment.toJson(), r.clustering().diagnostics())
                    + System.lineSeparator());
            outputs.commit();
            writeSeconds = (System.nanoTime() - w0) / 1e9;
        }

        summary(out, signal, r, loadSeconds, writeSeconds, speech, noise, files);
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting (Ctrl-C): the hook has run
        }
    }

    /** The clustering settings: defaults or --options, then every option given on the command line. */
    ExperimentOptions options() throws IOException {
        return experiment().clustering();
    }

    /** The experiment: defaults or --options (any experiment file), its clustering changed by the options given. */
    WorkbenchOptions experiment() throws IOException {
        WorkbenchOptions file = optionsFile == null ? WorkbenchOptions.defaults() : WorkbenchOptions.read(optionsFile);
        ExperimentOptions o = file.clustering();
        StrategyOptions s = o.strategy();
        if (dataset != null) {
            s = s.withDataset(parse(DatasetKind.class, "--dataset", dataset));
        }
        if (strategy != null) {
            s = s.withStrategy(parse(StrategyKind.class, "--strategy", strategy));
        }
        if (scaling != null) {
            s = s.withScaling(parse(org.ncw.engine.cluster.FeatureScaling.class, "--scaling", scaling));
        }
        if (centroidDistance != null) {
            s = s.withCentroidDistance(centroidDistance);
        }
        if (speechRule != null) {
            s = s.withRoleRule(parse(SpeechRoleRule.class, "--speech-rule", speechRule));
        }
        if (threads != null) {
            s = s.withThreads(threads);
        }
        if (intensity != null) {
            s = s.withIntensity(parse(Intensity.class, "--intensity", intensity));
        }
        ClusterSettings c = o.clusterer();
        SpectralOptions sp = c.spectral();
        if (clusterer != null) {
            c = c.withAlgorithm(parse(ClusterSettings.Algorithm.class, "--clusterer", clusterer));
        }
        if (clusters != null) {
            sp = sp.withNClusters(clusters);
        }
        if (affinity != null) {
            sp = sp.withAffinity(affinity.equalsIgnoreCase("knn") ? AffinityKind.NEAREST_NEIGHBORS
                    : parse(AffinityKind.class, "--affinity", affinity));
        }
        boolean autoGamma = gamma != null && gamma.trim().equalsIgnoreCase("auto");
        if (gamma != null && !autoGamma) {
            sp = sp.withGamma(number("--gamma", gamma));
        }
        if (neighbors != null) {
            sp = sp.withNNeighbors(neighbors);
        }
        if (labels != null) {
            sp = sp.withAssignLabels(parse(LabelAssignment.class, "--labels", labels));
        }
        if (solver != null) {
            sp = sp.withEigenSolver(parse(EigenSolver.class, "--solver", solver));
        }
        if (seed != null) {
            sp = sp.withSeed(seed);
        }
        c = c.withSpectral(sp);
        if (gamma != null) {
            c = c.withGammaMode(autoGamma ? ClusterSettings.GammaMode.AUTO : ClusterSettings.GammaMode.VALUE);
        }
        if (exact != null) {
            c = c.withExact(exact);
        }
        if (quantum != null) {
            c = c.withQuantum(quantum);
        }
        MaskOptions m = o.mask();
        if (mask != null) {
            m = m.withMode(parse(MaskMode.class, "--mask", mask));
        }
        if (reduceFactor != null) {
            m = m.withReduceFactor(reduceFactor);
        }
        o = o.withStrategy(s).withClusterer(c).withMask(m);
        if (resolution != null) {
            o = o.withAnalysis(resolution("--resolution", resolution));
        }
        if (synthesis != null) {
            o = o.withSynthesis(resolution("--synthesis", synthesis));
        }
        return file.withClustering(o);
    }

    private static double number(String option, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number or auto, got '" + text + "'");
        }
    }

    private static Resolution resolution(String option, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "low" -> Resolution.LOW;
            case "regular" -> Resolution.REGULAR;
            default -> throw new IllegalArgumentException(option + " must be low or regular, got '" + text + "'");
        };
    }

    static <E extends Enum<E>> E parse(Class<E> type, String option, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text.trim().replace('-', '_'))) {
                return e;
            }
        }
        throw new IllegalArgumentException(option + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList() + ", got '" + text + "'");
    }

    private void summary(PrintWriter out, Signal signal, ExperimentResult r, double loadSeconds, double writeSeconds,
                         WriteReport speech, WriteReport noise, Outputs files) {
        ExperimentOptions o = r.options();
        out.printf(Locale.ROOT, "input      %s: %.2f s at %d Hz%n", input, signal.durationSeconds(), signal.sampleRate());
        out.printf(Locale.ROOT, "analysis   %d bins x %d frames (n_fft %d, hop %d)%n", r.analysisDb().bins(),
                r.analysisDb().frames(), o.analysis().nFft(), o.analysis().hopLength());
        out.printf(Locale.ROOT, "clustering %s, %s, %s%s: %d problem(s) of %d points, %s values%s%n",
                lower(o.strategy().dataset()), lower(o.strategy().strategy()), lower(o.clusterer().algorithm()),
                o.clusterer().algorithm() == ClusterSettings.Algorithm.SPECTRAL
                        ? " (" + lower(o.clusterer().spectral().affinity()) + ", " + lower(o.clusterer().spectral()
                        .assignLabels()) + ")" : "",
                r.clustering().problems(), r.clustering().pointsPerProblem(), lower(o.strategy().intensity()),
                r.clustering().fastPath() ? ", grouped fast path" : "");
        out.printf(Locale.ROOT, "synthesis  %d bins x %d frames (n_fft %d, hop %d), mask %s%n", r.labels().bins(),
                r.labels().frames(), o.synthesis().nFft(), o.synthesis().hopLength(), lower(o.mask().mode()));
        out.printf(Locale.ROOT, "speech     %.1f %% of analysis bins, %.1f %% of synthesis bins%n",
                100 * r.clustering().labels().speechFraction(), 100 * r.labels().speechFraction());
        StringBuilder times = new StringBuilder(String.format(Locale.ROOT, "load %.3f", loadSeconds));
        for (ExperimentResult.StageTiming t : r.stages()) {
            times.append(String.format(Locale.ROOT, ", %s %.3f", t.stage(), t.seconds()));
        }
        times.append(String.format(Locale.ROOT, ", write %.3f", writeSeconds));
        out.println("seconds    " + times);
        for (String line : ExperimentReport.lines(r.clustering().diagnostics())) {
            out.println(line);
        }
        for (String w : r.clustering().warnings()) {
            out.println("warning    " + w);
        }
        if (speech.clippedSamples() + noise.clippedSamples() > 0) {
            out.printf("warning    %d samples clipped to [-1, 1] in the tracks (use --float to keep them)%n",
                    speech.clippedSamples() + noise.clippedSamples());
        }
        for (Path p : files.all()) {
            out.println("wrote      " + p);
        }
        out.flush();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** The five output files. */
    record Outputs(Path speech, Path noise, Path csv, Path png, Path json) {
        static Outputs of(Path input, Path output) throws IOException {
            String name = output.getFileName().toString();
            Path dir;
            String stem;
            if (name.toLowerCase(Locale.ROOT).endsWith(".wav")) {
                dir = output.toAbsolutePath().getParent();
                stem = name.substring(0, name.length() - 4);
                if (stem.toLowerCase(Locale.ROOT).endsWith(".speech")) {
                    stem = stem.substring(0, stem.length() - 7);
                }
                OutputPaths.createDirectory(dir, "-o");
                return new Outputs(output, dir.resolve(stem + ".noise.wav"), dir.resolve(stem + ".labels.csv"),
                        dir.resolve(stem + ".labels.png"), dir.resolve(stem + ".experiment.json"));
            }
            OutputPaths.createDirectory(output, "-o (a directory, or a .wav file)");
            String in = input.getFileName().toString();
            int dot = in.lastIndexOf('.');
            stem = dot > 0 ? in.substring(0, dot) : in;
            return new Outputs(output.resolve(stem + ".speech.wav"), output.resolve(stem + ".noise.wav"),
                    output.resolve(stem + ".labels.csv"), output.resolve(stem + ".labels.png"),
                    output.resolve(stem + ".experiment.json"));
        }

        List<Path> all() {
            return List.of(speech, noise, csv, png, json);
        }
    }
}
