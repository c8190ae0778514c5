package org.ncw.engine.dsp;

import java.util.Objects;

/**
 * A real time-frequency matrix (bins x frames), e.g. a magnitude or dB spectrogram, or a soft mask.
 * Stored frame-major ({@code values[frame * bins + bin]}) so one frame (column) is contiguous: the
 * column-by-column strategies and the STFT both walk frames.
 */
public record TfMatrix(int bins, int frames, double[] values) {
    public TfMatrix {
        if (bins <= 0 || frames <= 0) {
            throw new IllegalArgumentException("a time-frequency matrix needs bins > 0 and frames > 0, got "
                    + bins + " x " + frames);
        }
        Objects.requireNonNull(values, "values");
        if (values.length != (long) bins * frames) {
            throw new IllegalArgumentException("values has " + values.length + " entries, expected bins*frames = "
                    + (long) bins * frames);
        }
    }

    public static TfMatrix zeros(int bins, int frames) {
        return new TfMatrix(bins, frames, new double[Math.multiplyExact(bins, frames)]);
    }

    public double get(int bin, int frame) {
        return values[frame * bins + bin];
    }

    public void set(int bin, int frame, double v) {
        values[frame * bins + bin] = v;
    }

    /** A copy of one frame (all bins at one time). */
    public double[] column(int frame) {
        double[] c = new double[bins];
        System.arraycopy(values, frame * bins, c, 0, bins);
        return c;
    }

    public double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    public TfMatrix copy() {
        return new TfMatrix(bins, frames, values.clone());
    }
}
