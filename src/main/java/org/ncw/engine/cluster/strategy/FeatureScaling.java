package org.ncw.engine.cluster.strategy;

/** Per-feature scaling of 3-D table rows before clustering (features have very different units). */
public enum FeatureScaling {
    /** Raw (frame index, bin index, dB[, bins from centroid]). */
    NONE,
    /** Zero mean, unit variance per feature (scikit-learn's StandardScaler; constant features become 0). */
    STANDARDIZE,
    /** Each feature mapped to [0, 1] (MinMaxScaler; constant features become 0). */
    MIN_MAX;

    /** Scales the columns of x in place. */
    public void apply(double[][] x) {
        if (this == NONE || x.length == 0) {
            return;
        }
        int dim = x[0].length;
        for (int d = 0; d < dim; d++) {
            double a;
            double b;
            if (this == STANDARDIZE) {
                double mean = 0;
                for (double[] row : x) {
                    mean += row[d];
                }
                mean /= x.length;
                double var = 0;
                for (double[] row : x) {
                    var += (row[d] - mean) * (row[d] - mean);
                }
                double sd = Math.sqrt(var / x.length);
                a = mean;
                b = sd > 0 ? sd : 1.0;
            } else {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (double[] row : x) {
                    min = Math.min(min, row[d]);
                    max = Math.max(max, row[d]);
                }
                a = min;
                b = max > min ? max - min : 1.0;
            }
            for (double[] row : x) {
                row[d] = (row[d] - a) / b;
            }
        }
    }
}
