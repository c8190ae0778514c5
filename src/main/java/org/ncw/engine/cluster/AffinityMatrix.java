package org.ncw.engine.cluster;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A symmetric non-negative affinity (graph weight) matrix. Like scipy's {@code csgraph.laplacian}, the
 * spectral embedding ignores the diagonal (self-loops), so the operations here work on the off-diagonal part.
 */
public sealed interface AffinityMatrix permits DenseAffinity, CsrMatrix {
    int size();

    /** Row sums without the diagonal: the node degrees of the graph Laplacian. */
    double[] offDiagonalRowSums();

    /** y_i = s_i * sum_{j != i} a_ij * s_j * x_j, i.e. y = S A' S x with S = diag(scale). */
    void multiplyScaled(double[] scale, double[] x, double[] y);

    /** Number of stored entries (n^2 for dense). */
    long storedEntries();

    /** Calls {@code visit} with every j whose entry a_ij is non-zero (j = i included when stored). */
    void forEachNeighbour(int i, IntConsumer visit);

    /** Connected component of each node (edges = non-zero off-diagonal entries), numbered from 0; breadth first. */
    default int[] componentLabels() {
        int n = size();
        int[] label = new int[n];
        Arrays.fill(label, -1);
        int[] queue = new int[n];
        int[] tail = new int[1];
        int next = 0;
        for (int start = 0; start < n; start++) {
            if (label[start] >= 0) {
                continue;
            }
            int component = next++;
            int head = 0;
            tail[0] = 0;
            queue[tail[0]++] = start;
            label[start] = component;
            IntConsumer reach = j -> {
                if (label[j] < 0) {
                    label[j] = component;
                    queue[tail[0]++] = j;
                }
            };
            while (head < tail[0]) {
                forEachNeighbour(queue[head++], reach);
            }
        }
        return label;
    }

    /** The full matrix, diagonal included, row-major (for small n, tests and the dense solver). */
    double[] toDense();

    /** Number of distinct labels in a component labelling. */
    static int countComponents(int[] labels) {
        int max = -1;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return max + 1;
    }
}
