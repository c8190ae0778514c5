package org.ncw.engine.cluster.strategy;

import java.util.SplittableRandom;

/**
 * Lloyd's k-means on weighted points (a point of weight c stands for c equal points), k-means++ seeding,
 * best inertia over {@code nInit} restarts: what scikit-learn's k_means does on the repeated points.
 * Small and allocation-light: it runs on the reduced spectral embedding of one column.
 */
final class WeightedKMeans {
    private static final int MAX_ITER = 300;

    private WeightedKMeans() {
    }

    static int[] fit(double[][] points, double[] weight, int k, int nInit, long seed) {
        double[][] x = withoutConstantColumns(points);
        int n = x.length;
        int dim = x[0].length;
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] best = null;
        double bestInertia = Double.POSITIVE_INFINITY;
        int[] labels = new int[n];
        double[][] centres = new double[k][dim];
        double[] minDist = new double[n];
        for (int run = 0; run < nInit; run++) {
            seedPlusPlus(x, weight, k, rnd, centres, minDist);
            double inertia = lloyd(x, weight, centres, labels);
            if (best == null || inertia < bestInertia) {
                bestInertia = inertia;
                best = labels.clone();
            }
        }
        return best;
    }

    /** Drops features that are equal on every point (they change no distance; the spectral embedding's first). */
    private static double[][] withoutConstantColumns(double[][] x) {
        int dim = x[0].length;
        boolean[] keep = new boolean[dim];
        int kept = 0;
        for (int d = 0; d < dim; d++) {
            for (double[] row : x) {
                if (row[d] != x[0][d]) {
                    keep[d] = true;
                    kept++;
                    break;
                }
            }
        }
        if (kept == dim || kept == 0) {
            return x;
        }
        double[][] out = new double[x.length][kept];
        for (int i = 0; i < x.length; i++) {
            for (int d = 0, o = 0; d < dim; d++) {
                if (keep[d]) {
                    out[i][o++] = x[i][d];
                }
            }
        }
        return out;
    }

    private static void seedPlusPlus(double[][] x, double[] w, int k, SplittableRandom rnd, double[][] centres,
                                     double[] minDist) {
        int n = x.length;
        double total = 0;
        for (double v : w) {
            total += v;
        }
        int first = pick(w, total, rnd.nextDouble());
        centres[0] = x[first].clone();
        for (int i = 0; i < n; i++) {
            minDist[i] = dist2(x[i], centres[0]);
        }
        for (int c = 1; c < k; c++) {
            double pot = 0;
            for (int i = 0; i < n; i++) {
                pot += w[i] * minDist[i];
            }
            int chosen;
            if (pot <= 0) {
                chosen = rnd.nextInt(n);
            } else {
                double r = rnd.nextDouble() * pot;
                chosen = n - 1;
                for (int i = 0; i < n; i++) {
                    r -= w[i] * minDist[i];
                    if (r <= 0) {
                        chosen = i;
                        break;
                    }
                }
            }
            centres[c] = x[chosen].clone();
            for (int i = 0; i < n; i++) {
                minDist[i] = Math.min(minDist[i], dist2(x[i], centres[c]));
            }
        }
    }

    private static int pick(double[] w, double total, double u) {
        double r = u * total;
        for (int i = 0; i < w.length; i++) {
            r -= w[i];
            if (r <= 0) {
                return i;
            }
        }
        return w.length - 1;
    }

    private static double lloyd(double[][] x, double[] w, double[][] centres, int[] labels) {
        int n = x.length;
        int k = centres.length;
        int dim = x[0].length;
        double[][] sum = new double[k][dim];
        double[] mass = new double[k];
        double inertia = 0;
        for (int iter = 0; iter < MAX_ITER; iter++) {
            boolean changed = iter == 0;
            inertia = 0;
            for (int i = 0; i < n; i++) {
                int bestC = 0;
                double bestD = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double d = dist2(x[i], centres[c]);
                    if (d < bestD) {
                        bestD = d;
                        bestC = c;
                    }
                }
                if (labels[i] != bestC) {
                    changed = true;
                    labels[i] = bestC;
                }
                inertia += w[i] * bestD;
            }
            if (!changed) {
                break;
            }
            for (int c = 0; c < k; c++) {
                java.util.Arrays.fill(sum[c], 0.0);
                mass[c] = 0;
            }
            for (int i = 0; i < n; i++) {
                mass[labels[i]] += w[i];
                for (int d = 0; d < dim; d++) {
                    sum[labels[i]][d] += w[i] * x[i][d];
                }
            }
            for (int c = 0; c < k; c++) {
                if (mass[c] > 0) {
                    for (int d = 0; d < dim; d++) {
                        centres[c][d] = sum[c][d] / mass[c];
                    }
                }
            }
        }
        return inertia;
    }

    private static double dist2(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            double t = a[d] - b[d];
            s += t * t;
        }
        return s;
    }
}
