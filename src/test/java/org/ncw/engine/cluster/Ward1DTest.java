package org.ncw.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ncw.engine.core.TaskMonitor;

/** The one-dimensional Ward algorithm against Smile's general Ward (all pairwise distances) on the same points. */
class Ward1DTest {
    @Test
    void partitionsEqualTheGeneralAlgorithmsOnRandomLines() {
        Random random = new Random(7);
        for (int trial = 0; trial < 60; trial++) {
            int n = 2 + random.nextInt(400);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                // mixtures of scales and skews, like dB values of a spectrogram column
                v[i] = switch (trial % 3) {
                    case 0 -> random.nextGaussian();
                    case 1 -> random.nextDouble() < 0.2 ? 20 + 3 * random.nextGaussian() : random.nextGaussian();
                    default -> Math.exp(2 * random.nextGaussian());
                };
            }
            for (int k = 1; k <= Math.min(5, n); k++) {
                int[] fast = Ward1D.cluster(v, k);
                int[] general = k == 1 ? new int[n] : SmileWardAdapter.ward(Points.ofColumn(v).toRows(), k);
                assertEquals(1.0, AdjustedRandIndex.of(general, fast), 1e-12, "trial " + trial + " n " + n + " k " + k);
                assertEquals(k, java.util.Arrays.stream(fast).distinct().count());
            }
        }
    }

    @Test
    void labelsAreNumberedByValue() {
        int[] labels = Ward1D.cluster(new double[] {10, 0.1, 10.2, 0, 5}, 3);
        assertEquals(java.util.List.of(2, 0, 2, 0, 1), java.util.Arrays.stream(labels).boxed().toList());
    }

    @Test
    void theClustererTakesTheLinePathWhenOnlyOneFeatureVaries() {
        Random random = new Random(3);
        int n = 300;
        double[][] rows = new double[n][];
        double[] line = new double[n];
        for (int i = 0; i < n; i++) {
            line[i] = random.nextDouble() < 0.3 ? 6 + random.nextGaussian() : random.nextGaussian();
            rows[i] = new double[] {4, line[i], -1};  // constant frame and centroid columns
        }
        Points p = Points.of(rows);
        assertEquals(1, AgglomerativeClusterer.onlyVaryingFeature(p));
        ClusteringResult r = AgglomerativeClusterer.fit(p, AgglomerativeOptions.defaults(), TaskMonitor.none());
        assertEquals(1.0, AdjustedRandIndex.of(SmileWardAdapter.ward(rows, 2), r.labels()), 1e-12);
        rows[5] = new double[] {5, line[5], -1};
        assertEquals(-1, AgglomerativeClusterer.onlyVaryingFeature(Points.of(rows)));
    }

    @Test
    void refusesImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> Ward1D.cluster(new double[] {1, 2}, 3));
        assertThrows(IllegalArgumentException.class, () -> Ward1D.cluster(new double[] {1, 2}, 0));
    }
}
