package org.ncw.engine.metrics;

/**
 * Segmental SNR as in Hu &amp; Loizou's objective-measure toolbox (2008): 30 ms frames with a 75 % overlap, the SNR
 * of each frame clamped to [-10, 35] dB (so silent frames neither dominate nor diverge), then averaged.
 */
public final class SegmentalSnr {
    /** Lower clamp of one frame's SNR, dB. */
    public static final double MIN_DB = -10;
    /** Upper clamp of one frame's SNR, dB. */
    public static final double MAX_DB = 35;

    private SegmentalSnr() {
    }

    public static double compute(double[] reference, double[] estimate, int sampleRate) {
        int n = SignalPair.commonLength(reference, estimate);
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be > 0, got " + sampleRate);
        }
        int frame = Math.max(1, (int) Math.round(0.030 * sampleRate));
        int hop = Math.max(1, frame / 4);
        if (n < frame) {
            return clamp(Snr.compute(reference, estimate));
        }
        double sum = 0;
        int count = 0;
        for (int start = 0; start + frame <= n; start += hop) {
            double signal = 0;
            double noise = 0;
            for (int i = start; i < start + frame; i++) {
                double d = reference[i] - estimate[i];
                signal += reference[i] * reference[i];
                noise += d * d;
            }
            sum += clamp(Decibels.ratio(signal, noise));
            count++;
        }
        return sum / count;
    }

    private static double clamp(double db) {
        if (Double.isNaN(db)) {
            return MIN_DB;
        }
        return Math.max(MIN_DB, Math.min(MAX_DB, db));
    }
}
