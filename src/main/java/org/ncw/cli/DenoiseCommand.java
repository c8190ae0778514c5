package org.ncw.cli;

import org.ncw.engine.audio.AudioClip;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.audio.AudioWriter;
import org.ncw.engine.audio.AudioFileException;
import org.ncw.engine.audio.ChannelSelection;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.OutputExistsException;
import org.ncw.engine.io.OutputSet;
import org.ncw.engine.audio.SampleFormat;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.audio.WavStreamReader;
import org.ncw.engine.audio.WriteReport;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.production.ProductionChain;
import org.ncw.engine.workbench.Method;
import org.ncw.engine.workbench.MethodOutput;
import org.ncw.engine.workbench.Methods;
import org.ncw.engine.workbench.WindowOptions;
import org.ncw.engine.workbench.WindowedRunner;
import org.ncw.engine.workbench.WorkbenchOptions;
import org.ncw.engine.io.FileProblemException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ncw denoise FILE -o OUT}: writes the denoised signal and the residue (what was removed). */
@Command(name = "denoise", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Denoise a recording; writes the output and the residue (input - output, sample aligned).",
                "Never overwrites the input; refuses existing outputs unless --force."})
public final class DenoiseCommand implements Callable<Integer> {
    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    /** Where {@code -} reads and writes (tests replace them). */
    InputStream stdin = System.in;
    OutputStream stdout = System.out;

    @Parameters(index = "0", paramLabel = "FILE", description = "Input audio (WAV, AIFF, AU); - reads a WAV stream"
            + " from stdin.")
    Path input;

    @Option(names = {"-o", "--out", "--output"}, required = true, paramLabel = "OUT.wav",
            description = "Denoised output WAV; - writes a WAV stream to stdout (messages then go to stderr).")
    Path output;

    @Option(names = "--residue", paramLabel = "R.wav",
            description = "Residue WAV (default: OUT's name with .residue.wav, next to it; none when OUT is -).")
    Path residue;

    @Option(names = "--method", paramLabel = "METHOD",
            description = "Denoising method: any of bench-quality --list, or production (the chosen preset), cluster"
                    + " (the chosen clustering), blind (= blind-denoiser), streaming (causal, 40 ms latency, bounded memory:"
                    + " output starts before the input ends). Default: " + Methods.BLIND_DENOISER
                    + "; production when production options are given.")
    String method;

    @Option(names = "--options", paramLabel = "experiment.json",
            description = "Start from a saved experiment (its production, denoiser, streaming and clustering settings).")
    Path optionsFile;

    @Option(names = "--channel", paramLabel = "mix|N", defaultValue = "mix", converter = ChannelConverter.class,
            description = "Which channel of a multichannel file: mix (average) or a 0-based index (default: mix).")
    ChannelSelection channel;

    @Option(names = "--float", description = "Write 32-bit float WAVs (default: 16-bit PCM, clipped to [-1, 1]).")
    boolean floatOutput;

    @Option(names = "--force", description = "Overwrite existing output and residue files (never the input).")
    boolean force;

    @Option(names = "--transient-ratio", paramLabel = "R",
            description = "Blind method: cut down short broadband noise (clatter, knocks) first; a 32 ms frame louder"
                    + " than R times its +-150 ms median in 300-7000 Hz (and spiking in every band) is one"
                    + " (default: 0 = off, since it fired on babble and rumble on the corpus; 3 suits kitchen clatter).")
    Double transientRatio;

    @Option(names = "--mask-model", paramLabel = "builtin|none|FILE",
            description = "Blind and streaming methods: the learned band mask combined with the analytic gain: the"
                    + " built-in network (default), none (the analytic gain alone) or a network written by"
                    + " `ncw train-mask` (with --streaming for the streaming method).")
    String maskModel;

    @Option(names = "--lookahead", paramLabel = "HOPS",
            description = "Streaming method: hops (8 ms each) of look-ahead, 1 (default: 40 ms latency) or 0 (32 ms,"
                    + " slightly lower scores).")
    Integer lookaheadHops;

    @Option(names = "--window", paramLabel = "SECONDS",
            description = "Offline methods read long files in windows of SECONDS (+-3 s of context, at most a quarter of SECONDS; 0.5 s"
                    + " crossfades) so memory stays bounded; a file of one window runs whole (default: 60, less when"
                    + " the heap is small).")
    Double windowSeconds;

    @ArgGroup(exclusive = false, heading = "%nProduction method options (--method production):%n")
    ProductionMethodOptions production = new ProductionMethodOptions();

    @Override
    public Integer call() throws Exception {
        boolean toStdout = StreamingDenoiseRun.isStdio(output);
        PrintWriter out = toStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
        if (production == null) {
            production = new ProductionMethodOptions();
        }
        WorkbenchOptions experiment = optionsFile == null ? WorkbenchOptions.defaults()
                : WorkbenchOptions.read(optionsFile);
        experiment = experiment.withProduction(production.applyTo(experiment.production()));
        if (transientRatio != null) {
            experiment = experiment.withDenoiser(experiment.denoiser().withTransientThreshold(transientRatio));
        }
        if (maskModel != null) {
            if (!maskModel.equals(org.ncw.engine.denoise.BlindDenoiserOptions.BUILTIN_MASK)
                    && !maskModel.equals(org.ncw.engine.denoise.BlindDenoiserOptions.NO_MASK)) {
                try {
                    org.ncw.engine.denoise.MaskNetwork.read(Path.of(maskModel));
                } catch (IOException | RuntimeException e) {
                    throw new org.ncw.engine.core.InvalidParameterException("--mask-model " + maskModel
                            + ": not a mask network file (" + e.getMessage() + ")");
                }
            }
        }
        String name = method != null ? method
                : production.anyGiven() ? Methods.PRODUCTION_ALIAS : Methods.BLIND_DENOISER;
        Method<?> chosen;
        try {
            chosen = Methods.resolve(name, experiment);
        } catch (InvalidParameterException e) {
            throw new InvalidParameterException("--method: " + e.getMessage());
        }
        if (maskModel != null) {
            boolean isStreaming = chosen.name().equals(org.ncw.engine.stream.StreamingDenoiser.METHOD_NAME);
            if (!isStreaming && !chosen.name().equals(Methods.BLIND_DENOISER)) {
                throw new IllegalArgumentException("--mask-model applies to --method blind or streaming only, not "
                        + chosen.name());
            }
            experiment = isStreaming
                    ? experiment.withStreaming(experiment.streaming().withMaskModel(maskModel))
                    : experiment.withDenoiser(experiment.denoiser().withMaskModel(maskModel));
            chosen = Methods.resolve(name, experiment);
        }
        if (lookaheadHops != null) {
            if (!chosen.name().equals(org.ncw.engine.stream.StreamingDenoiser.METHOD_NAME)) {
                throw new IllegalArgumentException("--lookahead applies to --method streaming only, not "
                        + chosen.name());
            }
            try {
                experiment = experiment.withStreaming(experiment.streaming().withLookaheadHops(lookaheadHops));
            } catch (InvalidParameterException e) {
                throw new InvalidParameterException("--lookahead: " + e.getMessage());
            }
            chosen = Methods.resolve(name, experiment);
        }
        boolean isProduction = chosen.kind() == Method.Kind.PRODUCTION;
        if (!isProduction && production.anyGiven()) {
            throw new IllegalArgumentException("the production options (--preset, --chain, --highpass, ...) apply to"
                    + " --method production only, not " + chosen.name());
        }
        if (!chosen.name().equals(Methods.BLIND_DENOISER) && transientRatio != null) {
            throw new IllegalArgumentException("--transient-ratio applies to --method blind only, not "
                    + chosen.name());
        }
        Path residuePath = residue != null ? residue : toStdout ? null : defaultResidue(output);
        checkWindow();
        checkOutputs(residuePath);
        if (chosen.name().equals(org.ncw.engine.stream.StreamingDenoiser.METHOD_NAME)) {
            return StreamingDenoiseRun.run(this, experiment.streaming(), residuePath, out);
        }
        ProductionChain chain = isProduction ? production.chain(experiment.production()) : null;

        boolean fromStdin = StreamingDenoiseRun.isStdio(input);
        if (!fromStdin) {
            org.ncw.engine.audio.AudioFileInfo info = AudioReader.readInfo(input);
            int channels = info.channels();
            if (info.frames() == 0) {
                throw new AudioFileException(input, "contains no audio samples");
            }
            if (!channel.isMixDown() && channel.index() >= channels) {
                throw new IllegalArgumentException("channel " + channel.index() + " requested but " + input
                        + " has " + channels + " channel" + (channels == 1 ? "" : "s"));
            }
            if (info.container() != org.ncw.engine.audio.AudioContainer.WAV) {
                // AIFF and AU are read whole; WAV files and streams are read window by window
                MemoryBudget.INFO.check(input);
            }
        }
        WriteMode mode = force ? WriteMode.OVERWRITE : WriteMode.FAIL_IF_EXISTS;
        WindowedDenoiseRun.Outcome outcome;
        double seconds;
        // the files appear together or none does; every output problem shows before the work
        List<Path> targets = new ArrayList<>();
        if (!toStdout) {
            targets.add(output);
        }
        if (residuePath != null) {
            targets.add(residuePath);
        }
        boolean saveChain = isProduction && production.saveChain != null;
        if (saveChain) {
            targets.add(production.saveChain);
        }
        try (OutputSet outputs = OutputSet.reserve(mode, OutputGuard.protecting(input), targets)) {
            if (saveChain) {
                outputs.writeText(production.saveChain, chain.toJson() + "\n");
            }
            long start = System.nanoTime();
            try (TerminalProgress progress = TerminalProgress.forRun(verbose, spec.commandLine().getErr())) {
                outcome = WindowedDenoiseRun.run(this, chosen, experiment, residuePath, outputs, progress.monitor());
            }
            seconds = (System.nanoTime() - start) / 1e9;
            outputs.commit();
        }
        List<String> details = new ArrayList<>(outcome.summary.details());
        if (isProduction) {
            details.set(0, production.describe(experiment.production(), chain));
        }
        double duration = outcome.summary.samples() / (double) outcome.sampleRate;
        out.printf(Locale.ROOT, "%s: %d Hz, %.2f s%s%n", input, outcome.sampleRate, duration,
                outcome.channels == 1 ? "" : " (" + outcome.channels + " channels, using " + channel + ")");
        out.println("method " + chosen.name() + ", " + details.get(0));
        details.stream().skip(1).forEach(out::println);
        if (outcome.summary.windows() > 1) {
            out.println("windowed: " + WindowedRunner.describe(outcome.summary, outcome.windows));
        }
        out.printf(Locale.ROOT, "removed: residue %s dB relative to the input%n",
                db(outcome.residueEnergy / outcome.inputEnergy));
        out.printf(Locale.ROOT, "runtime %.3f s, RTF %.4f%n", seconds, duration > 0 ? seconds / duration : 0);
        out.println("wrote " + output + clipNote(outcome.clipped));
        if (residuePath != null) {
            out.println("wrote " + residuePath + " (residue)" + clipNote(outcome.clippedResidue));
        }
        out.flush();
        return 0;
    }

    /**
     * The windows a run at {@code sampleRate} uses: {@code --window} if given, else 60 s central parts, shorter when
     * the method's measured memory per frame would not fit one window in the heap (refused below 10 s).
     */
    WindowOptions windowOptions(Method.Kind kind, int sampleRate) throws FileProblemException {
        WindowOptions defaults = WindowOptions.defaults();
        if (windowSeconds != null) {
            checkWindow();
            return defaults.withWindowSeconds(windowSeconds);
        }
        return MemoryBudget.forMethod(kind).windows(input, defaults, sampleRate, MemoryBudget.available());
    }

    private void checkWindow() {
        if (windowSeconds != null && (!(windowSeconds >= 1) || windowSeconds.isInfinite())) {
            throw new InvalidParameterException("--window must be at least 1 (seconds), got " + windowSeconds);
        }
    }

    /** {@code out.wav} -> {@code out.residue.wav} in the same folder. */
    static Path defaultResidue(Path output) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return output.resolveSibling(stem + ".residue.wav");
    }

    /** Fails before any work when an output would replace the input, an existing file, or the other output. */
    private void checkOutputs(Path residuePath) throws java.io.IOException {
        OutputGuard guard = OutputGuard.protecting(input);
        if (StreamingDenoiseRun.isStdio(output)) {
            if (residuePath != null) {
                guard.check(residuePath);
                if (!force && Files.exists(residuePath)) {
                    throw new AudioFileException(residuePath, "already exists; use --force to overwrite it");
                }
            }
            return;
        }
        guard.check(output);
        guard.check(residuePath);
        if (production.saveChain != null) {
            OutputPaths.check(production.saveChain, force, guard);
        }
        if (output.toAbsolutePath().normalize().equals(residuePath.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the residue and the output are the same file: " + output);
        }
        if (!force) {
            for (Path p : new Path[] {output, residuePath}) {
                if (Files.exists(p)) {
                    throw new OutputExistsException(p);
                }
            }
        }
    }

    private static String db(double ratio) {
        return ratio > 0 ? String.format(Locale.ROOT, "%.1f", 10 * Math.log10(ratio)) : "-inf";
    }

    private static String clipNote(long clipped) {
        return clipped == 0 ? ""
                : " (" + clipped + " samples clipped to [-1, 1]; use --float to keep them)";
    }

    static final class ChannelConverter implements picocli.CommandLine.ITypeConverter<ChannelSelection> {
        @Override
        public ChannelSelection convert(String value) {
            return ChannelSelection.parse(value);
        }
    }
}
