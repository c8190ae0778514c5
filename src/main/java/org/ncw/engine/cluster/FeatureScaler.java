package org.ncw.engine.cluster;

/** Per-feature scaling of points before an affinity or a distance is computed. */
public final class FeatureScaler {
    private FeatureScaler() {
    }

    /** The scaled points (a copy), or {@code points} itself for {@link FeatureScaling#NONE}. */
    public static Points apply(Points points, FeatureScaling scaling) {
        if (scaling == FeatureScaling.NONE) {
            return points;
        }
        int n = points.n();
        int d = points.d();
        double[] src = points.data();
        double[] out = new double[src.length];
        for (int f = 0; f < d; f++) {
            double shift;
            double scale;
            if (scaling == FeatureScaling.STANDARDIZE) {
                double mean = 0;
                for (int i = 0; i < n; i++) {
                    mean += src[i * d + f];
                }
                mean /= n;
                double var = 0;
                for (int i = 0; i < n; i++) {
                    double c = src[i * d + f] - mean;
                    var += c * c;
                }
                double std = Math.sqrt(var / n); // population std, like sklearn's StandardScaler
                shift = mean;
                scale = std > 0 ? 1.0 / std : 1.0;
            } else {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    min = Math.min(min, src[i * d + f]);
                    max = Math.max(max, src[i * d + f]);
                }
                shift = min;
                scale = max > min ? 1.0 / (max - min) : 1.0;
            }
            for (int i = 0; i < n; i++) {
                out[i * d + f] = (src[i * d + f] - shift) * scale;
            }
        }
        return new Points(n, d, out);
    }
}
