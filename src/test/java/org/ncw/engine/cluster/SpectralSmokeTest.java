package org.ncw.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ncw.engine.core.TaskMonitor;

class SpectralSmokeTest {
    static double[][] twoBlobs(int perBlob, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[2 * perBlob][];
        for (int i = 0; i < 2 * perBlob; i++) {
            double c = i < perBlob ? 0 : 6;
            x[i] = new double[] {c + gauss(r), c + gauss(r)};
        }
        return x;
    }

    static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void separatesTwoBlobsWithEverySolverAndAssignment() {
        double[][] x = twoBlobs(60, 1);
        for (AffinityKind a : new AffinityKind[] {AffinityKind.RBF, AffinityKind.NEAREST_NEIGHBORS}) {
            for (EigenSolver s : new EigenSolver[] {EigenSolver.DENSE, EigenSolver.LANCZOS}) {
                for (LabelAssignment l : LabelAssignment.values()) {
                    SpectralOptions o = SpectralOptions.defaults().withAffinity(a).withEigenSolver(s)
                            .withAssignLabels(l).withGamma(0.1);
                    ClusteringResult r = SpectralClusterer.fit(x, o, TaskMonitor.none());
                    int[] truth = new int[x.length];
                    for (int i = 60; i < 120; i++) {
                        truth[i] = 1;
                    }
                    assertEquals(1.0, AdjustedRandIndex.of(truth, r.labels()), 1e-12, a + " " + s + " " + l + " " + r);
                }
            }
        }
    }
}
