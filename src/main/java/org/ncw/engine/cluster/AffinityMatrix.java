package org.ncw.engine.cluster;

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

    /** Connected component of each node (edges = non-zero off-diagonal entries), numbered from 0. */
    int[] componentLabels();

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
