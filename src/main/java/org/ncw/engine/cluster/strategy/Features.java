package org.ncw.engine.cluster.strategy;

import org.ncw.engine.cluster.FeatureScaler;
import org.ncw.engine.cluster.FeatureScaling;
import org.ncw.engine.cluster.Points;
import org.ncw.engine.dataset.Table3D;
import org.ncw.engine.dsp.DbScale;
import org.ncw.engine.dsp.SpectrogramMatrix;
import org.ncw.engine.dsp.TfMatrix;

/** Feature rows of the two datasets, as the clusterer sees them. */
public final class Features {
    private Features() {
    }

    /** The spectrogram's values in dB: as they are, or converted with librosa's amplitude/power defaults. */
    public static TfMatrix decibels(SpectrogramMatrix m) {
        return switch (m.intensity()) {
            case DB -> m.values();
            case MAGNITUDE -> DbScale.defaults().amplitudeToDb(m.values());
            case POWER -> DbScale.powerDefaults().powerToDb(m.values());
        };
    }

    /** Complete matrix: one row per frequency bin, the bin's intensity over all frames (sklearn fit on the matrix). */
    public static Points matrixRows(TfMatrix db) {
        int bins = db.bins();
        int frames = db.frames();
        double[] data = new double[bins * frames];
        for (int t = 0; t < frames; t++) {
            for (int b = 0; b < bins; b++) {
                data[b * frames + t] = db.get(b, t);
            }
        }
        return new Points(bins, frames, data);
    }

    /** One column of the matrix as 1-feature points (sklearn fit on column.reshape(-1, 1)). */
    public static Points matrixColumn(TfMatrix db, int frame) {
        return Points.ofColumn(db.column(frame));
    }

    /**
     * 3-D table rows of frames [from, to): (frame, bin, intensity[, centroid distance Hz]) in the table's
     * frame-major row order, scaled per feature.
     */
    public static Points table(Table3D table, int from, int to, FeatureScaling scaling) {
        int bins = table.matrix().bins();
        int dim = table.hasCentroidDistance() ? 4 : 3;
        double[] values = table.matrix().values().values();
        double[] centroid = table.centroidDistanceHz();
        int n = (to - from) * bins;
        double[] data = new double[n * dim];
        for (int i = 0; i < n; i++) {
            int row = from * bins + i;
            int o = i * dim;
            data[o] = row / bins;
            data[o + 1] = row % bins;
            data[o + 2] = values[row];
            if (centroid != null) {
                data[o + 3] = centroid[row];
            }
        }
        return FeatureScaler.apply(new Points(n, dim, data), scaling);
    }
}
