package org.ncw.engine.production;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;

import java.util.Locale;

/**
 * A production chain as an experiment states it: a preset (or a chain of its own) changed by a few overrides.
 * {@link #chain()} is the one place the overrides are applied, in a fixed order: high-pass, low-pass, gate,
 * noise span, threshold, amount. A {@code null} override keeps what the chain has.
 *
 * @param preset       one of {@link ProductionChain#PRESETS}, or {@value #CUSTOM} when {@code custom} is the base
 * @param custom       the base chain when it is not a preset (e.g. read from a file), else {@code null}
 * @param highPass     cutoff Hz of the high-pass (added first if the chain has none)
 * @param lowPass      cutoff Hz of the low-pass (added after the filters if the chain has none)
 * @param gate         "off", "stationary" or "nonstationary" (null: the chain's own)
 * @param noiseSpan    seconds of noise only for the stationary gate's noise profile
 * @param thresholdStd gate threshold in std-devs above the noise mean (null: the gate's own)
 * @param thresholdDb  gate threshold in dB above the noise floor (null: the gate's own)
 * @param amount       how much the spectral stages attenuate what they find to be noise (1 = fully)
 */
public record ProductionSettings(String preset, ProductionChain custom, Double highPass, Double lowPass, String gate,
                                 TimeSpan noiseSpan, Double thresholdStd, Double thresholdDb, Double amount) {
    /** The {@link #preset} value of a chain that is not a preset. */
    public static final String CUSTOM = "custom";

    public ProductionSettings {
        preset = preset == null ? (custom != null ? CUSTOM : ProductionChain.PRESETS.get(0)) : preset;
        if (preset.equals(CUSTOM) != (custom != null)) {
            throw new InvalidParameterException(custom == null
                    ? "production.preset: 'custom' needs a chain of its own (production.custom)"
                    : "production.custom: a chain of its own goes with preset 'custom', not '" + preset + "'");
        }
        if (custom == null && !ProductionChain.PRESETS.contains(preset)) {
            throw new InvalidParameterException("production.preset: unknown production preset '" + preset
                    + "'; known: " + String.join(", ", ProductionChain.PRESETS));
        }
        if (gate != null) {
            gate = gate.trim().toLowerCase(Locale.ROOT).replace("non-stationary", "nonstationary");
            if (!gate.equals("off") && !gate.equals("stationary") && !gate.equals("nonstationary")) {
                throw new InvalidParameterException("production.gate must be off, stationary or nonstationary, got '"
                        + gate + "'");
            }
        }
        if (thresholdStd != null) {
            Checks.finite("production.thresholdStd", thresholdStd);
        }
        if (thresholdDb != null) {
            Checks.finite("production.thresholdDb", thresholdDb);
        }
        if (amount != null) {
            Checks.inRange("production.amount", amount, 0, 1);
        }
    }

    /** The default preset, unchanged. */
    public static ProductionSettings defaults() {
        return preset(ProductionChain.PRESETS.get(0));
    }

    public static ProductionSettings preset(String name) {
        return new ProductionSettings(name, null, null, null, null, null, null, null, null);
    }

    /** A chain of its own (e.g. read from a file), unchanged. */
    public static ProductionSettings of(ProductionChain chain) {
        return new ProductionSettings(CUSTOM, Checks.notNull("chain", chain), null, null, null, null, null, null, null);
    }

    /** The same overrides on another preset (a chain of its own is dropped). */
    public ProductionSettings withPreset(String name) {
        return new ProductionSettings(name, null, highPass, lowPass, gate, noiseSpan, thresholdStd, thresholdDb, amount);
    }

    public ProductionSettings withHighPass(Double hz) {
        return new ProductionSettings(preset, custom, hz, lowPass, gate, noiseSpan, thresholdStd, thresholdDb, amount);
    }

    public ProductionSettings withLowPass(Double hz) {
        return new ProductionSettings(preset, custom, highPass, hz, gate, noiseSpan, thresholdStd, thresholdDb, amount);
    }

    public ProductionSettings withGate(String mode) {
        return new ProductionSettings(preset, custom, highPass, lowPass, mode, noiseSpan, thresholdStd, thresholdDb,
                amount);
    }

    public ProductionSettings withNoiseSpan(TimeSpan span) {
        return new ProductionSettings(preset, custom, highPass, lowPass, gate, span, thresholdStd, thresholdDb, amount);
    }

    public ProductionSettings withThreshold(Double std, Double db) {
        return new ProductionSettings(preset, custom, highPass, lowPass, gate, noiseSpan, std, db, amount);
    }

    public ProductionSettings withAmount(Double value) {
        return new ProductionSettings(preset, custom, highPass, lowPass, gate, noiseSpan, thresholdStd, thresholdDb,
                value);
    }

    /** True when nothing changes the preset or chain. */
    public boolean unchanged() {
        return highPass == null && lowPass == null && gate == null && noiseSpan == null && thresholdStd == null
                && thresholdDb == null && amount == null;
    }

    /** The base chain: the preset's or the chain of its own. */
    public ProductionChain base() {
        return custom != null ? custom : ProductionChain.preset(preset);
    }

    /**
     * The chain these settings describe: the base changed by the overrides. An impossible change (a threshold
     * without a gate, an amount without a spectral stage) throws with a message naming the field.
     */
    public ProductionChain chain() {
        ProductionChain chain = base();
        if (highPass != null) {
            chain = chain.withHighPass(highPass);
        }
        if (lowPass != null) {
            chain = chain.withLowPass(lowPass);
        }
        if (gate != null) {
            chain = switch (gate) {
                case "off" -> chain.without(SpectralGate.class);
                case "stationary" -> chain.withGate(SpectralGate.Mode.STATIONARY);
                default -> chain.withGate(SpectralGate.Mode.NONSTATIONARY);
            };
        }
        if (noiseSpan != null) {
            chain = chain.withNoiseSpan(noiseSpan);
        }
        if (thresholdStd != null || thresholdDb != null) {
            SpectralGate first = chain.stages().stream().filter(SpectralGate.class::isInstance)
                    .map(SpectralGate.class::cast).findFirst().orElse(null);
            if (first == null) {
                throw new InvalidParameterException((thresholdStd != null ? "production.thresholdStd"
                        : "production.thresholdDb") + ": a gate threshold needs a spectral gate in the chain,"
                        + " and this chain has none (choose a gate)");
            }
            chain = chain.withGateThreshold(thresholdStd != null ? thresholdStd : first.thresholdStd(),
                    thresholdDb != null ? thresholdDb : first.thresholdDb());
        }
        if (amount != null) {
            if (chain.stages().stream().noneMatch(SpectralStage.class::isInstance)) {
                throw new InvalidParameterException("production.amount: an amount needs a spectral stage (gate or"
                        + " noise floor) in the chain, and this chain has none");
            }
            chain = chain.withAmount(amount);
        }
        return chain;
    }

    /** "preset NAME" or "a chain of its own". */
    public String source() {
        return custom != null ? "custom chain" : "preset " + preset;
    }
}
