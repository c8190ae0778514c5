package org.ncw.engine.cluster;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ncw.engine.core.TaskMonitor;

/**
 * Largest eigenpairs of a symmetric operator by thick-restarted Lanczos (symmetric Krylov-Schur) with full
 * reorthogonalisation against the basis and against known eigenvectors (deflation). Pure Java, works on
 * any matrix-vector product; memory is (ncv + 1) vectors of length n.
 */
final class LanczosSolver {
    /** Vector length from which dot products and updates run on all cores (in blocks of this length). */
    private static final int PARALLEL_LENGTH = 1 << 14;
    /** Rows per block of the fused coefficient pass (the block of w stays in cache across the basis vectors). */
    private static final int GRAM_BLOCK = 4096;

    /** Target bound on the angle between a returned vector and the wanted eigenspace. */
    static final double VECTOR_TOLERANCE = 1e-5;

    @FunctionalInterface
    interface Operator {
        void apply(double[] x, double[] y);
    }

    private LanczosSolver() {
    }

    /**
     * @param deflated    orthonormal vectors already known to be eigenvectors; the result is orthogonal to them
     * @param tolerance   converged when ||A x - theta x|| <= tolerance * max(|theta|, 1e-3) for every wanted pair
     * @param maxRestarts cap on restarts; the best current Ritz pairs are returned when it is hit
     */
    static EigenPairs largest(int n, Operator op, int nev, double[][] deflated, long seed, double tolerance,
                              int maxRestarts, TaskMonitor monitor) {
        return largest(n, op, nev, deflated, null, seed, tolerance, maxRestarts, monitor);
    }

    /** @param start a start vector close to the wanted eigenvectors (e.g. from a coarse level), or null = random */
    static EigenPairs largest(int n, Operator op, int nev, double[][] deflated, double[] start, long seed,
                              double tolerance, int maxRestarts, TaskMonitor monitor) {
        int free = n - deflated.length;
        if (nev <= 0 || nev >= free) {
            throw new IllegalArgumentException("Lanczos needs 0 < nev < n - deflated, got nev=" + nev + ", n=" + n
                    + ", deflated=" + deflated.length);
        }
        int m = Math.min(free, Math.max(2 * nev + 1, n > 1_000_000 ? 12 : 20));
        double[][] v = new double[m + 1][];
        double[][] h = new double[m + 1][m];
        SplittableRandom random = new SplittableRandom(seed);
        v[0] = start == null ? randomStart(n, random, deflated, v, 0) : startFrom(start, deflated);
        double[] w = new double[n];
        int p = 0;
        int matVecs = 0;
        double[] theta = null;
        double[][] y = null;
        double[] residual = new double[m];
        double beta = 0;
        int restart = 0;
        while (true) {
            for (int j = p; j < m; j++) {
                op.apply(v[j], w);
                matVecs++;
                // the recurrence's own couplings first (alpha v_j, beta v_j-1): they carry almost all of w, so the
                // full pass after them removes only rounding and rarely needs repeating
                double[] local = dots(v[j], w);
                double alpha = local[0];
                double product = Math.sqrt(local[1]);
                double betaPrevious = j > p ? h[j][j - 1] : 0.0;
                double[] before = new double[1];
                double after = orthogonalizeAll(w, j > p ? new double[][] {v[j], v[j - 1]} : new double[][] {v[j]},
                        new double[] {alpha, betaPrevious}, before, deflated, v, j + 1, h, j);
                h[j][j] += alpha;
                if (j > p) {
                    h[j - 1][j] += betaPrevious;
                }
                if (after < 0.7071 * before[0]) {
                    after = orthogonalizeAll(w, new double[0][], null, before, deflated, v, j + 1, h, j);
                }
                before[0] = Math.max(before[0], product);
                if (v[j + 1] == null) {
                    v[j + 1] = new double[n];
                }
                if (after <= 1e-13 * Math.max(1.0, before[0])) {
                    // invariant subspace found: continue with a fresh direction, uncoupled
                    double[] fresh = randomStart(n, random, deflated, v, j + 1);
                    System.arraycopy(fresh, 0, v[j + 1], 0, n);
                    h[j + 1][j] = 0;
                } else {
                    scale(w, 1.0 / after, v[j + 1]);
                    h[j + 1][j] = after;
                }
            }
            double[] t = new double[m * m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    t[i * m + j] = h[i][j];
                }
            }
            SymmetricEigen ritz = SymmetricEigen.of(t, m);
            theta = ritz.values();
            y = ritz.vectors();
            beta = h[m][m - 1];
            boolean converged = true;
            double worst = 0;
            for (int i = 0; i < m; i++) {
                residual[i] = Math.abs(beta * y[m - 1][i]);
            }
            double firstUnwanted = theta[nev];
            for (int i = 0; i < nev; i++) {
                worst = Math.max(worst, residual[i]);
                // either the residual is tiny, or (Davis-Kahan) the vector's angle to the wanted invariant
                // subspace, at most residual / gap, is below VECTOR_TOLERANCE
                boolean small = residual[i] <= tolerance * Math.max(Math.abs(theta[i]), 1e-3);
                boolean separated = residual[i] <= VECTOR_TOLERANCE * (theta[i] - firstUnwanted);
                if (!small && !separated) {
                    converged = false;
                }
            }
            monitor.step(restart, maxRestarts);
            if (converged || restart >= maxRestarts) {
                double[][] x = combine(v, y, m, nev, n);
                double[] values = java.util.Arrays.copyOf(theta, nev);
                return new EigenPairs(values, x, "lanczos", matVecs, restart, worst, converged);
            }
            restart++;
            // thick restart: keep p Ritz vectors, then the last Lanczos vector
            p = Math.min(m - 1, nev + (m - nev) / 2);
            rotateInPlace(v, y, m, p, n);
            double[] last = v[m];
            v[m] = v[p];
            v[p] = last;
            for (double[] row : h) {
                java.util.Arrays.fill(row, 0);
            }
            for (int i = 0; i < p; i++) {
                h[i][i] = theta[i];
                h[p][i] = beta * y[m - 1][i];
            }
        }
    }

    private static double[] startFrom(double[] start, double[][] deflated) {
        double[] v = start.clone();
        for (int pass = 0; pass < 2; pass++) {
            orthogonalize(v, deflated, deflated.length);
        }
        scale(v, 1.0 / norm(v), v);
        return v;
    }

    private static double[] randomStart(int n, SplittableRandom random, double[][] deflated, double[][] basis,
                                        int basisSize) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 2 * random.nextDouble() - 1; // uniform(-1, 1) like sklearn's ARPACK v0
        }
        for (int pass = 0; pass < 2; pass++) {
            orthogonalize(v, deflated, deflated.length);
            orthogonalize(v, basis, basisSize);
        }
        double norm = norm(v);
        scale(v, 1.0 / norm, v);
        return v;
    }

    /** w -= sum_i (b_i . w) b_i over the first {@code count} vectors (start vectors; steps use orthogonalizeAll). */
    private static void orthogonalize(double[] w, double[][] basis, int count) {
        if (count == 0) {
            return;
        }
        // all coefficients in one blocked pass: w is read once, not once per basis vector
        double[] c = MultilevelEigen.gram(java.util.Arrays.copyOf(basis, count), new double[][] {w});
        subtract(w, basis, c, count);
    }

    /**
     * One classical Gram-Schmidt pass of w against the deflated vectors and the first {@code count} basis vectors
     * together; the basis coefficients are added to h[i][col]. Before it, in the same pass over the blocks, w loses
     * sum_i preCoef[i] pre[i] (the recurrence's own couplings, known in advance), and the norm of what is left goes
     * to {@code normBefore[0]}. Returns ||w|| after.
     */
    private static double orthogonalizeAll(double[] w, double[][] pre, double[] preCoef, double[] normBefore,
                                           double[][] deflated, double[][] basis, int count, double[][] h,
                                           int col) {
        int d = deflated.length;
        double[][] all = new double[d + count][];
        System.arraycopy(deflated, 0, all, 0, d);
        System.arraycopy(basis, 0, all, d, count);
        int k = all.length;
        int n = w.length;
        int blocks = (n + GRAM_BLOCK - 1) / GRAM_BLOCK;
        double[][] partial = new double[blocks][];
        IntStream range = IntStream.range(0, blocks);
        (n >= PARALLEL_LENGTH ? range.parallel() : range).forEach(bk -> {
            int from = bk * GRAM_BLOCK;
            int to = Math.min(n, from + GRAM_BLOCK);
            for (int i = 0; i < pre.length; i++) {
                double c = preCoef[i];
                double[] b = pre[i];
                for (int r = from; r < to; r++) {
                    w[r] -= c * b[r];
                }
            }
            double[] g = new double[k + 1];
            for (int a = 0; a < k; a++) {
                g[a] = Vectors.dot(all[a], 0, w, 0, from, to);
            }
            g[k] = Vectors.dot(w, 0, w, 0, from, to);
            partial[bk] = g;
        });
        double[] c = new double[k + 1];
        for (double[] g : partial) {
            for (int t = 0; t <= k; t++) {
                c[t] += g[t];
            }
        }
        normBefore[0] = Math.sqrt(c[k]);
        double after = Math.sqrt(subtract(w, all, c, k));
        for (int i = 0; i < count; i++) {
            h[i][col] += c[d + i];
        }
        return after;
    }

    /** w -= sum_i c_i b_i over the first {@code count} vectors; returns ||w||^2 after, from the same pass. */
    private static double subtract(double[] w, double[][] basis, double[] c, int count) {
        int n = w.length;
        int blocks = (n + PARALLEL_LENGTH - 1) / PARALLEL_LENGTH;
        double[] partial = new double[blocks];
        forBlocks(n, (from, to) -> {
            for (int i = 0; i < count; i++) {
                double ci = c[i];
                double[] b = basis[i];
                for (int r = from; r < to; r++) {
                    w[r] -= ci * b[r];
                }
            }
            partial[from / PARALLEL_LENGTH] = Vectors.dot(w, 0, w, 0, from, to);
        });
        double s = 0;
        for (double q : partial) {
            s += q;
        }
        return s;
    }

    /** {a . b, b . b} in one pass, in fixed blocks summed in order. */
    private static double[] dots(double[] a, double[] b) {
        int n = a.length;
        int blocks = (n + PARALLEL_LENGTH - 1) / PARALLEL_LENGTH;
        double[] ab = new double[blocks];
        double[] bb = new double[blocks];
        forBlocks(n, (from, to) -> {
            double s = 0;
            double t = 0;
            for (int r = from; r < to; r++) {
                s += a[r] * b[r];
                t += b[r] * b[r];
            }
            ab[from / PARALLEL_LENGTH] = s;
            bb[from / PARALLEL_LENGTH] = t;
        });
        double s = 0;
        double t = 0;
        for (int k = 0; k < blocks; k++) {
            s += ab[k];
            t += bb[k];
        }
        return new double[] {s, t};
    }

    /** x_c = sum_j v_j * y[j][c] for c < nev, as new arrays. */
    private static double[][] combine(double[][] v, double[][] y, int m, int nev, int n) {
        double[][] x = new double[nev][n];
        forBlocks(n, (from, to) -> {
            for (int c = 0; c < nev; c++) {
                double[] xc = x[c];
                for (int j = 0; j < m; j++) {
                    double coef = y[j][c];
                    double[] vj = v[j];
                    for (int r = from; r < to; r++) {
                        xc[r] += coef * vj[r];
                    }
                }
            }
        });
        for (double[] xc : x) {
            scale(xc, 1.0 / norm(xc), xc);
        }
        return x;
    }

    /**
     * v_i <- sum_j v_j * y[j][i] for i < p, in place: a block of rows at a time, each new vector's block summed from
     * the old blocks by element-wise updates (vectorised) into a buffer, then written back.
     */
    private static void rotateInPlace(double[][] v, double[][] y, int m, int p, int n) {
        int rows = 1024;
        forBlocks(n, (from, to) -> {
            double[][] out = new double[p][rows];
            for (int r0 = from; r0 < to; r0 += rows) {
                int len = Math.min(rows, to - r0);
                int i = 0;
                // four outputs per pass over the old vectors: each loaded element feeds four updates
                for (; i + 3 < p; i += 4) {
                    double[] o0 = out[i];
                    double[] o1 = out[i + 1];
                    double[] o2 = out[i + 2];
                    double[] o3 = out[i + 3];
                    java.util.Arrays.fill(o0, 0, len, 0.0);
                    java.util.Arrays.fill(o1, 0, len, 0.0);
                    java.util.Arrays.fill(o2, 0, len, 0.0);
                    java.util.Arrays.fill(o3, 0, len, 0.0);
                    for (int j = 0; j < m; j++) {
                        double c0 = y[j][i];
                        double c1 = y[j][i + 1];
                        double c2 = y[j][i + 2];
                        double c3 = y[j][i + 3];
                        double[] vj = v[j];
                        for (int r = 0; r < len; r++) {
                            double x = vj[r0 + r];
                            o0[r] += c0 * x;
                            o1[r] += c1 * x;
                            o2[r] += c2 * x;
                            o3[r] += c3 * x;
                        }
                    }
                }
                for (; i < p; i++) {
                    double[] o = out[i];
                    java.util.Arrays.fill(o, 0, len, 0.0);
                    for (int j = 0; j < m; j++) {
                        double coef = y[j][i];
                        double[] vj = v[j];
                        for (int r = 0; r < len; r++) {
                            o[r] += coef * vj[r0 + r];
                        }
                    }
                }
                for (int t = 0; t < p; t++) {
                    System.arraycopy(out[t], 0, v[t], r0, len);
                }
            }
        });
    }

    static double dot(double[] a, double[] b) {
        int n = a.length;
        if (n < PARALLEL_LENGTH) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += a[i] * b[i];
            }
            return s;
        }
        // fixed blocks summed in order: the same bits whatever the number of cores
        int blocks = (n + PARALLEL_LENGTH - 1) / PARALLEL_LENGTH;
        double[] partial = new double[blocks];
        IntStream.range(0, blocks).parallel().forEach(bk -> {
            double s = 0;
            int end = Math.min(n, (bk + 1) * PARALLEL_LENGTH);
            for (int i = bk * PARALLEL_LENGTH; i < end; i++) {
                s += a[i] * b[i];
            }
            partial[bk] = s;
        });
        double s = 0;
        for (double p : partial) {
            s += p;
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void scale(double[] a, double f, double[] out) {
        forBlocks(a.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = a[i] * f;
            }
        });
    }

    @FunctionalInterface
    private interface Block {
        void run(int from, int to);
    }

    private static void forBlocks(int n, Block block) {
        if (n < PARALLEL_LENGTH) {
            block.run(0, n);
            return;
        }
        int blocks = (n + PARALLEL_LENGTH - 1) / PARALLEL_LENGTH;
        IntStream.range(0, blocks).parallel().forEach(bk ->
                block.run(bk * PARALLEL_LENGTH, Math.min(n, (bk + 1) * PARALLEL_LENGTH)));
    }
}
