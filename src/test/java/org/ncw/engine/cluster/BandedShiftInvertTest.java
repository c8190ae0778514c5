package org.ncw.engine.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.ncw.engine.core.TaskMonitor;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The banded shift-invert path of {@link SpectralEmbedding}: one-dimensional points in sorted order make a kNN
 * graph of bandwidth below k, whose embedding must be scikit-learn's (fixture intensities1d: 683 dB values of one
 * spectrogram column, sklearn 1.2.1) and the general Lanczos solver's on the same graph unsorted.
 */
class BandedShiftInvertTest {

    @Test
    void sortedOneDimensionalKnnGraphIsBandedAndGivesSklearnsSpectrum() {
        JsonNode f = ClusterFixtures.load("intensities1d");
        int k = f.get("n_clusters").asInt();
        double[] x = Arrays.stream(ClusterFixtures.matrix(f.get("x"))).mapToDouble(r -> r[0]).toArray();
        int[] order = IntStream.range(0, x.length).boxed().sorted(Comparator.comparingDouble(i -> x[i]))
                .mapToInt(Integer::intValue).toArray();
        double[] sorted = Arrays.stream(order).mapToDouble(i -> x[i]).toArray();
        CsrMatrix graph = AffinityBuilder.knnGraph(new Points(sorted.length, 1, sorted), 10, TaskMonitor.none());
        assertTrue(BandedShiftInvert.bandwidth(graph) < 10, "bandwidth " + BandedShiftInvert.bandwidth(graph));
        Embedding e = SpectralEmbedding.compute(graph, k, EigenSolver.LANCZOS, 0, TaskMonitor.none());
        double[] expected = ClusterFixtures.vector(f.get("spectra").get("nearest_neighbors").get("eigenvalues"));
        for (int c = 0; c < k; c++) {
            assertEquals(expected[c], e.eigenvalues()[c], 1e-7, "eigenvalue " + c);
        }
        assertTrue(e.converged() && e.residual() < 1e-8, "residual " + e.residual());
        // sklearn's embedding (rows in the input's order), column by column where the eigenvalue is simple
        double[][] sk = ClusterFixtures.matrix(f.get("spectra").get("nearest_neighbors").get("embedding"));
        for (int c = 0; c < k; c++) {
            boolean simple = (c == 0 || expected[c] - expected[c - 1] > 1e-6) && expected[c + 1] - expected[c] > 1e-6;
            if (!simple) {
                continue;
            }
            double scale = Arrays.stream(sk).mapToDouble(r -> Math.abs(r[0])).max().orElse(1);
            for (int r = 0; r < order.length; r++) {
                assertEquals(sk[order[r]][c], e.get(r, c), 1e-6 * scale, "embedding[" + order[r] + "][" + c + "]");
            }
        }
    }

    /** Log-normal magnitudes (a spectrogram column): a connected, nearly disconnected kNN graph. */
    private static double[] column(int n, long seed) {
        Random random = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.exp(1.2 * random.nextGaussian());
        }
        Arrays.sort(v);
        return v;
    }

    /** Against the dense eigendecomposition of the same sorted graph (an independent solver). */
    @Test
    void bandedSolverMatchesTheDenseSolverOnConnectedGraphs() {
        int solved = 0;
        for (int trial = 0; trial < 5; trial++) {
            double[] v = column(400 + 50 * trial, trial);
            CsrMatrix graph = AffinityBuilder.knnGraph(new Points(v.length, 1, v), 10, TaskMonitor.none());
            Embedding banded = SpectralEmbedding.compute(graph, 2, EigenSolver.LANCZOS, 0, TaskMonitor.none());
            if (banded.components() > 1) {
                continue; // the embedding is the components' indicators, no solver runs
            }
            solved++;
            assertTrue(banded.solver().startsWith("envelope shift-invert"), banded.solver());
            Embedding dense = SpectralEmbedding.compute(graph, 2, EigenSolver.DENSE, 0, TaskMonitor.none());
            assertEquals(dense.eigenvalues()[1], banded.eigenvalues()[1], 1e-9, "trial " + trial);
            double scale = 0;
            for (int i = 0; i < v.length; i++) {
                scale = Math.max(scale, Math.abs(dense.get(i, 1)));
            }
            for (int i = 0; i < v.length; i++) {
                assertEquals(dense.get(i, 1), banded.get(i, 1), 1e-6 * scale, "trial " + trial + " row " + i);
            }
        }
        assertTrue(solved >= 3, "connected graphs among the trials: " + solved);
    }

    /**
     * A 3-D table column (bin, log-normal intensity; standardised) in bin order: a kNN graph whose few long rows
     * (loud, sparse bins) put its bandwidth beyond the band limit while its envelope stays cheap, so the envelope
     * factor serves it, with the dense solver's spectrum and vector.
     */
    @Test
    void tableColumnGraphTakesTheEnvelopeAndMatchesTheDenseSolver() {
        int solved = 0;
        int wide = 0;
        for (int trial = 0; trial < 5; trial++) {
            int n = 600 + 100 * trial;
            Random random = new Random(50 + trial);
            double[][] rows = new double[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = new double[] {i, Math.exp(1.2 * random.nextGaussian())};
            }
            Points x = FeatureScaler.apply(Points.of(rows), FeatureScaling.STANDARDIZE);
            CsrMatrix graph = AffinityBuilder.knnGraph(x, 10, TaskMonitor.none());
            assertTrue(BandedShiftInvert.fits(graph), "trial " + trial);
            wide += BandedShiftInvert.bandwidth(graph) > BandedShiftInvert.MAX_BANDWIDTH ? 1 : 0;
            Embedding envelope = SpectralEmbedding.compute(graph, 2, EigenSolver.LANCZOS, 0, TaskMonitor.none());
            if (envelope.components() > 1) {
                continue;
            }
            solved++;
            assertTrue(envelope.solver().startsWith("envelope shift-invert"), envelope.solver());
            Embedding dense = SpectralEmbedding.compute(graph, 2, EigenSolver.DENSE, 0, TaskMonitor.none());
            assertEquals(dense.eigenvalues()[1], envelope.eigenvalues()[1], 1e-9, "trial " + trial);
            double scale = 0;
            for (int i = 0; i < n; i++) {
                scale = Math.max(scale, Math.abs(dense.get(i, 1)));
            }
            for (int i = 0; i < n; i++) {
                assertEquals(dense.get(i, 1), envelope.get(i, 1), 1e-6 * scale, "trial " + trial + " row " + i);
            }
        }
        assertTrue(solved >= 3, "connected graphs among the trials: " + solved);
        assertTrue(wide >= 1, "some graphs are beyond the band limit: " + wide);
    }

    /** On random columns the sorted path labels like the general solver on the unsorted graph (ARI >= 0.95). */
    @Test
    void clusteringSortedPointsAgreesWithTheGeneralSolver() {
        for (int trial = 0; trial < 6; trial++) {
            int n = 300 + 100 * trial;
            double[] sorted = column(n, 100 + trial);
            // shuffled, as a column comes in frequency order
            java.util.List<Double> list = new java.util.ArrayList<>(Arrays.stream(sorted).boxed().toList());
            java.util.Collections.shuffle(list, new Random(trial));
            double[][] column = new double[n][1];
            for (int i = 0; i < n; i++) {
                column[i][0] = list.get(i);
            }
            SpectralOptions o = SpectralOptions.defaults().withAffinity(AffinityKind.NEAREST_NEIGHBORS)
                    .withEigenSolver(EigenSolver.LANCZOS);
            ClusteringResult fast = SpectralClusterer.fit(column, o, TaskMonitor.none());
            CsrMatrix unsorted = AffinityBuilder.knnGraph(Points.of(column), 10, TaskMonitor.none());
            assertTrue(BandedShiftInvert.bandwidth(unsorted) > BandedShiftInvert.MAX_BANDWIDTH, "general path");
            assertFalse(BandedShiftInvert.fits(unsorted), "general path");
            ClusteringResult general = SpectralClusterer.fitAffinity(unsorted, o, TaskMonitor.none());
            double ari = AdjustedRandIndex.of(general.labels(), fast.labels());
            assertTrue(ari >= 0.95, "trial " + trial + ": ARI " + ari);
        }
    }
}
