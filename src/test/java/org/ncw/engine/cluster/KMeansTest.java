package org.ncw.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
}
