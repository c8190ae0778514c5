package org.ncw.engine.cluster;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/** Full eigendecomposition of a small dense symmetric matrix, eigenvalues sorted descending. */
record SymmetricEigen(double[] values, double[][] vectors) {
    /** From this size on, native LAPACK is tried first (much faster than the Java fallback). */
    private static final int NATIVE_FROM = 64;
    private static volatile boolean nativeFailed;

    /** {@code vectors[r][c]}: component r of the eigenvector of {@code values[c]}. */
    static SymmetricEigen of(double[] rowMajor, int n) {
        if (n >= NATIVE_FROM && !nativeFailed) {
            try {
                double[] sym = new double[n * n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        sym[i * n + j] = 0.5 * (rowMajor[i * n + j] + rowMajor[j * n + i]);
                    }
                }
                return sorted(SmileLapackAdapter.symmetricEigen(sym, n));
            } catch (RuntimeException | LinkageError e) {
                nativeFailed = true; // no native LAPACK here: use the Java decomposition from now on
            }
        }
        return ofJava(rowMajor, n);
    }

    /** Descending eigenvalues with their vectors. */
    private static SymmetricEigen sorted(SymmetricEigen e) {
        int n = e.values().length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(e.values()[y], e.values()[x]));
        double[] values = new double[n];
        double[][] vectors = new double[e.vectors().length][n];
        for (int c = 0; c < n; c++) {
            values[c] = e.values()[order[c]];
            for (int r = 0; r < vectors.length; r++) {
                vectors[r][c] = e.vectors()[r][order[c]];
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** commons-math (JAMA-style tridiagonal QL): no native code. */
    static SymmetricEigen ofJava(double[] rowMajor, int n) {
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
