package org.ncw.engine.ica;

/**
 * The work of one FastICA iteration over the samples: for each row w_i of W, y = w_i . x(t), then g(y) and
 * sum_t g'(y), then sum_t g(y) x_j(t). Each step is its own simple loop over flat arrays rather than one fused
 * loop: C2 vectorises the projection and the rational tanh only that way, which measured about four times faster
 * than the fused loop on the project machine (2 x 251370 samples: ~1.1 ms against ~4.5 ms per row pair).
 */
final class ContrastPass {
    private final double[][] x;
    private final int n;
    private final double[] g;
    private final double[] scratch;

    /** @param x m x n white data, read only */
    ContrastPass(double[][] x) {
        this.x = x;
        this.n = x[0].length;
        this.g = new double[n];
        this.scratch = new double[n];
    }

    /**
     * @param w  rows x m, row-major
     * @param gx out: rows x m, sum_t g(w_i . x(t)) x_j(t)
     * @param gp out: rows, sum_t g'(w_i . x(t))
     */
    void accumulate(double[] w, int rows, FastIcaOptions.Contrast contrast, double alpha, double[] gx, double[] gp) {
        int m = x.length;
        for (int i = 0; i < rows; i++) {
            project(w, i * m, g);
            gp[i] = switch (contrast) {
                case LOGCOSH -> logcosh(alpha);
                case EXP -> exp();
                case CUBE -> cube();
            };
            for (int j = 0; j < m; j++) {
                gx[i * m + j] = dot(g, x[j]);
            }
        }
    }

    private void project(double[] w, int offset, double[] y) {
        double[] x0 = x[0];
        double w0 = w[offset];
        for (int t = 0; t < n; t++) {
            y[t] = w0 * x0[t];
        }
        for (int j = 1; j < x.length; j++) {
            double[] xj = x[j];
            double wj = w[offset + j];
            for (int t = 0; t < n; t++) {
                y[t] += wj * xj[t];
            }
        }
    }

    /** g = tanh(a y) in place; returns sum g' = a sum (1 - g^2). */
    private double logcosh(double alpha) {
        for (int t = 0; t < n; t++) {
            g[t] = FastTanh.tanh(alpha * g[t]);
        }
        return alpha * (n - dot(g, g));
    }

    /** g = y exp(-y^2/2) in place; returns sum g' = sum (1 - y^2) exp(-y^2/2). */
    private double exp() {
        double[] d = scratch;
        for (int t = 0; t < n; t++) {
            double y = g[t];
            double e = Math.exp(-0.5 * y * y);
            g[t] = y * e;
            d[t] = (1 - y * y) * e;
        }
        return sum(d);
    }

    /** g = y^3 in place; returns sum g' = 3 sum y^2. */
    private double cube() {
        double squares = dot(g, g);
        for (int t = 0; t < n; t++) {
            double y = g[t];
            g[t] = y * y * y;
        }
        return 3 * squares;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int t = 0; t < a.length; t++) {
            s += a[t] * b[t];
        }
        return s;
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

}
