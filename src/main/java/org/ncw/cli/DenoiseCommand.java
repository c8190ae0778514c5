package org.ncw.cli;

import org.ncw.engine.audio.AudioClip;
import org.ncw.engine.audio.AudioFileException;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.audio.AudioWriter;
import org.ncw.engine.audio.ChannelSelection;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.audio.SampleFormat;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.audio.WriteReport;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Option(names = "--method", paramLabel = "METHOD", converter = MethodConverter.class,
            description = "Denoising method: blind (the blind denoiser), production, or streaming (causal, 32 ms"
                    + " latency, bounded memory: output starts before the input ends) (default: "
                    + DenoiseMethod.DEFAULT_NAME + "; production when production options are given).")
    DenoiseMethod method;

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
                    + " (default: 3; 0 = off).")
    Double transientRatio;

    @ArgGroup(exclusive = false, heading = "%nProduction method options (--method production):%n")
    ProductionMethodOptions production = new ProductionMethodOptions();

    @Override
    public Integer call() throws Exception {
        boolean toStdout = StreamingDenoiseRun.isStdio(output);
        PrintWriter out = toStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
        if (production == null) {
            production = new ProductionMethodOptions();
        }
        if (method == null) {
            method = production.anyGiven() ? DenoiseMethod.PRODUCTION : DenoiseMethod.parse(DenoiseMethod.DEFAULT_NAME);
        }
        if (method != DenoiseMethod.PRODUCTION && production.anyGiven()) {
            throw new IllegalArgumentException("the production options (--preset, --chain, --highpass, ...) apply to"
                    + " --method production only, not " + method.cliName());
        }
        if (method == DenoiseMethod.PRODUCTION && transientRatio != null) {
            throw new IllegalArgumentException("--transient-ratio applies to --method blind only, not production");
        }
        if (method != DenoiseMethod.BLIND && transientRatio != null) {
            throw new IllegalArgumentException("--transient-ratio applies to --method blind only, not " + method.cliName());
        }
        Path residuePath = residue != null ? residue : toStdout ? null : defaultResidue(output);
        checkOutputs(residuePath);
        if (method == DenoiseMethod.STREAMING) {
            return StreamingDenoiseRun.run(this, residuePath, out);
        }

        org.ncw.engine.audio.WavStreamReader stream = StreamingDenoiseRun.isStdio(input)
                ? StreamingDenoiseRun.openWav(input, stdin) : null;
        AudioClip clip = stream == null ? AudioReader.read(input) : null;
        Signal signal = stream != null ? StreamingDenoiseRun.readAll(stream, channel)
                : channel.isMixDown() ? clip.toMono() : clip.channel(channel.index());
        int channelCount = stream != null ? stream.channels() : clip.channelCount();
        long start = System.nanoTime();
        DenoiseMethod.Outcome outcome = method.run(signal, this, TaskMonitor.none());
        double seconds = (System.nanoTime() - start) / 1e9;

        SampleFormat format = floatOutput ? SampleFormat.FLOAT32 : SampleFormat.PCM16;
        WriteMode mode = force ? WriteMode.OVERWRITE : WriteMode.FAIL_IF_EXISTS;
        OutputGuard guard = OutputGuard.protecting(input);
        WriteReport written = toStdout
                ? StreamingDenoiseRun.writeToPipe(outcome.output(), stdout, format)
                : AudioWriter.write(outcome.output(), output, format, mode, guard);
        WriteReport writtenResidue = residuePath == null ? null
                : AudioWriter.write(outcome.residue(), residuePath, format, mode, guard);

        out.printf(Locale.ROOT, "%s: %d Hz, %.2f s%s%n", input, signal.sampleRate(), signal.durationSeconds(),
                channelCount == 1 ? "" : " (" + channelCount + " channels, using " + channel + ")");
        out.println("method " + method.cliName() + ", " + outcome.details().get(0));
        outcome.details().stream().skip(1).forEach(out::println);
        out.printf(Locale.ROOT, "removed: residue %s dB relative to the input%n",
                db(energy(outcome.residue()) / energy(signal)));
        out.printf(Locale.ROOT, "runtime %.3f s, RTF %.4f%n", seconds, seconds / signal.durationSeconds());
        out.println("wrote " + output + clipNote(written));
        if (residuePath != null) {
            out.println("wrote " + residuePath + " (residue)" + clipNote(writtenResidue));
        }
        out.flush();
        return 0;
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
                    throw new AudioFileException(p, "already exists; use --force to overwrite it");
                }
            }
        }
    }

    private static double energy(Signal s) {
        double e = 0;
        for (double v : s.samples()) {
            e += v * v;
        }
        return e;
    }

    private static String db(double ratio) {
        return ratio > 0 ? String.format(Locale.ROOT, "%.1f", 10 * Math.log10(ratio)) : "-inf";
    }

    private static String clipNote(WriteReport report) {
        return report.clippedSamples() == 0 ? ""
                : " (" + report.clippedSamples() + " samples clipped to [-1, 1]; use --float to keep them)";
    }

    static final class MethodConverter implements picocli.CommandLine.ITypeConverter<DenoiseMethod> {
        @Override
        public DenoiseMethod convert(String value) {
            return DenoiseMethod.parse(value);
        }
    }

    static final class ChannelConverter implements picocli.CommandLine.ITypeConverter<ChannelSelection> {
        @Override
        public ChannelSelection convert(String value) {
            return ChannelSelection.parse(value);
        }
    }
}
