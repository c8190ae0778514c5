package org.ncw.engine.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ncw.engine.core.TaskMonitor;

/**
 * Approximate leading eigenvectors of M = D^-1/2 A D^-1/2 for very large sparse graphs, multilevel style:
 * the graph is coarsened by normalised heavy-edge matching until it is small, the coarse generalised problem
 * (Galerkin: summed weights, internal edges kept as self-loops so coarse degrees equal summed fine degrees)
 * is solved densely, and the vectors are prolongated level by level with a few smoothing steps and a
 * Rayleigh-Ritz projection at each level. The result is a start for the Lanczos polish on the finest graph:
 * the smooth, slowly converging part of the spectrum is what the coarse levels get right.
 */
final class MultilevelEigen {
    static final int COARSEST = 800;
    private static final int SMOOTHING_STEPS = 10;
    /**
     * Damped steps with (I + M) / 2 shrink no vector, and the smooth vectors kept here shrink alike, so the block
     * stays well conditioned over a few steps: orthonormalise every few steps, not every step.
     */
    private static final int ORTHONORMALIZE_EVERY = 5;
    /** Levels this large get only a few smoothing steps: they dominate the cost, and Lanczos polishes anyway. */
    private static final int LARGE_LEVEL = 250_000;
    private static final int LARGE_LEVEL_STEPS = 3;
    /**
     * Extra vectors carried through the levels: near-degenerate eigenvalues (long thin graphs) mix on coarse
     * levels, and a wider Rayleigh-Ritz subspace lets the finer levels sort them out.
     */
    private static final int SPARE_VECTORS = 4;

    private MultilevelEigen() {
    }

    /** One graph level: CSR with float weights; the finest level ignores its diagonal. */
    private static final class Level {
        final int n;
        final int[] rowPtr;
        final int[] cols;
        final float[] w;
        final boolean dropDiagonal;
        final double[] sqrtMass;
        final double[] invSqrtMass;
        int[] aggregate; // this level's node -> next coarser level's node

        Level(int n, int[] rowPtr, int[] cols, float[] w, boolean dropDiagonal) {
            this.n = n;
            this.rowPtr = rowPtr;
            this.cols = cols;
            this.w = w;
            this.dropDiagonal = dropDiagonal;
            this.sqrtMass = new double[n];
            this.invSqrtMass = new double[n];
            CsrMatrix.parallel(n, i -> {
                double s = 0;
                for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                    if (!dropDiagonal || cols[p] != i) {
                        s += w[p];
                    }
                }
                sqrtMass[i] = s > 0 ? Math.sqrt(s) : 1.0;
                invSqrtMass[i] = s > 0 ? 1.0 / Math.sqrt(s) : 0.0;
            });
        }

        void multiply(double[] x, double[] y) {
            multiplyBlock(new double[][] {x}, new double[][] {y});
        }

        /** Y = M X for several vectors in one pass over the matrix (the pass, not the arithmetic, is the cost). */
        void multiplyBlock(double[][] x, double[][] y) {
            int b = x.length;
            double[] z = new double[n * b]; // z[j * b + c] = x_c[j] / sqrt(m_j), interleaved for one gather per entry
            CsrMatrix.parallel(n, j -> {
                for (int c = 0; c < b; c++) {
                    z[j * b + c] = invSqrtMass[j] * x[c][j];
                }
            });
            CsrMatrix.parallel(n, i -> {
                double[] acc = new double[b];
                for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                    int j = cols[p];
                    if (dropDiagonal && j == i) {
                        continue;
                    }
                    double wp = w[p];
                    int base = j * b;
                    for (int c = 0; c < b; c++) {
                        acc[c] += wp * z[base + c];
                    }
                }
                for (int c = 0; c < b; c++) {
                    y[c][i] = invSqrtMass[i] * acc[c];
                }
            });
        }
    }

    /**
     * {@code k} approximate orthonormal leading eigenvectors of M for the graph (finest level, diagonal ignored),
     * and the number of levels used in {@code levelsOut[0]}.
     */
    static double[][] approximate(CsrMatrix graph, int k, long seed, int[] levelsOut, TaskMonitor monitor) {
        List<Level> levels = new ArrayList<>();
        levels.add(new Level(graph.size(), graph.rowPtrArray(), graph.colsArray(), graph.valuesArray(), true));
        SplittableRandom random = new SplittableRandom(seed);
        while (levels.get(levels.size() - 1).n > COARSEST) {
            Level fine = levels.get(levels.size() - 1);
            Level coarse = coarsen(fine, random);
            if (coarse.n > 0.92 * fine.n) {
                break; // matching stalls (e.g. a star-like graph): solve what we have
            }
            levels.add(coarse);
            monitor.step(levels.size(), 40);
        }
        levelsOut[0] = levels.size();
        Level coarsest = levels.get(levels.size() - 1);
        double[][] x = coarsestVectors(coarsest, k);
        for (int l = levels.size() - 2; l >= 0; l--) {
            Level fine = levels.get(l);
            double[][] prolonged = prolong(x, fine, levels.set(l + 1, null)); // frees the coarse graph
            fine.aggregate = null;
            // the finest level only gets the Rayleigh-Ritz step: the Lanczos polish that follows smooths it
            x = smooth(fine, prolonged, l == 0 ? 0 : fine.n > LARGE_LEVEL ? LARGE_LEVEL_STEPS : SMOOTHING_STEPS);
        }
        return Arrays.copyOf(x, k);
    }

    /** Piecewise constant in u = D^-1/2 x: the Galerkin prolongation of the generalised problem. */
    private static double[][] prolong(double[][] x, Level fine, Level coarse) {
        double[][] prolonged = new double[x.length][fine.n];
        int[] agg = fine.aggregate;
        for (int c = 0; c < x.length; c++) {
            double[] xc = x[c];
            double[] xf = prolonged[c];
            CsrMatrix.parallel(fine.n, i -> xf[i] = fine.sqrtMass[i] * coarse.invSqrtMass[agg[i]] * xc[agg[i]]);
        }
        return prolonged;
    }

    private static double[][] coarsestVectors(Level level, int k) {
        int n = level.n;
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int p = level.rowPtr[i]; p < level.rowPtr[i + 1]; p++) {
                int j = level.cols[p];
                if (!level.dropDiagonal || j != i) {
                    m[i * n + j] += level.w[p] * level.invSqrtMass[i] * level.invSqrtMass[j];
                }
            }
        }
        SymmetricEigen evd = SymmetricEigen.of(m, n);
        int count = Math.min(n, k + SPARE_VECTORS);
        double[][] x = new double[count][n];
        for (int c = 0; c < count; c++) {
            for (int r = 0; r < n; r++) {
                x[c][r] = evd.vectors()[r][c];
            }
        }
        return x;
    }

    /** Damped power steps with (I + M) / 2, then Rayleigh-Ritz in the span (largest Ritz values first). */
    private static double[][] smooth(Level level, double[][] x, int steps) {
        int n = level.n;
        int k = x.length;
        double[][] y = new double[k][n];
        for (int step = 0; step < steps; step++) {
            level.multiplyBlock(x, y);
            for (int c = 0; c < k; c++) {
                double[] xc = x[c];
                double[] yc = y[c];
                CsrMatrix.parallel(n, i -> xc[i] = 0.5 * (xc[i] + yc[i]));
            }
            if (step % ORTHONORMALIZE_EVERY == ORTHONORMALIZE_EVERY - 1) {
                orthonormalize(x);
            }
        }
        if (steps % ORTHONORMALIZE_EVERY != 0 || steps == 0) {
            orthonormalize(x);
        }
        double[][] mx = y;
        level.multiplyBlock(x, mx);
        double[] h = gram(x, mx);
        SymmetricEigen ritz = SymmetricEigen.ofJava(h, k);
        double[][] out = new double[k][n];
        CsrMatrix.parallel(n, i -> {
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int j = 0; j < k; j++) {
                    s += ritz.vectors()[j][c] * x[j][i];
                }
                out[c][i] = s;
            }
        });
        orthonormalize(out);
        return out;
    }

    /** Orthonormal columns by Cholesky QR done twice (two passes over the data), Gram-Schmidt if rank-deficient. */
    static void orthonormalize(double[][] x) {
        for (int pass = 0; pass < 2; pass++) {
            if (!choleskyQr(x)) {
                gramSchmidt(x);
                return;
            }
        }
    }

    private static boolean choleskyQr(double[][] x) {
        int k = x.length;
        double[] g = gram(x, x);
        double[] r = new double[k * k]; // upper triangular, G = R^T R
        for (int j = 0; j < k; j++) {
            for (int i = 0; i <= j; i++) {
                double sum = g[i * k + j];
                for (int t = 0; t < i; t++) {
                    sum -= r[t * k + i] * r[t * k + j];
                }
                if (i == j) {
                    if (!(sum > 1e-14 * Math.max(1.0, g[j * k + j]))) {
                        return false;
                    }
                    r[j * k + j] = Math.sqrt(sum);
                } else {
                    r[i * k + j] = sum / r[i * k + i];
                }
            }
        }
        CsrMatrix.parallel(x[0].length, i -> {
            // row i of X R^-1 by forward substitution
            for (int c = 0; c < k; c++) {
                double v = x[c][i];
                for (int b = 0; b < c; b++) {
                    v -= r[b * k + c] * x[b][i];
                }
                x[c][i] = v / r[c * k + c];
            }
        });
        return true;
    }

    private static void gramSchmidt(double[][] x) {
        for (int c = 0; c < x.length; c++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int b = 0; b < c; b++) {
                    double d = LanczosSolver.dot(x[b], x[c]);
                    double[] xb = x[b];
                    double[] xc = x[c];
                    CsrMatrix.parallel(xc.length, i -> xc[i] -= d * xb[i]);
                }
            }
            double norm = LanczosSolver.norm(x[c]);
            double[] xc = x[c];
            double f = norm > 0 ? 1.0 / norm : 0.0;
            CsrMatrix.parallel(xc.length, i -> xc[i] *= f);
        }
    }

    /** G[a * kb + b] = x_a . y_b for all pairs in one blocked pass (blocks stay in cache across the pairs). */
    static double[] gram(double[][] x, double[][] y) {
        int ka = x.length;
        int kb = y.length;
        int n = x[0].length;
        int block = 4096;
        int blocks = (n + block - 1) / block;
        double[][] partial = new double[blocks][];
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, blocks);
        (n >= 1 << 14 ? range.parallel() : range).forEach(bk -> {
            double[] g = new double[ka * kb];
            int from = bk * block;
            int to = Math.min(n, from + block);
            for (int a = 0; a < ka; a++) {
                double[] xa = x[a];
                for (int b = 0; b < kb; b++) {
                    double[] yb = y[b];
                    g[a * kb + b] = Vectors.dot(xa, 0, yb, 0, from, to);
                }
            }
            partial[bk] = g;
        });
        double[] g = new double[ka * kb];
        for (double[] p : partial) {
            for (int t = 0; t < g.length; t++) {
                g[t] += p[t];
            }
        }
        return g;
    }

    /** Normalised heavy-edge matching: pair each node with the free neighbour maximising w (1/m_i + 1/m_j). */
    private static Level coarsen(Level fine, SplittableRandom random) {
        int n = fine.n;
        int[] match = new int[n];
        Arrays.fill(match, -1);
        // visit nodes in randomly permuted blocks: random enough for the matching, local enough for the caches
        int block = 256;
        int blocks = (n + block - 1) / block;
        int[] blockOrder = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            blockOrder[b] = b;
        }
        for (int b = blocks - 1; b > 0; b--) {
            int j = random.nextInt(b + 1);
            int t = blockOrder[b];
            blockOrder[b] = blockOrder[j];
            blockOrder[j] = t;
        }
        int[] order = new int[n];
        int o = 0;
        for (int b : blockOrder) {
            for (int i = b * block; i < Math.min(n, (b + 1) * block); i++) {
                order[o++] = i;
            }
        }
        int[] agg = new int[n];
        int coarseN = 0;
        for (int oi = 0; oi < n; oi++) {
            int i = order[oi];
            if (match[i] >= 0) {
                continue;
            }
            int best = -1;
            double bestScore = 0;
            double mi = fine.invSqrtMass[i] * fine.invSqrtMass[i];
            for (int p = fine.rowPtr[i]; p < fine.rowPtr[i + 1]; p++) {
                int j = fine.cols[p];
                if (j == i || match[j] >= 0) {
                    continue;
                }
                double score = fine.w[p] * (mi + fine.invSqrtMass[j] * fine.invSqrtMass[j]);
                if (score > bestScore) {
                    bestScore = score;
                    best = j;
                }
            }
            match[i] = best >= 0 ? best : i;
            if (best >= 0) {
                match[best] = i;
                agg[best] = coarseN;
            }
            agg[i] = coarseN++;
        }
        fine.aggregate = agg;
        // members of each coarse node: i and match[i]
        int[] first = new int[coarseN];
        Arrays.fill(first, -1);
        int[] second = new int[coarseN];
        Arrays.fill(second, -1);
        for (int i = 0; i < n; i++) {
            int c = agg[i];
            if (first[c] < 0) {
                first[c] = i;
            } else {
                second[c] = i;
            }
        }
        int[] rowPtr = new int[coarseN + 1];
        int[] counts = new int[coarseN];
        int[][] rowCols = new int[coarseN][];
        float[][] rowW = new float[coarseN][];
        int cn = coarseN;
        CsrMatrix.parallel(cn, c -> {
            int a = first[c];
            int b = second[c];
            int len = fine.rowPtr[a + 1] - fine.rowPtr[a] + (b >= 0 ? fine.rowPtr[b + 1] - fine.rowPtr[b] : 0);
            long[] packed = new long[len];
            int t = 0;
            for (int member : new int[] {a, b}) {
                if (member < 0) {
                    continue;
                }
                for (int p = fine.rowPtr[member]; p < fine.rowPtr[member + 1]; p++) {
                    int j = fine.cols[p];
                    if (fine.dropDiagonal && j == member) {
                        continue;
                    }
                    // pack (coarse column, index into fine arrays) so one primitive sort groups columns
                    packed[t++] = ((long) agg[j] << 32) | p;
                }
            }
            Arrays.sort(packed, 0, t);
            int[] cc = new int[t];
            float[] ww = new float[t];
            int out = 0;
            for (int r = 0; r < t; r++) {
                int col = (int) (packed[r] >>> 32);
                float weight = fine.w[(int) packed[r]];
                if (out > 0 && cc[out - 1] == col) {
                    ww[out - 1] += weight;
                } else {
                    cc[out] = col;
                    ww[out++] = weight;
                }
            }
            rowCols[c] = Arrays.copyOf(cc, out);
            rowW[c] = Arrays.copyOf(ww, out);
            counts[c] = out;
        });
        for (int c = 0; c < coarseN; c++) {
            rowPtr[c + 1] = rowPtr[c] + counts[c];
        }
        int[] cols = new int[rowPtr[coarseN]];
        float[] w = new float[rowPtr[coarseN]];
        CsrMatrix.parallel(cn, c -> {
            System.arraycopy(rowCols[c], 0, cols, rowPtr[c], counts[c]);
            System.arraycopy(rowW[c], 0, w, rowPtr[c], counts[c]);
        });
        return new Level(coarseN, rowPtr, cols, w, false);
    }
}
