package org.ncw.engine.ica;

/**
 * The one pass over the samples that each FastICA iteration needs: for every sample t and row i of W,
 * y = w_i . x(t), then g(y) and g'(y) together, accumulating sum_t g(y) x(t) and sum_t g'(y).
 * Two input signals (the pair separation case) get an unrolled loop.
 */
final class ContrastPass {
    private ContrastPass() {
    }

    /**
     * @param x     m x n data (white)
     * @param w     rows x m, row-major
     * @param gx    out: rows x m, sum_t g(w_i . x(t)) x_j(t)
     * @param gp    out: rows, sum_t g'(w_i . x(t))
     */
    static void accumulate(double[][] x, double[] w, int rows, FastIcaOptions.Contrast contrast, double alpha,
                           double[] gx, double[] gp) {
        int m = x.length;
        java.util.Arrays.fill(gx, 0, rows * m, 0);
        java.util.Arrays.fill(gp, 0, rows, 0);
        if (m == 2) {
            for (int i = 0; i < rows; i++) {
                accumulate2(x[0], x[1], w[i * 2], w[i * 2 + 1], contrast, alpha, gx, gp, i);
            }
            return;
        }
        int n = x[0].length;
        double[] g = new double[2];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < rows; i++) {
                double y = 0;
                for (int j = 0; j < m; j++) {
                    y += w[i * m + j] * x[j][t];
                }
                evaluate(contrast, alpha, y, g);
                gp[i] += g[1];
                for (int j = 0; j < m; j++) {
                    gx[i * m + j] += g[0] * x[j][t];
                }
            }
        }
    }

    private static void accumulate2(double[] x0, double[] x1, double w0, double w1,
                                    FastIcaOptions.Contrast contrast, double alpha, double[] gx, double[] gp, int row) {
        int n = x0.length;
        double s0 = 0;
        double s1 = 0;
        double sd = 0;
        switch (contrast) {
            case LOGCOSH -> {
                for (int t = 0; t < n; t++) {
                    double a = x0[t];
                    double b = x1[t];
                    double g = FastTanh.tanh(alpha * (w0 * a + w1 * b));
                    s0 += g * a;
                    s1 += g * b;
                    sd += g * g;
                }
                sd = alpha * (n - sd);
            }
            case EXP -> {
                for (int t = 0; t < n; t++) {
                    double a = x0[t];
                    double b = x1[t];
                    double y = w0 * a + w1 * b;
                    double y2 = y * y;
                    double e = Math.exp(-0.5 * y2);
                    double g = y * e;
                    s0 += g * a;
                    s1 += g * b;
                    sd += (1 - y2) * e;
                }
            }
            case CUBE -> {
                for (int t = 0; t < n; t++) {
                    double a = x0[t];
                    double b = x1[t];
                    double y = w0 * a + w1 * b;
                    double y2 = y * y;
                    double g = y2 * y;
                    s0 += g * a;
                    s1 += g * b;
                    sd += y2;
                }
                sd *= 3;
            }
        }
        gx[row * 2] = s0;
        gx[row * 2 + 1] = s1;
        gp[row] = sd;
    }

    /** out[0] = g(y), out[1] = g'(y) for the contrast's G. */
    static void evaluate(FastIcaOptions.Contrast contrast, double alpha, double y, double[] out) {
        switch (contrast) {
            case LOGCOSH -> {
                double g = FastTanh.tanh(alpha * y);
                out[0] = g;
                out[1] = alpha * (1 - g * g);
            }
            case EXP -> {
                double e = Math.exp(-0.5 * y * y);
                out[0] = y * e;
                out[1] = (1 - y * y) * e;
            }
            case CUBE -> {
                out[0] = y * y * y;
                out[1] = 3 * y * y;
            }
        }
    }
}
