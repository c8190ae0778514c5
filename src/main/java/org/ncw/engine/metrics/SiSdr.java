package org.ncw.engine.metrics;

/**
 * Scale-invariant signal-to-distortion ratio (Le Roux et al. 2019): both signals made zero-mean, the estimate
 * projected onto the reference, {@code 10 log10(|target|^2 / |estimate - target|^2)}. Computed over the common
 * length of the two signals.
 */
public final class SiSdr {
    private SiSdr() {
    }

    /** SI-SDR in dB of {@code estimate} against {@code reference}. */
    public static double compute(double[] reference, double[] estimate) {
        int n = SignalPair.commonLength(reference, estimate);
        double meanR = mean(reference, n);
        double meanE = mean(estimate, n);
        double dot = 0;
        double refEnergy = 0;
        for (int i = 0; i < n; i++) {
            double r = reference[i] - meanR;
            dot += (estimate[i] - meanE) * r;
            refEnergy += r * r;
        }
        if (refEnergy == 0) {
            throw new IllegalArgumentException("SI-SDR is undefined: the reference signal is constant (silent)");
        }
        double scale = dot / refEnergy;
        double target = 0;
        double distortion = 0;
        for (int i = 0; i < n; i++) {
            double t = scale * (reference[i] - meanR);
            double d = (estimate[i] - meanE) - t;
            target += t * t;
            distortion += d * d;
        }
        return Decibels.ratio(target, distortion);
    }

    static double mean(double[] x, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i];
        }
        return s / n;
    }
}
