package org.ncw.engine.ica;

import org.ncw.engine.core.Signal;

/** Applies {@link LoudnessOptions}: one gain, RMS to the target unless the peak would pass the ceiling. */
public final class Loudness {
    private Loudness() {
    }

    /** The normalised signal and the linear gain that was applied (1 for silence). */
    public record Normalized(Signal signal, double gain) {
    }

    public static Normalized normalize(Signal s, LoudnessOptions options) {
        double[] x = s.samples();
        double energy = 0;
        double peak = 0;
        for (double v : x) {
            energy += v * v;
            peak = Math.max(peak, Math.abs(v));
        }
        if (peak == 0) {
            return new Normalized(s.copy(), 1);
        }
        double rms = Math.sqrt(energy / x.length);
        double gain = Math.min(dbToLinear(options.targetRmsDbfs()) / rms, dbToLinear(options.ceilingDbfs()) / peak);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = gain * x[i];
        }
        return new Normalized(s.withSamples(y), gain);
    }

    static double dbToLinear(double db) {
        return Math.pow(10, db / 20);
    }
}
