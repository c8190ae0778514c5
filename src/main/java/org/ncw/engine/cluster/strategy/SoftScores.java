package org.ncw.engine.cluster.strategy;

import org.ncw.engine.cluster.Points;

/**
 * Soft speech presence of each point of one partition, from its distances to the centroids (in the clustered
 * features) of the speech cluster, d_s, and of the nearest other cluster, d_n: p = d_n^2 / (d_s^2 + d_n^2).
 * p is 1 at the speech centroid, 0 at a noise centroid, 1/2 half way; a point between the two clusters gets a
 * gain between 0 and 1 instead of all or nothing. A partition without speech is 0 everywhere.
 */
public final class SoftScores {
    private SoftScores() {
    }

    /** Writes p of each point into {@code out[offset..]}; {@code speech} is the speech cluster (-1: none). */
    static void write(Points x, int[] raw, int k, int speech, double[] out, int offset) {
        int n = x.n();
        if (speech < 0) {
            java.util.Arrays.fill(out, offset, offset + n, 0.0);
            return;
        }
        int d = x.d();
        double[] centroid = new double[k * d];
        long[] count = new long[k];
        for (int i = 0; i < n; i++) {
            count[raw[i]]++;
            for (int j = 0; j < d; j++) {
                centroid[raw[i] * d + j] += x.get(i, j);
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d && count[c] > 0; j++) {
                centroid[c * d + j] /= count[c];
            }
        }
        for (int i = 0; i < n; i++) {
            double ds = 0;
            double dn = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (count[c] == 0) {
                    continue;
                }
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double e = x.get(i, j) - centroid[c * d + j];
                    s += e * e;
                }
                if (c == speech) {
                    ds = s;
                } else {
                    dn = Math.min(dn, s);
                }
            }
            out[offset + i] = ds + dn == 0 ? 0.5 : dn / (ds + dn);
        }
    }
}
