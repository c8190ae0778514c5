package org.ncw.engine.cluster;

/**
 * The top eigenvectors of S = D^-1/2 W' D^-1/2 (W' = the graph without its diagonal) for a graph whose matrix is
 * banded, by shift-invert: A = sigma I - S (sigma just above 1, S's largest eigenvalue) is factored once by a
 * banded Cholesky, O(n b^2), and {@link ShiftInvertLanczos} runs on A^-1. A one-dimensional kNN graph in sorted
 * order has bandwidth below k and eigenvalues crowded near 1 (it is nearly disconnected), where plain Lanczos
 * needs hundreds of products per column and this needs a few dozen solves of O(n b).
 */
final class BandedShiftInvert {
    /** Graphs with a wider band go to the general solver (the factor is n (b + 1) doubles). */
    static final int MAX_BANDWIDTH = 64;
    private static final double SHIFT = 1e-7;
    private static final int MAX_STEPS = 120;

    private BandedShiftInvert() {
    }

    /** The bandwidth max |i - j| over the stored entries. */
    static int bandwidth(CsrMatrix w) {
        int b = 0;
        for (int i = 0; i < w.size(); i++) {
            for (int p = w.rowStart(i); p < w.rowEnd(i); p++) {
                b = Math.max(b, Math.abs(w.column(p) - i));
            }
        }
        return b;
    }

    /**
     * The {@code count} eigenpairs of S next below 1 orthogonal to {@code deflate}; values are S's eigenvalues
     * (descending), with the residual ||S x - lambda x|| of the worst.
     */
    static EigenPairs largest(CsrMatrix w, double[] invDd, double[][] deflate, int count, long seed) {
        int n = w.size();
        int b = bandwidth(w);
        int width = b + 1;
        // lower band of A, row i holding columns i - b .. i at offsets 0 .. b
        double[] band = new double[n * width];
        double sigma = 1.0 + SHIFT;
        for (int i = 0; i < n; i++) {
            band[i * width + b] = sigma;
            for (int p = w.rowStart(i); p < w.rowEnd(i); p++) {
                int j = w.column(p);
                if (j < i) {
                    band[i * width + (j - i + b)] -= w.value(p) * invDd[i] * invDd[j];
                }
            }
        }
        cholesky(band, n, b);
        ShiftInvertLanczos.Result r = ShiftInvertLanczos.largest(n, x -> solve(band, n, b, x), deflate, count,
                MAX_STEPS, seed);
        double[] values = new double[count];
        double residual = 0;
        LanczosSolver.Operator op = w.scaledOperator(invDd);
        double[] y = new double[n];
        for (int c = 0; c < count; c++) {
            values[c] = sigma - 1.0 / r.thetas()[c];
            double[] x = r.vectors()[c];
            op.apply(x, y);
            double s = 0;
            for (int i = 0; i < n; i++) {
                double e = y[i] - values[c] * x[i];
                s += e * e;
            }
            residual = Math.max(residual, Math.sqrt(s));
        }
        return new EigenPairs(values, r.vectors(), "banded shift-invert (b=" + b + ")", r.steps(), 0, residual,
                r.converged());
    }

    /** In-place banded Cholesky: the lower band becomes L's. */
    private static void cholesky(double[] band, int n, int b) {
        int width = b + 1;
        for (int i = 0; i < n; i++) {
            int ri = i * width - i + b; // band[ri + j] is A(i, j)
            for (int j = Math.max(0, i - b); j <= i; j++) {
                int rj = j * width - j + b;
                double x = band[ri + j];
                for (int p = Math.max(0, i - b); p < j; p++) {
                    x -= band[ri + p] * band[rj + p];
                }
                if (j < i) {
                    band[ri + j] = x / band[rj + j];
                } else {
                    // tiny negative pivots come from rounding when S has the eigenvalue 1 more than once
                    band[ri + i] = Math.sqrt(x > 0 ? x : SHIFT * 1e-3);
                }
            }
        }
    }

    /** x := (L L^T)^-1 x. */
    private static void solve(double[] band, int n, int b, double[] x) {
        int width = b + 1;
        for (int i = 0; i < n; i++) {
            int ri = i * width - i + b;
            double s = x[i];
            for (int p = Math.max(0, i - b); p < i; p++) {
                s -= band[ri + p] * x[p];
            }
            x[i] = s / band[ri + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            int ri = i * width - i + b;
            double s = x[i] / band[ri + i];
            x[i] = s;
            for (int p = Math.max(0, i - b); p < i; p++) {
                x[p] -= band[ri + p] * s;
            }
        }
    }
}
