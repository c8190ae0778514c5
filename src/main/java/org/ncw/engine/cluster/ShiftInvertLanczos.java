package org.ncw.engine.cluster;

import org.apache.commons.math3.linear.EigenDecomposition;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The eigenvectors of the largest eigenvalues of A^-1 for a symmetric positive definite A given by a solver
 * (x := A^-1 x, e.g. with a Cholesky factor), orthogonal to known vectors: Lanczos with full reorthogonalisation
 * (DGKS) and two inverse-iteration sweeps that polish the Ritz vectors. With A = sigma I - S and sigma just above
 * S's largest eigenvalue this is shift-invert: S's top eigenvalues, separated by 1 / (sigma - lambda) however close
 * they are to each other (nearly disconnected graphs), so a few dozen steps suffice where plain Lanczos needs
 * hundreds of products.
 */
public final class ShiftInvertLanczos {
    /** Ritz values of A^-1 (descending) and their unit vectors. */
    public record Result(double[] thetas, double[][] vectors, int steps, boolean converged) {
    }

    /** Inverse-iteration sweeps after Lanczos when the caller does not say. */
    static final int REFINE_SWEEPS = 2;

    private ShiftInvertLanczos() {
    }

    /**
     * @param m        dimension
     * @param solve    replaces its argument x by A^-1 x
     * @param deflate  orthonormal vectors the result is kept orthogonal to
     * @param count    eigenvectors wanted
     * @param maxSteps Lanczos steps at most (the Krylov space is also capped at m - 1)
     * @param seed     seed of the start vector
     */
    public static Result largest(int m, Consumer<double[]> solve, double[][] deflate, int count, int maxSteps,
                                 long seed) {
        return largest(m, solve, deflate, count, maxSteps, seed, REFINE_SWEEPS);
    }

    /**
     * As {@link #largest(int, Consumer, double[][], int, int, long)} with {@code refineSweeps} polishing solves per
     * vector (1 is enough where no point is weakly connected: the magnification is 1 / sqrt(smallest degree)).
     */
    public static Result largest(int m, Consumer<double[]> solve, double[][] deflate, int count, int maxSteps,
                                 long seed, int refineSweeps) {
        int maxIter = Math.min(m - 1, maxSteps);
        double[][] q = new double[maxIter + 1][];
        double[] alpha = new double[maxIter];
        double[] beta = new double[maxIter];
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        double[] v = new double[m];
        // callers order the unknowns along a chain (sorted values, a column's bins), where the vector next to the
        // constant one is close to a half cosine: starting there saves a step or two; the seeded noise keeps a
        // component along every eigenvector
        for (int u = 0; u < m; u++) {
            v[u] = Math.cos(Math.PI * (u + 0.5) / m) + 0.1 * rnd.nextDouble(-1, 1);
        }
        orthogonaliseAll(v, deflate);
        normalise(v);
        q[0] = v;
        int steps = 0;
        boolean converged = false;
        EigenDecomposition ritz = null;
        for (int j = 0; j < maxIter; j++) {
            double[] w = q[j].clone();
            solve.accept(w);
            orthogonaliseAll(w, deflate);
            alpha[j] = dot(q[j], w);
            // full reorthogonalisation, a second pass only when the first removed most of w (DGKS criterion)
            double before = Math.sqrt(dot(w, w));
            double b = before;
            for (int pass = 0; pass < 2 && b < 0.7071 * before || pass == 0; pass++) {
                before = b;
                for (int p = 0; p <= j; p++) {
                    orthogonalise(w, q[p]);
                }
                orthogonaliseAll(w, deflate);
                b = Math.sqrt(dot(w, w));
            }
            beta[j] = b;
            steps = j + 1;
            boolean exhausted = b < 1e-12 * Math.abs(alpha[j]) || j + 1 == maxIter;
            if (steps >= count && (exhausted || steps % (steps < 32 ? 2 : 4) == 0)) {
                ritz = new EigenDecomposition(Arrays.copyOf(alpha, steps), Arrays.copyOf(beta, steps - 1));
                converged = converged(ritz, steps, count, b) || b < 1e-12 * Math.abs(alpha[j]);
                if (exhausted || converged) {
                    break;
                }
            }
            for (int u = 0; u < m; u++) {
                w[u] /= b;
            }
            q[j + 1] = w;
        }
        if (ritz == null) {
            throw new ArithmeticException("Lanczos found fewer than " + count + " vectors in " + steps + " steps");
        }
        // eigenvalues of the tridiagonal come sorted descending from commons-math
        double[] thetas = new double[count];
        double[][] out = new double[count][m];
        for (int c = 0; c < count; c++) {
            thetas[c] = ritz.getRealEigenvalue(c);
            double[] y = ritz.getEigenvector(c).toArray();
            for (int p = 0; p < steps; p++) {
                double yp = y[p];
                double[] qp = q[p];
                for (int u = 0; u < m; u++) {
                    out[c][u] += yp * qp[u];
                }
            }
            normalise(out[c]);
        }
        // Inverse-iteration sweeps polish the Ritz vectors: an embedding divides by sqrt(degree), which magnifies any
        // leftover component on weakly connected points (degree ~1e-20) into a fake outlier.
        for (int sweep = 0; sweep < refineSweeps; sweep++) {
            for (int c = 0; c < count; c++) {
                solve.accept(out[c]);
                for (int pass = 0; pass < 2; pass++) {
                    orthogonaliseAll(out[c], deflate);
                    for (int p = 0; p < c; p++) {
                        orthogonalise(out[c], out[p]);
                    }
                }
                normalise(out[c]);
            }
        }
        return new Result(thetas, out, steps, converged);
    }

    private static boolean converged(EigenDecomposition ritz, int steps, int count, double b) {
        for (int c = 0; c < count; c++) {
            double theta = ritz.getRealEigenvalue(c);
            double last = ritz.getEigenvector(c).getEntry(steps - 1);
            if (Math.abs(b * last) > 1e-10 * Math.abs(theta)) {
                return false;
            }
        }
        return true;
    }

    static double dot(double[] a, double[] b) {
        return Vectors.dot(a, 0, b, 0, 0, a.length);
    }

    private static void orthogonaliseAll(double[] w, double[][] qs) {
        for (double[] q : qs) {
            orthogonalise(w, q);
        }
    }

    private static void orthogonalise(double[] w, double[] q) {
        double d = dot(w, q);
        for (int i = 0; i < w.length; i++) {
            w[i] -= d * q[i];
        }
    }

    private static void normalise(double[] v) {
        double n = Math.sqrt(dot(v, v));
        if (n > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= n;
            }
        }
    }
}
