package org.ncw.engine.audio;

import org.ncw.engine.core.Checks;

/**
 * Quality of {@link Resampler}'s anti-aliasing low-pass. The stop band starts at the lower of the two Nyquist
 * frequencies (so nothing above the target Nyquist folds back); the pass band ends at {@code passbandEdge} times that
 * Nyquist frequency. A narrower transition or more attenuation means a longer filter (slower).
 *
 * @param passbandEdge          end of the pass band as a fraction of the lower Nyquist frequency, in [0.5, 0.99]
 * @param stopbandAttenuationDb attenuation from the lower Nyquist frequency upwards, in [40, 180] dB
 * @param maxTaps               refuse rate pairs whose filter would need more taps than this (memory bound)
 */
public record ResamplerOptions(double passbandEdge, double stopbandAttenuationDb, int maxTaps) {
    public ResamplerOptions {
        Checks.inRange("passbandEdge", passbandEdge, 0.5, 0.99);
        Checks.inRange("stopbandAttenuationDb", stopbandAttenuationDb, 40, 180);
        Checks.atLeast("maxTaps", maxTaps, 3);
    }

    /** Pass band to 90 % of the lower Nyquist frequency, 80 dB stop band. */
    public static ResamplerOptions defaults() {
        return new ResamplerOptions(0.90, 80, 1 << 24);
    }

    /** A shorter filter: pass band to 80 %, 60 dB. */
    public static ResamplerOptions fast() {
        return new ResamplerOptions(0.80, 60, 1 << 24);
    }

    /** A longer filter: pass band to 95 %, 100 dB. */
    public static ResamplerOptions high() {
        return new ResamplerOptions(0.95, 100, 1 << 24);
    }

    public ResamplerOptions withPassbandEdge(double value) {
        return new ResamplerOptions(value, stopbandAttenuationDb, maxTaps);
    }

    public ResamplerOptions withStopbandAttenuationDb(double value) {
        return new ResamplerOptions(passbandEdge, value, maxTaps);
    }

    public ResamplerOptions withMaxTaps(int value) {
        return new ResamplerOptions(passbandEdge, stopbandAttenuationDb, value);
    }
}
