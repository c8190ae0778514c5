package org.ncw.engine.cluster;

/**
 * The top eigenvectors of S = D^-1/2 W' D^-1/2 (W' = the graph without its diagonal) for a graph whose matrix has
 * a narrow envelope, by shift-invert: A = sigma I - S (sigma just above 1, S's largest eigenvalue) is factored once
 * by an envelope Cholesky ({@link EnvelopeCholesky}, about the sum of the squared row widths) and
 * {@link ShiftInvertLanczos} runs on A^-1. A one-dimensional kNN graph in sorted order has bandwidth below k, and a
 * 3-D table column's kNN graph in bin order is narrow but for a few long rows; both have eigenvalues crowded near 1
 * (nearly disconnected, or a long chain), where plain Lanczos needs hundreds of products per column and this needs
 * a few dozen solves.
 */
final class BandedShiftInvert {
    /** Graphs of a wider band go to the general solver unless their envelope is cheap ({@link #fits}). */
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
     * Whether the graph's envelope costs no more than a band of {@link #MAX_BANDWIDTH}: the sum of the squared row
     * widths at most n MAX_BANDWIDTH^2 (every graph of that bandwidth fits).
     */
    static boolean fits(CsrMatrix w) {
        return fits(firstColumns(w));
    }

    /** {@link #fits(CsrMatrix)} from the graph's {@link #firstColumns}. */
    static boolean fits(int[] first) {
        int n = first.length;
        double budget = (double) n * MAX_BANDWIDTH * MAX_BANDWIDTH;
        double cost = 0;
        for (int i = 0; i < n; i++) {
            int width = i - first[i];
            cost += (double) width * width;
            if (cost > budget) {
                return false;
            }
        }
        return true;
    }

    /** Row i's first stored column, or i: where its lower envelope starts. */
    static int[] firstColumns(CsrMatrix w) {
        int n = w.size();
        int[] first = new int[n];
        for (int i = 0; i < n; i++) {
            int f = i;
            for (int p = w.rowStart(i); p < w.rowEnd(i); p++) {
                f = Math.min(f, w.column(p));
            }
            first[i] = f;
        }
        return first;
    }

    /**
     * The {@code count} eigenpairs of S next below 1 orthogonal to {@code deflate}; values are S's eigenvalues
     * (descending), with the residual ||S x - lambda x|| of the worst.
     */
    static EigenPairs largest(CsrMatrix w, double[] invDd, double[][] deflate, int count, long seed) {
        return largest(w, firstColumns(w), invDd, deflate, count, seed);
    }

    /** {@link #largest(CsrMatrix, double[], double[][], int, long)} with the graph's {@link #firstColumns}. */
    static EigenPairs largest(CsrMatrix w, int[] first, double[] invDd, double[][] deflate, int count, long seed) {
        int n = w.size();
        // lower envelope of A: row i holds columns first[i] .. i from offset[i]; the graph is symmetric, so the
        // widest row is its bandwidth
        int b = 0;
        int[] offset = new int[n + 1];
        for (int i = 0; i < n; i++) {
            b = Math.max(b, i - first[i]);
            offset[i + 1] = offset[i] + i - first[i] + 1;
        }
        double[] env = new double[offset[n]];
        double sigma = 1.0 + SHIFT;
        for (int i = 0; i < n; i++) {
            int row = offset[i] - first[i];
            env[row + i] = sigma;
            for (int p = w.rowStart(i); p < w.rowEnd(i); p++) {
                int j = w.column(p);
                if (j < i) {
                    env[row + j] -= w.value(p) * invDd[i] * invDd[j];
                }
            }
        }
        // tiny negative pivots come from rounding when S has the eigenvalue 1 more than once
        EnvelopeCholesky.factor(env, first, offset, n, SHIFT * 1e-3);
        // a weakly connected point magnifies leftovers by 1 / sqrt(degree): a second polishing solve only then
        double minInv = Double.POSITIVE_INFINITY;
        double maxInv = 0;
        for (double v : invDd) {
            if (v > 0) {
                minInv = Math.min(minInv, v);
                maxInv = Math.max(maxInv, v);
            }
        }
        int sweeps = maxInv <= 100 * minInv ? 1 : ShiftInvertLanczos.REFINE_SWEEPS;
        ShiftInvertLanczos.Result r = ShiftInvertLanczos.largest(n, x -> EnvelopeCholesky.solve(env, first, offset,
                n, x), deflate, count, MAX_STEPS, seed, sweeps);
        double[] values = new double[count];
        double residual = 0;
        // one product per vector: multiply on the fly (the pre-scaled copy of scaledOperator costs more than it saves)
        double[] y = new double[n];
        for (int c = 0; c < count; c++) {
            values[c] = sigma - 1.0 / r.thetas()[c];
            double[] x = r.vectors()[c];
            w.multiplyScaled(invDd, x, y);
            double s = 0;
            for (int i = 0; i < n; i++) {
                double e = y[i] - values[c] * x[i];
                s += e * e;
            }
            residual = Math.max(residual, Math.sqrt(s));
        }
        return new EigenPairs(values, r.vectors(), "envelope shift-invert (b=" + b + ", " + offset[n] + " entries)", r.steps(), 0, residual,
                r.converged());
    }
}
