package org.ncw.engine.cluster;

import smile.math.blas.Transpose;
import smile.math.matrix.ARPACK;
import smile.math.matrix.IMatrix;
import smile.math.matrix.Matrix;

/**
 * Native ARPACK (dsaupd/dseupd through Smile and the bytedeco arpack-ng binaries) for the largest eigenpairs
 * of a symmetric operator. Any failure to load the native library surfaces as a {@link LinkageError} or
 * runtime exception, which {@link SpectralEmbedding} turns into a fallback to the Java Lanczos solver.
 */
final class SmileArpackAdapter {
    /** The Fortran ARPACK keeps state in static (SAVE) variables: concurrent calls corrupt its memory. */
    private static final Object NATIVE_LOCK = new Object();

    private SmileArpackAdapter() {
    }

    static EigenPairs largest(int n, LanczosSolver.Operator op, int nev, double tol) {
        int ncv = Math.min(n, Math.max(2 * nev + 1, 20));
        int[] matVecs = new int[1];
        IMatrix matrix = new OperatorMatrix(n, op, matVecs);
        Matrix.EVD evd;
        synchronized (NATIVE_LOCK) {
            evd = ARPACK.syev(matrix, ARPACK.SymmOption.LA, nev, ncv, tol);
        }
        double[] wr = evd.wr;
        Matrix v = evd.Vr;
        Integer[] order = new Integer[wr.length];
        for (int i = 0; i < wr.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(wr[b], wr[a]));
        double[] values = new double[nev];
        double[][] vectors = new double[nev][n];
        for (int c = 0; c < nev; c++) {
            values[c] = wr[order[c]];
            for (int r = 0; r < n; r++) {
                vectors[c][r] = v.get(r, order[c]);
            }
        }
        return new EigenPairs(values, vectors, "arpack", matVecs[0], 0, 0.0, true);
    }

    /** A matrix-free symmetric operator seen by Smile's ARPACK driver. */
    private static final class OperatorMatrix extends IMatrix {
        private final int n;
        private final LanczosSolver.Operator op;
        private final int[] matVecs;

        OperatorMatrix(int n, LanczosSolver.Operator op, int[] matVecs) {
            this.n = n;
            this.op = op;
            this.matVecs = matVecs;
        }

        @Override
        public int nrow() {
            return n;
        }

        @Override
        public int ncol() {
            return n;
        }

        @Override
        public long size() {
            return (long) n * n;
        }

        @Override
        public void mv(Transpose trans, double alpha, double[] x, double beta, double[] y) {
            double[] ax = new double[n];
            op.apply(x, ax);
            matVecs[0]++;
            for (int i = 0; i < n; i++) {
                y[i] = alpha * ax[i] + beta * y[i];
            }
        }

        @Override
        public void mv(double[] work, int inputOffset, int outputOffset) {
            double[] x = new double[n];
            System.arraycopy(work, inputOffset, x, 0, n);
            double[] y = new double[n];
            op.apply(x, y);
            matVecs[0]++;
            System.arraycopy(y, 0, work, outputOffset, n);
        }

        @Override
        public void tv(double[] work, int inputOffset, int outputOffset) {
            mv(work, inputOffset, outputOffset); // symmetric
        }
    }
}
