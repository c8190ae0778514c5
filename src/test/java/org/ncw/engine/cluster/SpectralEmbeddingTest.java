package org.ncw.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ncw.engine.core.CancellationToken;
import org.ncw.engine.core.CancelledException;
import org.ncw.engine.core.ProgressListener;
import org.ncw.engine.core.TaskMonitor;

class SpectralEmbeddingTest {
    private static Points blobs(int perBlob, double separation, long seed) {
        double[][] x = SpectralSmokeTest.twoBlobs(perBlob, seed);
        for (int i = perBlob; i < x.length; i++) {
            x[i][0] += separation;
        }
        return Points.of(x);
    }

    @Test
    void lanczosAgreesWithTheDenseSolver() {
        CsrMatrix g = AffinityBuilder.knnGraph(AffinityBuilderTest.random(500, 2, 3), 8, TaskMonitor.none());
        Embedding dense = SpectralEmbedding.compute(g, 4, EigenSolver.DENSE, 0, TaskMonitor.none());
        Embedding lanczos = SpectralEmbedding.compute(g, 4, EigenSolver.LANCZOS, 0, TaskMonitor.none());
        assertEquals("dense", dense.solver());
        assertEquals("lanczos", lanczos.solver());
        for (int c = 0; c < 4; c++) {
            assertEquals(dense.eigenvalues()[c], lanczos.eigenvalues()[c], 1e-9, "eigenvalue " + c);
            for (int i = 0; i < 500; i++) {
                assertEquals(dense.get(i, c), lanczos.get(i, c), 1e-6, "vector " + c + " at " + i);
            }
        }
        assertEquals(0.0, dense.eigenvalues()[0], 1e-12, "a connected graph has one zero eigenvalue");
        assertTrue(dense.eigenvalues()[1] > 1e-6);
    }

    /**
     * A long thin strip of points in random order: the leading eigenvalues of M crowd just below 1 (as on the 3-D
     * table), where w = M v is almost all alpha v_j + beta v_j-1 and rounding in the reorthogonalisation would let
     * ghosts of converged vectors in. The Ritz pairs must still match the dense decomposition.
     */
    @Test
    void lanczosMatchesTheDenseSolverOnCrowdedEigenvalues() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        int n = 1200;
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = r.nextDouble() * 60;
            xy[2 * i + 1] = r.nextDouble();
        }
        CsrMatrix g = AffinityBuilder.knnGraph(new Points(n, 2, xy), 8, TaskMonitor.none());
        double[] deg = g.offDiagonalRowSums();
        double[] inv = new double[n];
        double[] q = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            inv[i] = 1 / Math.sqrt(deg[i]);
            total += deg[i];
        }
        for (int i = 0; i < n; i++) {
            q[i] = Math.sqrt(deg[i] / total);
        }
        int nev = 5;
        EigenPairs pairs = LanczosSolver.largest(n, g.scaledOperator(inv), nev, new double[][] {q}, 3, 1e-11, 5000,
                TaskMonitor.none());
        assertTrue(pairs.converged(), "residual " + pairs.residual());
        double[] m = g.toDense();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i * n + j] = i == j ? 0 : m[i * n + j] * inv[i] * inv[j];
            }
        }
        SymmetricEigen dense = SymmetricEigen.of(m, n);
        assertTrue(dense.values()[1] > 0.999 && dense.values()[1] - dense.values()[nev] < 0.01,
                "the case is crowded: " + dense.values()[1] + " .. " + dense.values()[nev]);
        for (int c = 0; c < nev; c++) {
            assertEquals(dense.values()[c + 1], pairs.values()[c], 1e-10, "eigenvalue " + (c + 1));
            double overlap = 0;
            for (int i = 0; i < n; i++) {
                overlap += dense.vectors()[i][c + 1] * pairs.vectors()[c][i];
            }
            assertEquals(1.0, Math.abs(overlap), 1e-6, "vector " + (c + 1));
            for (int b = 0; b <= c; b++) {
                assertEquals(b == c ? 1.0 : 0.0, LanczosSolver.dot(pairs.vectors()[b], pairs.vectors()[c]), 1e-12,
                        "orthonormal " + b + ", " + c);
            }
            assertEquals(0.0, LanczosSolver.dot(q, pairs.vectors()[c]), 1e-12, "orthogonal to the deflated vector");
        }
    }

    @Test
    void arpackAgreesWithTheDenseSolverWhenItsNativeLibraryLoads() {
        CsrMatrix g = AffinityBuilder.knnGraph(AffinityBuilderTest.random(400, 2, 5), 8, TaskMonitor.none());
        Embedding dense = SpectralEmbedding.compute(g, 3, EigenSolver.DENSE, 0, TaskMonitor.none());
        Embedding arpack = SpectralEmbedding.compute(g, 3, EigenSolver.ARPACK, 0, TaskMonitor.none());
        Assumptions.assumeTrue(arpack.solver().equals("arpack"), "native ARPACK unavailable: " + arpack.warnings());
        for (int c = 0; c < 3; c++) {
            assertEquals(dense.eigenvalues()[c], arpack.eigenvalues()[c], 1e-9, "eigenvalue " + c);
        }
    }

    @Test
    void multilevelStartApproximatesTheLeadingEigenvectors() {
        Points p = blobs(1500, 8, 4);
        CsrMatrix g = AffinityBuilder.knnGraph(p, 10, TaskMonitor.none());
        Embedding exact = SpectralEmbedding.compute(g, 3, EigenSolver.LANCZOS, 0, TaskMonitor.none());
        double[][] approx = MultilevelEigen.approximate(g, 3, 1, new int[1], TaskMonitor.none());
        double[] deg = g.offDiagonalRowSums();
        double[] inv = new double[deg.length];
        for (int i = 0; i < deg.length; i++) {
            inv[i] = 1 / Math.sqrt(deg[i]);
        }
        double[] y = new double[deg.length];
        for (int c = 0; c < 3; c++) {
            g.multiplyScaled(inv, approx[c], y);
            double rayleigh = 1 - LanczosSolver.dot(approx[c], y);
            // Rayleigh quotients of a Ritz basis bound the eigenvalues from above, and come close
            assertTrue(rayleigh >= exact.eigenvalues()[c] - 1e-9 && rayleigh < exact.eigenvalues()[c] + 0.01,
                    "eigenvalue " + c + ": " + rayleigh + " vs " + exact.eigenvalues()[c]);
        }
    }

    @Test
    void disconnectedGraphWarnsButStillClusters() {
        Points p = blobs(60, 100, 2);
        SpectralOptions o = SpectralOptions.defaults().withAffinity(AffinityKind.NEAREST_NEIGHBORS);
        for (EigenSolver s : new EigenSolver[] {EigenSolver.DENSE, EigenSolver.LANCZOS}) {
            ClusteringResult r = SpectralClusterer.fit(p, o.withEigenSolver(s), TaskMonitor.none());
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("not fully connected (2 components)")),
                    r.warnings().toString());
            int[] truth = new int[120];
            java.util.Arrays.fill(truth, 60, 120, 1);
            assertEquals(1.0, AdjustedRandIndex.of(truth, r.labels()), 1e-12, s.toString());
            assertEquals(2.0, r.diagnostics().get("components"));
        }
    }

    @Test
    void isolatedPointsDoNotBreakTheEmbedding() {
        // rbf with a huge gamma: every weight underflows to 0, all points isolated
        Points p = Points.ofColumn(new double[] {0, 10, 20, 30, 40, 50});
        ClusteringResult r = SpectralClusterer.fit(p, SpectralOptions.defaults().withGamma(100),
                TaskMonitor.none());
        assertEquals(6, r.size());
        assertTrue(r.warnings().get(0).contains("6 components"), r.warnings().toString());
    }

    @Test
    void duplicatePointsGiveAClearWarning() {
        Points p = Points.ofColumn(new double[] {1, 1, 1, 1, 1, 1, 1, 1});
        ClusteringResult r = SpectralClusterer.fit(p, SpectralOptions.defaults().withNClusters(3),
                TaskMonitor.none());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("distinct")), r.warnings().toString());
    }

    @Test
    void tooFewPointsIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpectralClusterer.fit(new double[][] {{1}, {2}}, SpectralOptions.defaults().withNClusters(3),
                        TaskMonitor.none()));
        assertTrue(e.getMessage().contains("nClusters=3"), e.getMessage());
    }

    @Test
    void precomputedAffinityMustBeSymmetric() {
        SpectralOptions o = SpectralOptions.defaults().withAffinity(AffinityKind.PRECOMPUTED);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpectralClusterer.fit(new double[][] {{1, 0.5}, {0.2, 1}}, o, TaskMonitor.none()));
        assertTrue(e.getMessage().contains("symmetric"), e.getMessage());
        double[][] a = {{1, 1, 0, 0}, {1, 1, 0, 0}, {0, 0, 1, 1}, {0, 0, 1, 1}};
        ClusteringResult r = SpectralClusterer.fit(a, o, TaskMonitor.none());
        assertEquals(r.label(0), r.label(1));
        assertEquals(r.label(2), r.label(3));
        assertTrue(r.label(0) != r.label(2));
    }

    @Test
    void cancellationStopsTheFitAndProgressIsReported() {
        CancellationToken token = new CancellationToken();
        double[] last = {0};
        TaskMonitor monitor = TaskMonitor.of((f, stage) -> {
            last[0] = f;
            if (f > 0.2) {
                token.cancel();
            }
        }, token);
        Points p = blobs(400, 6, 3);
        assertThrows(CancelledException.class, () -> SpectralClusterer.fit(p, SpectralOptions.defaults()
                .withEigenSolver(EigenSolver.LANCZOS).withGamma(0.1), monitor));
        assertTrue(last[0] > 0.2);
        double[] progress = {0};
        SpectralClusterer.fit(p, SpectralOptions.defaults().withGamma(0.1),
                TaskMonitor.of((f, s) -> progress[0] = Math.max(progress[0], f), CancellationToken.none()));
        assertEquals(1.0, progress[0], 1e-12);
        assertTrue(ProgressListener.NONE != null);
    }
}
