package org.ncw.engine.cluster;

import java.util.Arrays;
import java.util.Comparator;
import smile.neighbor.KDTree;
import smile.neighbor.Neighbor;

/**
 * k-nearest neighbours through Smile's {@code KDTree}: an independent implementation of the same rows
 * {@link AffinityBuilder#nearestNeighbors} returns (the point itself, then its k - 1 nearest other points), used to
 * cross-check the project's flat k-d tree and as an alternative backend.
 */
public final class SmileKnnAdapter {
    private SmileKnnAdapter() {
    }

    public static int[] nearestNeighbors(Points points, int k) {
        double[][] rows = points.toRows();
        KDTree<double[]> tree = KDTree.of(rows);
        int n = rows.length;
        int[] out = new int[n * k];
        for (int i = 0; i < n; i++) {
            out[i * k] = i;
            if (k == 1) {
                continue;
            }
            // Smile skips the query object itself (same reference), so this asks for the k - 1 others
            Neighbor<double[], double[]>[] found = tree.search(rows[i], k - 1);
            Neighbor<double[], double[]>[] sorted = found.clone();
            Arrays.sort(sorted, Comparator.<Neighbor<double[], double[]>>comparingDouble(nb -> nb.distance)
                    .thenComparingInt(nb -> nb.index));
            for (int t = 0; t < k - 1; t++) {
                out[i * k + 1 + t] = sorted[t].index;
            }
        }
        return out;
    }
}
