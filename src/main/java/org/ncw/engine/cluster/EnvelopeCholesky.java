package org.ncw.engine.cluster;

/**
 * Cholesky factorisation and solves of a symmetric positive definite matrix in envelope (profile) storage: row i
 * holds its lower part from column {@code first[i]} to the diagonal, at {@code env[offset[i] ..]}. Fill-in stays
 * inside the envelope, so the factor overwrites the matrix; the work is about the sum of the squared row widths.
 */
public final class EnvelopeCholesky {
    private EnvelopeCholesky() {
    }

    /**
     * Factors the first {@code m} rows in place into L (lower, same envelope). A pivot that rounding made
     * non-positive (S with eigenvalue 1 more than once, so sigma I - S is singular to rounding) becomes
     * sqrt({@code tinyPivot}).
     */
    public static void factor(double[] env, int[] first, int[] offset, int m, double tinyPivot) {
        // reciprocal pivots: a multiplication per entry instead of a division
        double[] inversePivot = new double[m];
        for (int i = 0; i < m; i++) {
            int fi = first[i];
            int bi = offset[i] - fi;
            for (int j = fi; j < i; j++) {
                int fj = first[j];
                env[bi + j] = (env[bi + j] - Vectors.dot(env, bi, env, offset[j] - fj, Math.max(fi, fj), j)) * inversePivot[j];
            }
            double x = env[bi + i] - Vectors.dot(env, bi, env, bi, fi, i);
            env[bi + i] = Math.sqrt(x > 0 ? x : tinyPivot);
            inversePivot[i] = 1.0 / env[bi + i];
        }
    }

    /** Solves L L^T x = b in place with the factor of {@link #factor}. */
    public static void solve(double[] env, int[] first, int[] offset, int m, double[] b) {
        for (int i = 0; i < m; i++) {
            int bi = offset[i] - first[i];
            b[i] = (b[i] - Vectors.dot(env, bi, b, 0, first[i], i)) / env[bi + i];
        }
        for (int i = m - 1; i >= 0; i--) {
            int bi = offset[i] - first[i];
            double x = b[i] / env[bi + i];
            b[i] = x;
            for (int p = first[i]; p < i; p++) {
                b[p] -= env[bi + p] * x;
            }
        }
    }
}
