package org.ncw.engine.cluster.strategy;

import org.ncw.engine.cluster.Points;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What an rbf affinity graph looks like, computed from the points (independently of the clusterer, so the fast
 * paths report the same figures as the general one): connected components and isolated points of the graph of
 * non-negligible weights, and the share of pairs whose weight is negligible.
 *
 * @param components     connected components of the graph with the negligible weights removed; -1 = not computed
 *                       (too many points)
 * @param isolated       points without a single non-negligible weight (-1 = not computed)
 * @param nearZeroShare  share of pairs of distinct points with weight below {@link #NEGLIGIBLE}
 */
public record AffinityStats(int components, int isolated, double nearZeroShare) {
    /** A weight below this (relative to the maximum 1) counts as zero: below double rounding of a degree sum. */
    public static final double NEGLIGIBLE = 1e-10;
    /** Above this many points the pairs are sampled and the components are not computed. */
    static final int EXACT_LIMIT = 4000;
    private static final int SAMPLED_PAIRS = 200_000;

    /** Statistics of exp(-gamma d^2) on these points. */
    public static AffinityStats rbf(Points p, double gamma) {
        double radius2 = -Math.log(NEGLIGIBLE) / gamma;
        if (p.d() == 1) {
            return oneDimensional(p.data(), Math.sqrt(radius2));
        }
        int n = p.n();
        if (n > EXACT_LIMIT) {
            return sampled(p, radius2);
        }
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        boolean[] linked = new boolean[n];
        long close = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (p.squaredDistance(i, j) <= radius2) {
                    close++;
                    linked[i] = true;
                    linked[j] = true;
                    union(parent, i, j);
                }
            }
        }
        int[] ci = componentsAndIsolated(parent, linked);
        return new AffinityStats(ci[0], ci[1], 1.0 - close / pairs(n));
    }

    /**
     * The statistics of points given as groups (cell means {@code reps}, m x d row-major, with their counts), as the
     * grouped fast path sees them: a group's points are one cell, far narrower than the negligible-weight radius, so
     * they are linked to each other, and two groups' points are close when their means are.
     */
    static AffinityStats rbfGrouped(double[] reps, int d, double[] counts, int m, double gamma) {
        double radius2 = -Math.log(NEGLIGIBLE) / gamma;
        int[] parent = new int[m];
        boolean[] linked = new boolean[m];
        double n = 0;
        double close = 0;
        for (int u = 0; u < m; u++) {
            parent[u] = u;
            n += counts[u];
            close += counts[u] * (counts[u] - 1) / 2;
            linked[u] = counts[u] > 1;
        }
        for (int u = 0; u < m; u++) {
            for (int v = u + 1; v < m; v++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double diff = reps[u * d + j] - reps[v * d + j];
                    s += diff * diff;
                }
                if (s <= radius2) {
                    close += counts[u] * counts[v];
                    linked[u] = true;
                    linked[v] = true;
                    union(parent, u, v);
                }
            }
        }
        int[] ci = componentsAndIsolated(parent, linked);
        double pairs = n * (n - 1) / 2;
        return new AffinityStats(ci[0], ci[1], pairs == 0 ? 0 : 1.0 - close / pairs);
    }

    /** Sorted values: components are separated by gaps wider than the radius; close pairs by two pointers. */
    private static AffinityStats oneDimensional(double[] values, double radius) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        int components = n == 0 ? 0 : 1;
        int isolated = 0;
        long close = 0;
        int lo = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && v[i] - v[i - 1] > radius) {
                components++;
            }
            boolean left = i > 0 && v[i] - v[i - 1] <= radius;
            boolean right = i + 1 < n && v[i + 1] - v[i] <= radius;
            if (!left && !right) {
                isolated++;
            }
            while (v[i] - v[lo] > radius) {
                lo++;
            }
            close += i - lo;
        }
        return new AffinityStats(components, isolated, n < 2 ? 0.0 : 1.0 - close / pairs(n));
    }

    private static AffinityStats sampled(Points p, double radius2) {
        SplittableRandom random = new SplittableRandom(0);
        long close = 0;
        for (int s = 0; s < SAMPLED_PAIRS; s++) {
            int i = random.nextInt(p.n());
            int j = random.nextInt(p.n() - 1);
            if (j >= i) {
                j++;
            }
            if (p.squaredDistance(i, j) <= radius2) {
                close++;
            }
        }
        return new AffinityStats(-1, -1, 1.0 - (double) close / SAMPLED_PAIRS);
    }

    /** {components, isolated} of a union-find forest over nodes, with which nodes have a link. */
    private static int[] componentsAndIsolated(int[] parent, boolean[] linked) {
        int components = 0;
        int isolated = 0;
        for (int i = 0; i < parent.length; i++) {
            if (find(parent, i) == i) {
                components++;
            }
            if (!linked[i]) {
                isolated++;
            }
        }
        return new int[] {components, isolated};
    }

    private static double pairs(int n) {
        return n * (n - 1) / 2.0;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int i, int j) {
        int a = find(parent, i);
        int b = find(parent, j);
        if (a != b) {
            parent[Math.max(a, b)] = Math.min(a, b);
        }
    }
}
