package org.ncw.engine.dataset;

import org.ncw.engine.dsp.TfMatrix;

import java.util.Objects;

/**
 * A cluster label per time-frequency bin (bins x frames, frame-major like {@link TfMatrix}).
 * By convention {@link #SPEECH} = 1 and {@link #NOISE} = 0 once labels have been assigned to roles;
 * raw clusterer output may use 0..k-1.
 */
public record LabelGrid(int bins, int frames, int[] labels) {
    public static final int NOISE = 0;
    public static final int SPEECH = 1;

    public LabelGrid {
        if (bins <= 0 || frames <= 0) {
            throw new IllegalArgumentException("a label grid needs bins > 0 and frames > 0, got " + bins + " x " + frames);
        }
        Objects.requireNonNull(labels, "labels");
        if (labels.length != (long) bins * frames) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries, expected bins*frames = "
                    + (long) bins * frames);
        }
    }

    public int get(int bin, int frame) {
        return labels[frame * bins + bin];
    }

    public void set(int bin, int frame, int label) {
        labels[frame * bins + bin] = label;
    }

    /** Fraction of bins labelled {@link #SPEECH}. */
    public double speechFraction() {
        long n = 0;
        for (int l : labels) {
            if (l == SPEECH) {
                n++;
            }
        }
        return n / (double) labels.length;
    }
}
