package org.ncw.engine.cluster;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The nearest-neighbour chain against Smile's Ward clustering over the full distance matrix (an independent one). */
class WardChainTest {

    @Test
    void cutsTheSameDendrogramAsSmile() {
        Random r = new Random(11);
        int checked = 0;
        for (int trial = 0; trial < 12; trial++) {
            int n = 50 + 37 * trial;
            // 2: the grid search; 3 and 4: the scan along one feature; 7: the full scan
            int d = new int[] {2, 3, 4, 7}[trial % 4];
            double[][] rows = new double[n][d];
            for (int i = 0; i < n; i++) {
                // a few blobs of different spread, plus a heavy tail (like loud spectrogram bins)
                int blob = i % 3;
                for (int j = 0; j < d; j++) {
                    rows[i][j] = 3 * blob * (j == 0 ? 1 : 0) + (0.3 + blob) * r.nextGaussian()
                            + (j == d - 1 ? Math.exp(r.nextGaussian()) : 0);
                }
            }
            for (int k = 2; k <= 5; k++) {
                int[] chain = WardChain.cluster(Points.of(rows), k);
                int[] smile = SmileWardAdapter.ward(rows, k);
                assertEquals(1.0, AdjustedRandIndex.of(smile, chain), 1e-12, "n " + n + " d " + d + " k " + k);
                checked++;
            }
        }
        assertTrue(checked == 48);
    }

    /** The 3-D table's columns at both grids: a constant frame, bins in order, log-normal intensities, standardised. */
    @Test
    void tableColumnLikeCloudsAgreeWithSmile() {
        for (int n : new int[] {683, 2049}) {
            Random r = new Random(n);
            double[][] rows = new double[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = new double[] {0.0, i, Math.exp(1.2 * r.nextGaussian())};
            }
            Points x = FeatureScaler.apply(Points.of(rows), FeatureScaling.STANDARDIZE);
            Points plane = x.withoutConstantFeatures(); // as the clusterer passes it: the two-feature grid search
            for (int k = 2; k <= 3; k++) {
                int[] smile = SmileWardAdapter.ward(x.toRows(), k);
                assertEquals(1.0, AdjustedRandIndex.of(smile, WardChain.cluster(x, k)), 1e-12, "n " + n + " k " + k);
                assertEquals(1.0, AdjustedRandIndex.of(smile, WardChain.cluster(plane, k)), 1e-12,
                        "plane, n " + n + " k " + k);
            }
        }
    }

    /** Equal costs everywhere (a lattice): still a valid cut into k groups of the expected sizes. */
    @Test
    void tiesOnALatticeGiveAValidCut() {
        double[][] rows = new double[64][];
        for (int i = 0; i < 64; i++) {
            rows[i] = new double[] {i % 8, i / 8 + (i / 32) * 10.0};
        }
        int[] labels = WardChain.cluster(Points.of(rows), 2);
        for (int i = 0; i < 64; i++) {
            assertEquals(i < 32 ? labels[0] : labels[32], labels[i], "point " + i);
        }
        assertTrue(labels[0] != labels[32]);
    }

    @Test
    void labelsAreNumberedByFirstAppearanceAndOneClusterIsAllZero() {
        double[][] rows = {{0, 0}, {10, 10}, {0.1, 0}, {10, 10.2}};
        assertEquals(java.util.List.of(0, 1, 0, 1), java.util.Arrays.stream(WardChain.cluster(Points.of(rows), 2))
                .boxed().toList());
        assertEquals(java.util.List.of(0, 0, 0, 0), java.util.Arrays.stream(WardChain.cluster(Points.of(rows), 1))
                .boxed().toList());
    }
}
