package org.ncw.engine.metrics;

/**
 * Plain signal-to-noise ratio of an estimate: {@code 10 log10(sum ref^2 / sum (ref - est)^2)} over the common
 * length, with no scaling or mean removal (so a gain error counts as noise, unlike SI-SDR).
 */
public final class Snr {
    private Snr() {
    }

    public static double compute(double[] reference, double[] estimate) {
        int n = SignalPair.commonLength(reference, estimate);
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < n; i++) {
            double d = reference[i] - estimate[i];
            signal += reference[i] * reference[i];
            noise += d * d;
        }
        return Decibels.ratio(signal, noise);
    }
}
