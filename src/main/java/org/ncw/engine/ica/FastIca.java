package org.ncw.engine.ica;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.TaskMonitor;

import java.util.Objects;
import java.util.Random;

/**
 * FastICA (Hyvärinen 1999), a port of scikit-learn 1.2's {@code FastICA} with {@code whiten="unit-variance"}.
 * Input layout: rows are signals, {@code x[signal][sample]} (m signals of n samples each).
 *
 * <p>Why not Smile's {@code smile.ica.ICA}: it has only the deflation algorithm, no cube contrast, no initial
 * matrix, and it reports non-convergence only as a log warning; here the result carries the iteration count and a
 * {@code converged} flag. Each iteration makes a few vectorisable passes over flat arrays ({@link ContrastPass}), so
 * two 11.4 s signals at 22050 Hz separate in a few milliseconds.
 */
public final class FastIca {
    /** Eigenvalues of the covariance below this fraction of the largest mean linearly dependent inputs. */
    private static final double RANK_TOLERANCE = 1e-12;

    private FastIca() {
    }

    public static FastIcaResult fit(double[][] x, FastIcaOptions options, TaskMonitor monitor) {
        return fit(x, options, null, monitor);
    }

    /**
     * As {@link #fit(double[][], FastIcaOptions, TaskMonitor)}, starting from {@code initialUnmixing} (p x p,
     * scikit-learn's {@code w_init}) instead of a seeded Gaussian matrix; {@code null} uses the seed.
     */
    public static FastIcaResult fit(double[][] x, FastIcaOptions options, double[][] initialUnmixing,
                                    TaskMonitor monitor) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(monitor, "monitor");
        double[] sums = checkedSums(x);
        int n = x[0].length;
        int m = x.length;
        int p = options.componentsFor(m);
        double[] wInit = initialUnmixing == null ? gaussian(p, options.seed()) : flatten(initialUnmixing, p);

        double[] mean = new double[m];
        double[][] whitening = null;
        double[][] covariance = null;
        double[][] white;
        if (options.whiten()) {
            for (int i = 0; i < m; i++) {
                mean[i] = sums[i] / n;
            }
            covariance = scatter(x, mean);
            whitening = whitening(covariance, p);
            white = project(whitening, x, mean, Math.sqrt(n));
        } else {
            white = x;
        }

        Fit fit = options.algorithm() == FastIcaOptions.Algorithm.PARALLEL
                ? parallel(white, wInit, p, options, monitor)
                : deflation(white, wInit, p, options, monitor);

        double[][] unmixing = whitening == null ? unflatten(fit.w, p, p) : multiply(unflatten(fit.w, p, p), whitening);
        if (covariance != null) {
            // unit-variance sources: the variance of u . (x - mean) is u C u^T / n, no pass over the samples needed
            for (double[] u : unmixing) {
                double variance = 0;
                for (int j = 0; j < m; j++) {
                    for (int k = 0; k < m; k++) {
                        variance += u[j] * covariance[j][k] * u[k];
                    }
                }
                double sd = Math.sqrt(variance / n);
                if (sd > 0) {
                    scale(u, 1.0 / sd);
                }
            }
        }
        double[][] sources = project(unmixing, x, mean, 1.0);
        double[][] mixing = new SingularValueDecomposition(new Array2DRowRealMatrix(unmixing, false))
                .getSolver().getInverse().getData();
        monitor.done();
        return new FastIcaResult(sources, unmixing, mixing, whitening, mean, fit.iterations, fit.converged,
                fit.lastChange);
    }

    private record Fit(double[] w, int iterations, boolean converged, double lastChange) {
    }

    /** Symmetric FastICA: all rows of W updated together, then W <- (W W^T)^{-1/2} W. */
    private static Fit parallel(double[][] x, double[] wInit, int p, FastIcaOptions o, TaskMonitor monitor) {
        int n = x[0].length;
        double[] w = symmetricDecorrelation(wInit, p);
        double[] gx = new double[p * p];
        double[] gp = new double[p];
        ContrastPass pass = new ContrastPass(x);
        double lim = Double.NaN;
        for (int it = 0; it < o.maxIter(); it++) {
            monitor.step(it, o.maxIter());
            pass.accumulate(w, p, o.contrast(), o.alpha(), gx, gp);
            double[] w1 = new double[p * p];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    w1[i * p + j] = gx[i * p + j] / n - gp[i] / n * w[i * p + j];
                }
            }
            w1 = symmetricDecorrelation(w1, p);
            lim = 0;
            for (int i = 0; i < p; i++) {
                double dot = 0;
                for (int j = 0; j < p; j++) {
                    dot += w1[i * p + j] * w[i * p + j];
                }
                lim = Math.max(lim, Math.abs(Math.abs(dot) - 1));
            }
            w = w1;
            if (lim < o.tol()) {
                return new Fit(w, it + 1, true, lim);
            }
        }
        return new Fit(w, o.maxIter(), false, lim);
    }

    /** Deflationary FastICA: one component at a time, Gram-Schmidt against the ones already found. */
    private static Fit deflation(double[][] x, double[] wInit, int p, FastIcaOptions o, TaskMonitor monitor) {
        int n = x[0].length;
        double[] w = new double[p * p];
        double[] gx = new double[p];
        double[] gp = new double[1];
        ContrastPass pass = new ContrastPass(x);
        int maxIterations = 0;
        boolean allConverged = true;
        double worst = 0;
        for (int c = 0; c < p; c++) {
            double[] wc = new double[p];
            System.arraycopy(wInit, c * p, wc, 0, p);
            normalize(wc);
            boolean converged = false;
            double lim = Double.NaN;
            int it = 0;
            while (it < o.maxIter()) {
                monitor.step((long) c * o.maxIter() + it, (long) p * o.maxIter());
                pass.accumulate(wc, 1, o.contrast(), o.alpha(), gx, gp);
                double[] w1 = new double[p];
                for (int j = 0; j < p; j++) {
                    w1[j] = gx[j] / n - gp[0] / n * wc[j];
                }
                for (int k = 0; k < c; k++) {
                    double dot = 0;
                    for (int j = 0; j < p; j++) {
                        dot += w1[j] * w[k * p + j];
                    }
                    for (int j = 0; j < p; j++) {
                        w1[j] -= dot * w[k * p + j];
                    }
                }
                normalize(w1);
                double dot = 0;
                for (int j = 0; j < p; j++) {
                    dot += w1[j] * wc[j];
                }
                lim = Math.abs(Math.abs(dot) - 1);
                wc = w1;
                it++;
                if (lim < o.tol()) {
                    converged = true;
                    break;
                }
            }
            System.arraycopy(wc, 0, w, c * p, p);
            maxIterations = Math.max(maxIterations, it);
            allConverged &= converged;
            worst = Math.max(worst, lim);
        }
        return new Fit(w, maxIterations, allConverged, worst);
    }

    /** W <- (W W^T)^{-1/2} W, via the eigen-decomposition of W W^T (p x p, flat row-major). */
    static double[] symmetricDecorrelation(double[] w, int p) {
        double[][] wwt = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = 0; k < p; k++) {
                    s += w[i * p + k] * w[j * p + k];
                }
                wwt[i][j] = s;
            }
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(wwt, false));
        RealMatrix u = eig.getV();
        double[] s = eig.getRealEigenvalues();
        double[][] inverseRoot = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double acc = 0;
                for (int k = 0; k < p; k++) {
                    acc += u.getEntry(i, k) * u.getEntry(j, k) / Math.sqrt(Math.max(s[k], Double.MIN_NORMAL));
                }
                inverseRoot[i][j] = acc;
            }
        }
        double[] out = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double acc = 0;
                for (int k = 0; k < p; k++) {
                    acc += inverseRoot[i][k] * w[k * p + j];
                }
                out[i * p + j] = acc;
            }
        }
        return out;
    }

    /** The unnormalised covariance (scatter) matrix sum_t (x_i(t) - mean_i)(x_j(t) - mean_j). */
    private static double[][] scatter(double[][] x, double[] mean) {
        int m = x.length;
        int n = x[0].length;
        double[][] cov = new double[m][m];
        if (m == 2) {
            double[] a = x[0];
            double[] b = x[1];
            double s00 = 0;
            double s01 = 0;
            double s11 = 0;
            for (int t = 0; t < n; t++) {
                double da = a[t] - mean[0];
                double db = b[t] - mean[1];
                s00 += da * da;
                s01 += da * db;
                s11 += db * db;
            }
            cov[0][0] = s00;
            cov[0][1] = s01;
            cov[1][0] = s01;
            cov[1][1] = s11;
            return cov;
        }
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double[] a = x[i];
                double[] b = x[j];
                double ma = mean[i];
                double mb = mean[j];
                double s = 0;
                for (int t = 0; t < n; t++) {
                    s += (a[t] - ma) * (b[t] - mb);
                }
                cov[i][j] = s;
                cov[j][i] = s;
            }
        }
        return cov;
    }

    /**
     * The p x m whitening matrix K = D^{-1/2} U^T from the eigen-decomposition of the (unnormalised) covariance
     * of the centred input, largest eigenvalues first, each eigenvector's first entry made non-negative
     * (scikit-learn's sign convention), so K (x - mean) sqrt(n) has identity covariance.
     */
    private static double[][] whitening(double[][] cov, int p) {
        int m = cov.length;
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(cov, false));
        double[] values = eig.getRealEigenvalues();
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        double largest = values[order[0]];
        double[][] k = new double[p][m];
        for (int i = 0; i < p; i++) {
            double lambda = values[order[i]];
            if (!(largest > 0) || lambda <= largest * RANK_TOLERANCE) {
                throw new InvalidParameterException(largest > 0
                        ? "the input signals are linearly dependent (e.g. the same signal twice, or one a scaled "
                          + "copy of another): ICA needs " + p + " independent mixtures"
                        : "the input signals are constant (e.g. silence): nothing to separate");
            }
            double[] u = eig.getEigenvector(order[i]).toArray();
            double sign = u[0] < 0 ? -1 : 1;
            double d = Math.sqrt(lambda);
            for (int j = 0; j < m; j++) {
                k[i][j] = sign * u[j] / d;
            }
        }
        return k;
    }

    /** rows = a (x - mean) * factor: one pass per input signal and output row (one in all for pairs). */
    private static double[][] project(double[][] a, double[][] x, double[] mean, double factor) {
        int n = x[0].length;
        double[][] out = new double[a.length][n];
        for (int i = 0; i < a.length; i++) {
            double[] row = out[i];
            double offset = 0;
            for (int j = 0; j < x.length; j++) {
                offset += a[i][j] * factor * mean[j];
            }
            double c0 = a[i][0] * factor;
            double[] x0 = x[0];
            if (x.length == 2) {
                double c1 = a[i][1] * factor;
                double[] x1 = x[1];
                for (int t = 0; t < n; t++) {
                    row[t] = c0 * x0[t] + c1 * x1[t] - offset;
                }
                continue;
            }
            for (int t = 0; t < n; t++) {
                row[t] = c0 * x0[t] - offset;
            }
            for (int j = 1; j < x.length; j++) {
                double c = a[i][j] * factor;
                double[] xj = x[j];
                for (int t = 0; t < n; t++) {
                    row[t] += c * xj[t];
                }
            }
        }
        return out;
    }

    /** Checks shape and finiteness; returns each signal's sum (reused for the mean). */
    private static double[] checkedSums(double[][] x) {
        if (x == null || x.length == 0) {
            throw new InvalidParameterException("x must hold at least one signal (rows = signals)");
        }
        int n = x[0] == null ? 0 : x[0].length;
        double[] sums = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != n) {
                throw new InvalidParameterException("all signals must have the same length: signal 0 has " + n
                        + " samples, signal " + i + " has " + (x[i] == null ? "none" : x[i].length));
            }
            sums[i] = sum(x[i]);
            if (!Double.isFinite(sums[i])) { // a NaN or infinite sample makes the sum non-finite
                for (int t = 0; t < n; t++) {
                    if (!Double.isFinite(x[i][t])) {
                        throw new InvalidParameterException("signal " + i + " has a non-finite sample at index " + t
                                + ": " + x[i][t]);
                    }
                }
                throw new InvalidParameterException("signal " + i + " has samples too large to sum (|x| near "
                        + Double.MAX_VALUE + ")");
            }
        }
        if (n < 2) {
            throw new InvalidParameterException("signals need at least 2 samples, got " + n);
        }
        return sums;
    }

    private static double[] gaussian(int p, long seed) {
        Random r = new Random(seed);
        double[] w = new double[p * p];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextGaussian();
        }
        return w;
    }

    private static double[] flatten(double[][] a, int p) {
        if (a.length != p) {
            throw new InvalidParameterException("initialUnmixing must be " + p + " x " + p + ", got " + a.length
                    + " rows");
        }
        double[] out = new double[p * p];
        for (int i = 0; i < p; i++) {
            if (a[i].length != p) {
                throw new InvalidParameterException("initialUnmixing must be " + p + " x " + p + ", row " + i
                        + " has " + a[i].length + " entries");
            }
            System.arraycopy(a[i], 0, out, i * p, p);
        }
        return out;
    }

    private static double[][] unflatten(double[] a, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(a, i * cols, out[i], 0, cols);
        }
        return out;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] out = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                double s = 0;
                for (int k = 0; k < b.length; k++) {
                    s += a[i][k] * b[k][j];
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    private static void normalize(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        scale(v, 1.0 / Math.sqrt(s));
    }

    private static void scale(double[] v, double f) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= f;
        }
    }

    static double mean(double[] v) {
        return sum(v) / v.length;
    }

    /** Sum with four partial sums (independent add chains run in parallel). */
    static double sum(double[] v) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int t = 0;
        for (; t + 3 < v.length; t += 4) {
            s0 += v[t];
            s1 += v[t + 1];
            s2 += v[t + 2];
            s3 += v[t + 3];
        }
        for (; t < v.length; t++) {
            s0 += v[t];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
