package org.ncw.engine.dsp;

import java.util.Objects;

/**
 * The physical axes of a time-frequency grid: the centre time of each frame in seconds and the frequency of each
 * bin in Hz, both strictly increasing. Used to relate grids of different resolutions by physical position.
 */
public record TfAxes(double[] frameTimesSeconds, double[] binFrequenciesHz) {
    public TfAxes {
        Objects.requireNonNull(frameTimesSeconds, "frameTimesSeconds");
        Objects.requireNonNull(binFrequenciesHz, "binFrequenciesHz");
        requireIncreasing("frameTimesSeconds", frameTimesSeconds);
        requireIncreasing("binFrequenciesHz", binFrequenciesHz);
    }

    /** Uniform axes: frame t at firstFrameSeconds + t * secondsPerFrame, bin k at k * hzPerBin. */
    public static TfAxes uniform(int bins, int frames, double firstFrameSeconds, double secondsPerFrame, double hzPerBin) {
        double[] t = new double[frames];
        for (int f = 0; f < frames; f++) {
            t[f] = firstFrameSeconds + f * secondsPerFrame;
        }
        double[] hz = new double[bins];
        for (int k = 0; k < bins; k++) {
            hz[k] = k * hzPerBin;
        }
        return new TfAxes(t, hz);
    }

    public int bins() {
        return binFrequenciesHz.length;
    }

    public int frames() {
        return frameTimesSeconds.length;
    }

    public double timeSeconds(int frame) {
        return frameTimesSeconds[frame];
    }

    public double frequencyHz(int bin) {
        return binFrequenciesHz[bin];
    }

    /** Fractional frame index of a time, linear between frame centres, clamped to [0, frames-1]. */
    public double framePosition(double seconds) {
        return position(frameTimesSeconds, seconds);
    }

    /** Fractional bin index of a frequency, linear between bins, clamped to [0, bins-1]. */
    public double binPosition(double hz) {
        return position(binFrequenciesHz, hz);
    }

    public static double position(double[] axis, double v) {
        int n = axis.length;
        if (n == 1 || v <= axis[0]) {
            return 0;
        }
        if (v >= axis[n - 1]) {
            return n - 1;
        }
        int lo = 0;
        int hi = n - 1; // invariant: axis[lo] <= v < axis[hi]
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (axis[mid] <= v) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo + (v - axis[lo]) / (axis[hi] - axis[lo]);
    }

    private static void requireIncreasing(String name, double[] axis) {
        if (axis.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        for (int i = 0; i < axis.length; i++) {
            if (!Double.isFinite(axis[i]) || (i > 0 && !(axis[i] > axis[i - 1]))) {
                throw new IllegalArgumentException(name + " must be finite and strictly increasing; entry " + i
                        + " is " + axis[i] + (i > 0 ? " after " + axis[i - 1] : ""));
            }
        }
    }
}
