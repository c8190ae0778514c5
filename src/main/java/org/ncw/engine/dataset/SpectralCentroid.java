package org.ncw.engine.dataset;

import org.ncw.engine.dsp.TfMatrix;
import org.ncw.engine.dsp.TfAxes;

/**
 * The spectral centroid of a whole recording: the magnitude-weighted mean frequency over every time-frequency bin,
 * {@code sum(f_k * |X[k,t]|) / sum(|X[k,t]|)} (librosa's per-frame {@code spectral_centroid}, pooled over frames, so
 * quiet frames weigh little).
 */
public final class SpectralCentroid {
    private SpectralCentroid() {
    }

    /** @param magnitude |X| (non-negative), bins x frames; returns Hz, or 0 for an all-zero spectrogram */
    public static double ofRecordingHz(TfMatrix magnitude, TfAxes axes) {
        if (magnitude.bins() != axes.bins()) {
            throw new IllegalArgumentException("magnitude has " + magnitude.bins() + " bins, axes " + axes.bins());
        }
        double weighted = 0;
        double total = 0;
        double[] v = magnitude.values();
        int bins = magnitude.bins();
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0) {
                throw new IllegalArgumentException("the spectral centroid needs magnitudes >= 0, got " + v[i]);
            }
            weighted += axes.frequencyHz(i % bins) * v[i];
            total += v[i];
        }
        return total > 0 ? weighted / total : 0;
    }

    /** |f_k - centroid| for every bin of the matrix, frame-major like {@link TfMatrix} (the table's extra column). */
    public static double[] distancesHz(TfAxes axes, double centroidHz) {
        int bins = axes.bins();
        double[] d = new double[bins * axes.frames()];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(axes.frequencyHz(i % bins) - centroidHz);
        }
        return d;
    }
}
