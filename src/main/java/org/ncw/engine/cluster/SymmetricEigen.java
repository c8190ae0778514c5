package org.ncw.engine.cluster;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/** Full eigendecomposition of a small dense symmetric matrix, eigenvalues sorted descending. */
record SymmetricEigen(double[] values, double[][] vectors) {
    /** {@code vectors[r][c]}: component r of the eigenvector of {@code values[c]}. */
    static SymmetricEigen of(double[] rowMajor, int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = 0.5 * (rowMajor[i * n + j] + rowMajor[j * n + i]);
            }
        }
        EigenDecomposition evd = new EigenDecomposition(new Array2DRowRealMatrix(a, false));
        double[] raw = evd.getRealEigenvalues();
        RealMatrix v = evd.getV();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(raw[y], raw[x]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int c = 0; c < n; c++) {
            values[c] = raw[order[c]];
            for (int r = 0; r < n; r++) {
                vectors[r][c] = v.getEntry(r, order[c]);
            }
        }
        return new SymmetricEigen(values, vectors);
    }
}
