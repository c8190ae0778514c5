package org.ncw.engine.cluster;

import smile.math.blas.UPLO;
import smile.math.matrix.Matrix;

/** Dense symmetric eigendecomposition by LAPACK (dsyevd through Smile and the bytedeco OpenBLAS binaries). */
final class SmileLapackAdapter {
    private SmileLapackAdapter() {
    }

    /** Eigenvalues (any order) and eigenvectors as columns, or an exception/LinkageError if LAPACK cannot load. */
    static SymmetricEigen symmetricEigen(double[] symmetricRowMajor, int n) {
        // a symmetric row-major array is also its own column-major layout; LAPACK overwrites the copy
        Matrix m = new Matrix(n, n, n, symmetricRowMajor.clone()).uplo(UPLO.LOWER);
        Matrix.EVD evd = m.eigen(false, true, true);
        double[][] vectors = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                vectors[r][c] = evd.Vr.get(r, c);
            }
        }
        return new SymmetricEigen(evd.wr.clone(), vectors);
    }
}
