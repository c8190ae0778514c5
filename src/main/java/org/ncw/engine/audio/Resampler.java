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
        int perBranch = f.branch[0].length;
        for (int k0 = 0; k0 < y.length; k0 += BLOCK) {
            monitor.step(k0, y.length);
            int k1 = Math.min(y.length, k0 + BLOCK);
            for (int k = k0; k < k1; k++) {
                // position in the upsampled, filtered stream; y[k] = sum_m x[i0 - m] * L h[p + m L]
                long j = (long) k * f.down + f.centre;
                int p = (int) (j % f.up);
                long i0 = j / f.up;
                double[] h = f.branch[p];
                int mStart = (int) Math.max(0, i0 - (n - 1));     // skip x beyond the end
                int mEnd = (int) Math.min(perBranch - 1, i0);      // and before the start
                double acc = 0;
                int i = (int) (i0 - mStart);
                for (int m = mStart; m <= mEnd; m++, i--) {
                    acc += x[i] * h[m];
                }
                y[k] = acc;
            }
        }
        monitor.step(y.length, y.length);
        return y;
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
