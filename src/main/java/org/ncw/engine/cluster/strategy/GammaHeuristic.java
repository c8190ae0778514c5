package org.ncw.engine.cluster.strategy;

import org.ncw.engine.cluster.Points;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The median heuristic for the rbf kernel, exp(-gamma d^2): gamma = 1 / (2 median(d^2)), the median over pairs of
 * distinct points of the same clustering problem (as the strategy forms them: one column, or the whole dataset).
 * Pairs are drawn with a fixed seed, so the value is reproducible. A kernel width of about the typical distance
 * keeps most affinities away from both 0 and 1, whatever the scale of the clustered values.
 */
public final class GammaHeuristic {
    /** Pairs drawn in total (spread evenly over the problems). */
    static final int PAIRS = 20_000;

    private GammaHeuristic() {
    }

    /** gamma for these problems; 1 when every drawn pair coincides (nothing to measure a width by). */
    public static double of(List<Points> problems, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int perProblem = Math.max(8, PAIRS / Math.max(1, problems.size()));
        double[] d2 = new double[perProblem * problems.size()];
        int m = 0;
        for (Points p : problems) {
            if (p.n() < 2) {
                continue;
            }
            for (int s = 0; s < perProblem; s++) {
                int i = random.nextInt(p.n());
                int j = random.nextInt(p.n() - 1);
                if (j >= i) {
                    j++;
                }
                double v = p.squaredDistance(i, j);
                if (v > 0) {
                    d2[m++] = v;
                }
            }
        }
        if (m == 0) {
            return 1.0;
        }
        Arrays.sort(d2, 0, m);
        double median = m % 2 == 1 ? d2[m / 2] : 0.5 * (d2[m / 2 - 1] + d2[m / 2]);
        return 1.0 / (2.0 * median);
    }
}
