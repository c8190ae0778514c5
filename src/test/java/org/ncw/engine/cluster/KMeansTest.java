package org.ncw.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ncw.engine.core.TaskMonitor;

class KMeansTest {
    /** Three overlapping Gaussian blobs in 2-D: restarts reach different local optima. */
    private static Points blobs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * 2];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            x[2 * i] = c * 1.5 + r.nextGaussian();
            x[2 * i + 1] = (c == 1 ? 1.0 : 0.0) + r.nextGaussian();
        }
        return new Points(n, 2, x);
    }

    @Test
    void parallelRestartsGiveTheSequentialResult() {
        for (long seed = 0; seed < 6; seed++) {
            Points p = blobs(500, 40 + seed);
            KMeans.Result sequential = KMeans.fit(p, 4, 10, 300, 1e-4, seed, false, TaskMonitor.none());
            KMeans.Result parallel = KMeans.fit(p, 4, 10, 300, 1e-4, seed, true, TaskMonitor.none());
            assertArrayEquals(sequential.labels(), parallel.labels(), "seed " + seed);
            assertArrayEquals(sequential.centers(), parallel.centers(), 0.0, "seed " + seed);
            assertEquals(sequential.inertia(), parallel.inertia(), 0.0, "seed " + seed);
            assertEquals(sequential.iterations(), parallel.iterations(), "seed " + seed);
        }
    }

    @Test
    void bestOfRestartsIsNoWorseThanEachSingleRestartAndDependsOnTheSeed() {
        Points p = blobs(400, 3);
        KMeans.Result best = KMeans.fit(p, 4, 10, 300, 1e-4, 7, true, TaskMonitor.none());
        // the first restart alone (same first split of the seed) cannot be better than the best of ten
        KMeans.Result first = KMeans.fit(p, 4, 1, 300, 1e-4, 7, false, TaskMonitor.none());
        assertEquals(true, best.inertia() <= first.inertia(), best.inertia() + " vs " + first.inertia());
        KMeans.Result other = KMeans.fit(p, 4, 1, 300, 1e-4, 8, false, TaskMonitor.none());
        assertNotEquals(first.inertia(), other.inertia(), "another seed should start elsewhere");
    }

    /** The lowest within sum of squares over every split of the sorted values (the 1-D two-means optimum). */
    private static double bestSplitCost(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        double best = Double.POSITIVE_INFINITY;
        for (int m = 1; m < s.length; m++) {
            best = Math.min(best, ss(s, 0, m) + ss(s, m, s.length));
        }
        return best;
    }

    private static double ss(double[] s, int from, int to) {
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += s[i];
        }
        mean /= to - from;
        double e = 0;
        for (int i = from; i < to; i++) {
            e += (s[i] - mean) * (s[i] - mean);
        }
        return e;
    }

    @Test
    void twoClustersAlongOneFeatureAreTheOptimalSplit() {
        SplittableRandom r = new SplittableRandom(17);
        for (int trial = 0; trial < 20; trial++) {
            int n = 50 + r.nextInt(400);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                // three or four unequal modes: Lloyd's restarts can stop at a split that is not the best
                int mode = r.nextInt(2 + trial % 3);
                v[i] = mode * 3 + r.nextGaussian() * (0.3 + mode) + (trial % 4 == 0 ? Math.rint(r.nextDouble()) : 0);
            }
            KMeans.Result exact = KMeans.fit(new Points(n, 1, v), 2, 10, 300, 1e-4, trial, TaskMonitor.none());
            assertEquals(bestSplitCost(v), exact.inertia(), 1e-9 * n, "trial " + trial);
            // the labels are the two sides of one threshold, and the centres their means
            double maxLow = Double.NEGATIVE_INFINITY;
            double minHigh = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (exact.labels()[i] == 0) {
                    maxLow = Math.max(maxLow, v[i]);
                } else {
                    minHigh = Math.min(minHigh, v[i]);
                }
            }
            assertTrue(maxLow < minHigh, "trial " + trial);
            // Lloyd from k-means++ (three features, so no exact path) never beats it on the same data
            double[] lifted = new double[n * 3];
            for (int i = 0; i < n; i++) {
                lifted[3 * i] = v[i];
                lifted[3 * i + 1] = (i % 2) * 1e-3;
                lifted[3 * i + 2] = (i % 3) * 1e-3;
            }
            KMeans.Result lloyd = KMeans.fit(new Points(n, 3, lifted), 2, 10, 300, 1e-4, trial, TaskMonitor.none());
            assertTrue(exact.inertia() <= lloyd.inertia() + 1e-9 * n, "trial " + trial);
        }
    }

    @Test
    void aFeatureConstantButForRoundingIsIgnoredAsInASpectralEmbedding() {
        SplittableRandom r = new SplittableRandom(2);
        int n = 300;
        double[] x = new double[2 * n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            // u = x / sqrt(d) of the constant eigenvector: 1 / norm with a few ulps of rounding
            x[2 * i] = 0.0577 * (1 + (r.nextInt(5) - 2) * 1e-16);
            v[i] = r.nextBoolean() ? r.nextGaussian() : 4 + r.nextGaussian();
            x[2 * i + 1] = v[i];
        }
        assertEquals(1, KMeans.onlyVaryingFeature(x, n, 2));
        KMeans.Result two = KMeans.fit(new Points(n, 2, x), 2, 10, 300, 1e-4, 1, TaskMonitor.none());
        assertEquals(bestSplitCost(v), two.inertia(), 1e-9 * n);
        assertEquals(2, two.centers().length / 2);
        // two features that both vary, or three clusters: Lloyd as before
        x[0] = 1;
        assertEquals(-1, KMeans.onlyVaryingFeature(x, n, 2));
    }
}
