package org.ncw.cli;

import org.ncw.engine.io.AtomicFileWriter;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.production.ProductionChain;
import org.ncw.engine.production.ProductionDenoiser;
import org.ncw.engine.production.ProductionResult;
import org.ncw.engine.production.SpectralGate;
import org.ncw.engine.production.TimeSpan;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Options of {@code ncw denoise --method production}: a chain (preset or JSON file) and overrides of it. */
final class ProductionMethodOptions {
    @Option(names = "--preset", paramLabel = "NAME",
            description = "Production chain preset: default, voice-bandpass, gate-stationary, gate-nonstationary,"
                    + " median-floor, centroid-floor (default: default).")
    String preset;

    @Option(names = "--chain", paramLabel = "CHAIN.json", description = "Production chain from a JSON file.")
    Path chainFile;

    @Option(names = "--highpass", paramLabel = "HZ", description = "Set (or add) the high-pass cutoff.")
    Double highpass;

    @Option(names = "--lowpass", paramLabel = "HZ",
            description = "Set (or add) the low-pass cutoff (skipped when not below Nyquist).")
    Double lowpass;

    @Option(names = "--gate", paramLabel = "MODE", description = "Spectral gate: stationary, nonstationary or off.")
    String gate;

    @Option(names = "--noise-span", paramLabel = "START:END",
            description = "Seconds of noise only for the stationary gate's noise profile, e.g. 0:0.9"
                    + " (default: the quietest 10%% of frames).")
    String noiseSpan;

    @Option(names = "--amount", paramLabel = "0..1",
            description = "How much the spectral stages attenuate what they find to be noise (1 = fully).")
    Double amount;

    @Option(names = "--threshold", paramLabel = "T",
            description = "Gate threshold: a number is std-devs above the noise mean (stationary gate),"
                    + " a number with dB (e.g. 9dB) is dB above the noise floor (either gate).")
    String threshold;

    @Option(names = "--save-chain", paramLabel = "CHAIN.json",
            description = "Also write the chain actually run (preset or file plus the options above) as JSON,"
                    + " to edit and reuse with --chain.")
    Path saveChain;

    boolean anyGiven() {
        return preset != null || chainFile != null || highpass != null || lowpass != null || gate != null
                || noiseSpan != null || amount != null || threshold != null || saveChain != null;
    }

    /**
     * The chain these options describe: the preset or file, then the overrides in a fixed order. When options
     * change it, its description says so (it is what {@code --save-chain} writes).
     */
    ProductionChain chain() {
        if (preset != null && chainFile != null) {
            throw new InvalidParameterException("--preset and --chain both choose the chain; give one of them");
        }
        ProductionChain chain = chainFile != null ? ProductionChain.read(chainFile)
                : ProductionChain.preset(preset != null ? preset : "default");
        List<String> changes = new ArrayList<>();
        if (highpass != null) {
            chain = chain.withHighPass(highpass);
            changes.add("--highpass " + highpass);
        }
        if (lowpass != null) {
            chain = chain.withLowPass(lowpass);
            changes.add("--lowpass " + lowpass);
        }
        if (gate != null) {
            chain = switch (gate.trim().toLowerCase(Locale.ROOT)) {
                case "off" -> chain.without(SpectralGate.class);
                case "stationary" -> chain.withGate(SpectralGate.Mode.STATIONARY);
                case "nonstationary", "non-stationary" -> chain.withGate(SpectralGate.Mode.NONSTATIONARY);
                default -> throw new InvalidParameterException(
                        "--gate must be stationary, nonstationary or off, got '" + gate + "'");
            };
            changes.add("--gate " + gate);
        }
        if (noiseSpan != null) {
            chain = chain.withNoiseSpan(TimeSpan.parse(noiseSpan));
            changes.add("--noise-span " + noiseSpan);
        }
        if (threshold != null) {
            chain = withThreshold(chain, threshold);
            changes.add("--threshold " + threshold);
        }
        if (amount != null) {
            chain = chain.withAmount(amount);
            changes.add("--amount " + amount);
        }
        return changes.isEmpty() ? chain
                : chain.withDescription(source() + " changed by " + String.join(" ", changes));
    }

    private String source() {
        return chainFile != null ? "chain " + chainFile : "preset " + (preset != null ? preset : "default");
    }

    private static ProductionChain withThreshold(ProductionChain chain, String text) {
        String t = text.trim();
        boolean db = t.toLowerCase(Locale.ROOT).endsWith("db");
        double value;
        try {
            value = Double.parseDouble(db ? t.substring(0, t.length() - 2).trim() : t);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("--threshold must be a number of std-devs (e.g. 1.5) or of dB"
                    + " (e.g. 9dB), got '" + text + "'");
        }
        if (db) {
            return chain.withGateThreshold(0, value);
        }
        boolean nonStationary = chain.stages().stream()
                .anyMatch(s -> s instanceof SpectralGate g && g.mode() == SpectralGate.Mode.NONSTATIONARY);
        if (nonStationary) {
            throw new InvalidParameterException("the nonstationary gate's threshold is in dB above its running floor;"
                    + " write it with dB, e.g. --threshold 9dB");
        }
        return chain.withGateThreshold(value, 0);
    }

    static DenoiseMethod.Outcome run(Signal input, DenoiseCommand command, TaskMonitor monitor) throws Exception {
        ProductionMethodOptions options = command.production;
        ProductionChain chain = options.chain();
        if (options.saveChain != null) {
            byte[] json = (chain.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
            AtomicFileWriter.write(options.saveChain, command.force ? WriteMode.OVERWRITE : WriteMode.FAIL_IF_EXISTS,
                    OutputGuard.protecting(command.input), out -> out.write(json));
        }
        ProductionResult result = FileLimits.atRate(command.input, input.sampleRate(),
                () -> ProductionDenoiser.fit(input, chain, monitor));
        List<String> details = new ArrayList<>();
        String source = options.source();
        details.add(chain.description().startsWith(source) ? chain.description()
                : source + (chain.description().isBlank() ? "" : " (" + chain.description() + ")"));
        int i = 1;
        for (ProductionResult.StageReport stage : result.stages()) {
            details.add(String.format(Locale.ROOT, "  %d. %s  [%.3f s]", i++, stage.description(), stage.seconds()));
        }
        if (result.stages().isEmpty()) {
            details.add("  (no stages: the output equals the input)");
        }
        return new DenoiseMethod.Outcome(result.output(), result.residue(), details);
    }
}
