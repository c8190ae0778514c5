package org.ncw.engine.cluster;

import java.util.Arrays;

/**
 * Exact Ward-linkage clustering of points of a few features by the nearest-neighbour chain (Murtagh 1983): O(n^2 d)
 * time and O(n d) memory, no pairwise-distance matrix.
 *
 * <p>Ward's merge cost of clusters A and B, |A||B| / (|A| + |B|) |mu_A - mu_B|^2 (the growth of the within-cluster
 * sum of squares), is computed from the centroids and sizes. Ward's linkage is reducible, so merging reciprocal
 * nearest neighbours as the chain finds them gives the same dendrogram as always merging the globally cheapest
 * pair (what Smile's {@code HierarchicalClustering} does over the n(n-1)/2 matrix, 51 ms per 2049-point column);
 * the cut into k clusters applies the n - k cheapest merges. Ties are broken towards the chain's previous element,
 * then the lower index.
 */
final class WardChain {
    private WardChain() {
    }

    /** Labels in [0, k), numbered by first appearance. */
    static int[] cluster(Points points, int k) {
        int n = points.n();
        int d = points.d();
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("cannot make " + k + " Ward clusters of " + n + " points");
        }
        // active clusters in slots 0 .. count-1, one array per feature (the search loop vectorises); a cluster is
        // named by the point it started from, id[slot], and slotOf[id] finds it
        double[][] coord = new double[d][n];
        double[] size = new double[n];
        int[] id = new int[n];
        int[] slotOf = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                coord[j][i] = points.data()[i * d + j];
            }
            size[i] = 1.0;
            id[i] = i;
            slotOf[i] = i;
        }
        double[] costs = new double[n];
        int count = n;
        int[] mergeA = new int[n - 1];
        int[] mergeB = new int[n - 1];
        double[] height = new double[n - 1];
        int merges = 0;
        int[] chain = new int[n];
        int top = 0;
        while (count > 1) {
            if (top == 0) {
                chain[top++] = id[0];
            }
            int a = chain[top - 1];
            int previous = top >= 2 ? chain[top - 2] : -1;
            int sa = slotOf[a];
            costsFrom(coord, size, sa, count, costs);
            costs[sa] = Double.POSITIVE_INFINITY;
            int best = previous;
            double bestCost = previous >= 0 ? costs[slotOf[previous]] : Double.POSITIVE_INFINITY;
            for (int s = 0; s < count; s++) {
                double c = costs[s];
                if (c < bestCost || (c == bestCost && best != previous && id[s] < best)) {
                    bestCost = c;
                    best = id[s];
                }
            }
            if (best == previous) {
                // reciprocal nearest neighbours: merge b into a (a keeps its name)
                top -= 2;
                int b = previous;
                int sb = slotOf[b];
                double na = size[sa];
                double nb = size[sb];
                for (int j = 0; j < d; j++) {
                    coord[j][sa] = (na * coord[j][sa] + nb * coord[j][sb]) / (na + nb);
                }
                size[sa] = na + nb;
                mergeA[merges] = a;
                mergeB[merges] = b;
                height[merges] = bestCost;
                merges++;
                // b's slot takes the last active cluster
                int last = count - 1;
                for (int j = 0; j < d; j++) {
                    coord[j][sb] = coord[j][last];
                }
                size[sb] = size[last];
                id[sb] = id[last];
                slotOf[id[sb]] = sb;
                slotOf[b] = -1;
                count--;
            } else {
                chain[top++] = best;
            }
        }
        // the cut: the n - k cheapest merges (stable, so equal heights keep the chain's order)
        Integer[] order = new Integer[merges];
        for (int m = 0; m < merges; m++) {
            order[m] = m;
        }
        Arrays.sort(order, (x, y) -> Double.compare(height[x], height[y]));
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int m = 0; m < n - k; m++) {
            int x = find(parent, mergeA[order[m]]);
            int y = find(parent, mergeB[order[m]]);
            parent[Math.max(x, y)] = Math.min(x, y);
        }
        int[] labels = new int[n];
        int[] labelOfRoot = new int[n];
        Arrays.fill(labelOfRoot, -1);
        int next = 0;
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            if (labelOfRoot[r] < 0) {
                labelOfRoot[r] = next++;
            }
            labels[i] = labelOfRoot[r];
        }
        return labels;
    }

    /** costs[s] = Ward's merge cost of the clusters in slots from and s, for s < count. */
    private static void costsFrom(double[][] coord, double[] size, int from, int count, double[] costs) {
        double na = size[from];
        java.util.Arrays.fill(costs, 0, count, 0.0);
        for (double[] feature : coord) {
            double ca = feature[from];
            for (int s = 0; s < count; s++) {
                double diff = feature[s] - ca;
                costs[s] += diff * diff;
            }
        }
        for (int s = 0; s < count; s++) {
            costs[s] *= na * size[s] / (na + size[s]);
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
