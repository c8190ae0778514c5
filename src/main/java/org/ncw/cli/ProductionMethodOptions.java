package org.ncw.cli;

import org.ncw.engine.io.AtomicFileWriter;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.production.ProductionChain;
import org.ncw.engine.production.ProductionSettings;
import org.ncw.engine.production.SpectralGate;
import org.ncw.engine.production.TimeSpan;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Options of {@code ncw denoise --method production}: a chain (preset or JSON file) and overrides of it, a thin
 * mapping onto the experiment's {@link ProductionSettings} (which applies them).
 */
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

    /** {@code base} (from the defaults or {@code --options}) changed by the options given here. */
    ProductionSettings applyTo(ProductionSettings base) {
        if (preset != null && chainFile != null) {
            throw new InvalidParameterException("--preset and --chain both choose the chain; give one of them");
        }
        ProductionSettings s = base;
        if (chainFile != null) {
            s = new ProductionSettings(ProductionSettings.CUSTOM, ProductionChain.read(chainFile), s.highPass(),
                    s.lowPass(), s.gate(), s.noiseSpan(), s.thresholdStd(), s.thresholdDb(), s.amount());
        } else if (preset != null) {
            s = s.withPreset(preset);
        }
        if (highpass != null) {
            s = s.withHighPass(highpass);
        }
        if (lowpass != null) {
            s = s.withLowPass(lowpass);
        }
        if (gate != null) {
            String g = gate.trim().toLowerCase(Locale.ROOT);
            if (!List.of("off", "stationary", "nonstationary", "non-stationary").contains(g)) {
                throw new InvalidParameterException("--gate must be stationary, nonstationary or off, got '"
                        + gate + "'");
            }
            s = s.withGate(g);
        }
        if (noiseSpan != null) {
            s = s.withNoiseSpan(TimeSpan.parse(noiseSpan));
        }
        if (threshold != null) {
            s = withThreshold(s, threshold);
        }
        if (amount != null) {
            s = s.withAmount(amount);
        }
        return s;
    }

    /** The chain of {@code settings}; when options here changed it, its description says so. */
    ProductionChain chain(ProductionSettings settings) {
        ProductionChain chain = settings.chain();
        List<String> changes = new ArrayList<>();
        add(changes, "--highpass", highpass);
        add(changes, "--lowpass", lowpass);
        add(changes, "--gate", gate);
        add(changes, "--noise-span", noiseSpan);
        add(changes, "--threshold", threshold);
        add(changes, "--amount", amount);
        return changes.isEmpty() ? chain
                : chain.withDescription(source(settings) + " changed by " + String.join(" ", changes));
    }

    private static void add(List<String> changes, String option, Object value) {
        if (value != null) {
            changes.add(option + " " + value);
        }
    }

    private String source(ProductionSettings settings) {
        return chainFile != null ? "chain " + chainFile : settings.source();
    }

    /** A number is std-devs above the noise mean (stationary gate only), a number with dB is dB above the floor. */
    private static ProductionSettings withThreshold(ProductionSettings s, String text) {
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
            return s.withThreshold(0.0, value);
        }
        boolean nonStationary = s.chain().stages().stream()
                .anyMatch(st -> st instanceof SpectralGate g && g.mode() == SpectralGate.Mode.NONSTATIONARY);
        if (nonStationary) {
            throw new InvalidParameterException("the nonstationary gate's threshold is in dB above its running floor;"
                    + " write it with dB, e.g. --threshold 9dB");
        }
        return s.withThreshold(value, 0.0);
    }

    /** Writes the chain actually run, when {@code --save-chain} asks for it. */
    void saveChain(ProductionChain chain, Path input, boolean force) throws IOException {
        if (saveChain != null) {
            byte[] json = (chain.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
            AtomicFileWriter.write(saveChain, force ? WriteMode.OVERWRITE : WriteMode.FAIL_IF_EXISTS,
                    OutputGuard.protecting(input), out -> out.write(json));
        }
    }

    /** The first detail line of the production method: the chain's source and description. */
    String describe(ProductionSettings settings, ProductionChain chain) {
        String source = source(settings);
        return chain.description().startsWith(source) ? chain.description()
                : source + (chain.description().isBlank() ? "" : " (" + chain.description() + ")");
    }
}
