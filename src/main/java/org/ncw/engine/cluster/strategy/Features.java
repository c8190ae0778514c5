package org.ncw.engine.cluster.strategy;

import org.ncw.engine.dataset.TfMatrix;

/** Feature rows of the two datasets, built from a dB spectrogram. */
public final class Features {
    private Features() {
    }

    /** Complete matrix: one row per frequency bin, the bin's dB over all frames (scikit-learn fit on the matrix). */
    public static double[][] matrixRows(TfMatrix db) {
        double[][] x = new double[db.bins()][db.frames()];
        for (int t = 0; t < db.frames(); t++) {
            for (int b = 0; b < db.bins(); b++) {
                x[b][t] = db.get(b, t);
            }
        }
        return x;
    }

    /** One column of the matrix as 1-feature rows (scikit-learn fit on column.reshape(-1, 1)). */
    public static double[][] matrixColumn(TfMatrix db, int frame) {
        double[][] x = new double[db.bins()][1];
        for (int b = 0; b < db.bins(); b++) {
            x[b][0] = db.get(b, frame);
        }
        return x;
    }

    /**
     * 3-D table rows (frame, bin, dB[, |bin - centroid|]) of frames [from, to), frame-major (row = (t - from) *
     * bins + b), scaled per feature.
     */
    public static double[][] table(TfMatrix db, int from, int to, double centroidBin, boolean withCentroid,
                                   FeatureScaling scaling) {
        int bins = db.bins();
        int dim = withCentroid ? 4 : 3;
        double[][] x = new double[(to - from) * bins][];
        for (int t = from; t < to; t++) {
            for (int b = 0; b < bins; b++) {
                double[] row = new double[dim];
                row[0] = t;
                row[1] = b;
                row[2] = db.get(b, t);
                if (withCentroid) {
                    row[3] = Math.abs(b - centroidBin);
                }
                x[(t - from) * bins + b] = row;
            }
        }
        scaling.apply(x);
        return x;
    }

    /**
     * The recording's spectral centroid in (fractional) bins: the power-weighted mean bin over the whole
     * spectrogram, power = 10^(dB/10).
     */
    public static double centroidBin(TfMatrix db) {
        double num = 0;
        double den = 0;
        double max = db.max();
        for (int t = 0; t < db.frames(); t++) {
            for (int b = 0; b < db.bins(); b++) {
                double p = Math.pow(10.0, (db.get(b, t) - max) / 10.0);
                num += b * p;
                den += p;
            }
        }
        return den > 0 ? num / den : 0.0;
    }
}
