package org.ncw.engine.cluster;

import java.util.Objects;

/**
 * n points of d features stored row-major in one flat array ({@code data[i * d + j]}), so hot loops
 * over millions of points touch one contiguous block instead of one small array per row.
 */
public record Points(int n, int d, double[] data) {
    public Points {
        if (n <= 0 || d <= 0) {
            throw new IllegalArgumentException("points need n > 0 and d > 0, got n=" + n + ", d=" + d);
        }
        Objects.requireNonNull(data, "data");
        if (data.length != (long) n * d) {
            throw new IllegalArgumentException("data has " + data.length + " values, expected n*d = " + (long) n * d);
        }
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                throw new IllegalArgumentException("point " + i / d + " feature " + i % d + " is not finite: " + data[i]);
            }
        }
    }

    /** Copies rows (points) of equal length into a flat block. */
    public static Points of(double[][] rows) {
        Objects.requireNonNull(rows, "x");
        if (rows.length == 0) {
            throw new IllegalArgumentException("x has no points (rows)");
        }
        int d = rows[0].length;
        double[] data = new double[Math.multiplyExact(rows.length, d)];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " features, row 0 has " + d);
            }
            System.arraycopy(rows[i], 0, data, i * d, d);
        }
        return new Points(rows.length, d, data);
    }

    /** One feature per point (e.g. the dB values of one spectrogram column). */
    public static Points ofColumn(double[] values) {
        return new Points(values.length, 1, values.clone());
    }

    public double get(int i, int j) {
        return data[i * d + j];
    }

    public double[] row(int i) {
        double[] r = new double[d];
        System.arraycopy(data, i * d, r, 0, d);
        return r;
    }

    public double[][] toRows() {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = row(i);
        }
        return rows;
    }

    public double squaredDistance(int i, int j) {
        double s = 0;
        int a = i * d;
        int b = j * d;
        for (int t = 0; t < d; t++) {
            double diff = data[a + t] - data[b + t];
            s += diff * diff;
        }
        return s;
    }

    /** Number of distinct points (exact equality), stopping early once {@code atLeast} are found. */
    public int countDistinct(int atLeast) {
        java.util.HashSet<java.util.List<Double>> seen = new java.util.HashSet<>();
        for (int i = 0; i < n && seen.size() < atLeast; i++) {
            java.util.List<Double> key = new java.util.ArrayList<>(d);
            for (int t = 0; t < d; t++) {
                key.add(data[i * d + t]);
            }
            seen.add(key);
        }
        return seen.size();
    }

    /**
     * These points without their constant features (the frame of a 3-D table column), or these points when none or
     * all are constant. Distances, Ward's costs and a Gaussian mixture's responsibilities do not depend on them.
     */
    public Points withoutConstantFeatures() {
        boolean[] keep = new boolean[d];
        int kept = 0;
        for (int j = 0; j < d; j++) {
            double first = get(0, j);
            for (int i = 1; i < n && !keep[j]; i++) {
                keep[j] = get(i, j) != first;
            }
            kept += keep[j] ? 1 : 0;
        }
        if (kept == d || kept == 0) {
            return this;
        }
        double[] out = new double[n * kept];
        for (int i = 0, o = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                if (keep[j]) {
                    out[o++] = get(i, j);
                }
            }
        }
        return new Points(n, kept, out);
    }

    /**
     * The feature whose sorted values are most evenly spread (the largest median gap between neighbours in sorted
     * order): along it a distance bound prunes a sorted scan best (a spectrogram column's bin, not its heavy-tailed
     * intensity).
     */
    public int mostEvenlySpreadFeature() {
        int best = 0;
        double bestGap = -1;
        double[] values = new double[n];
        double[] gaps = new double[Math.max(1, n - 1)];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < n; i++) {
                values[i] = get(i, j);
            }
            java.util.Arrays.sort(values);
            for (int i = 0; i + 1 < n; i++) {
                gaps[i] = values[i + 1] - values[i];
            }
            java.util.Arrays.sort(gaps, 0, Math.max(1, n - 1));
            double median = n > 1 ? gaps[(n - 1) / 2] : 0;
            if (median > bestGap) {
                bestGap = median;
                best = j;
            }
        }
        return best;
    }
}
