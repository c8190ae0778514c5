package org.ncw.engine.audio;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

/**
 * Band-limited rational resampling: the rate ratio is reduced by the gcd to L/M, the signal is (conceptually)
 * zero-stuffed by L, low-passed by a Kaiser-windowed sinc ({@link PolyphaseFilter}) and kept every M-th sample,
 * computing only the kept outputs. Output sample k sits at input time k*M/L exactly (zero-phase, like
 * scipy.signal.resample_poly); the output has ceil(n*L/M) samples; the signal is taken as zero outside its ends.
 */
public final class Resampler {
    private static final int BLOCK = 8192;

    private Resampler() {
    }

    public static Signal resample(Signal signal, int targetRate, ResamplerOptions options, TaskMonitor monitor) {
        Checks.notNull("signal", signal);
        Checks.positive("targetRate", targetRate);
        Checks.notNull("options", options);
        Checks.notNull("monitor", monitor);
        int g = gcd(signal.sampleRate(), targetRate);
        int up = targetRate / g;
        int down = signal.sampleRate() / g;
        if (up == 1 && down == 1) {
            return signal.copy();
        }
        PolyphaseFilter filter = PolyphaseFilter.design(up, down, options);
        return new Signal(apply(filter, signal.samples(), monitor), targetRate);
    }

    public static Signal resample(Signal signal, int targetRate) {
        return resample(signal, targetRate, ResamplerOptions.defaults(), TaskMonitor.none());
    }

    static double[] apply(PolyphaseFilter f, double[] x, TaskMonitor monitor) {
        long n = x.length;
        long outLength = (n * f.up + f.down - 1) / f.down;
        if (outLength > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("resampled signal would have " + outLength + " samples, too many");
        }
        double[] y = new double[(int) outLength];
        int taps = f.perBranch;
        for (int k0 = 0; k0 < y.length; k0 += BLOCK) {
            monitor.step(k0, y.length);
            int k1 = Math.min(y.length, k0 + BLOCK);
            for (int k = k0; k < k1; k++) {
                // position in the upsampled, filtered stream: y[k] = sum_m x[i0 - m] * L h[p + m L]
                long j = (long) k * f.down + f.centre;
                int p = (int) (j % f.up);
                long i0 = j / f.up;
                long first = i0 - (taps - 1);                       // input index meeting reversed[p][0]
                int qStart = (int) Math.max(0, -first);              // x before the start is zero
                int qEnd = (int) Math.min(taps, n - first);          // and so is x past the end
                y[k] = dot(x, (int) (first + qStart), f.reversed[p], qStart, qEnd - qStart);
            }
        }
        monitor.step(y.length, y.length);
        return y;
    }

    /** sum of x[xi + q] * h[hi + q] for q < len, with four partial sums so additions overlap. */
    private static double dot(double[] x, int xi, double[] h, int hi, int len) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int q = 0;
        for (; q + 3 < len; q += 4) {
            s0 += x[xi + q] * h[hi + q];
            s1 += x[xi + q + 1] * h[hi + q + 1];
            s2 += x[xi + q + 2] * h[hi + q + 2];
            s3 += x[xi + q + 3] * h[hi + q + 3];
        }
        for (; q < len; q++) {
            s0 += x[xi + q] * h[hi + q];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
