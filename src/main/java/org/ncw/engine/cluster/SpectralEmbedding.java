package org.ncw.engine.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.TaskMonitor;

/**
 * {@code sklearn.manifold.spectral_embedding(adjacency, n_components=k, norm_laplacian=True, drop_first=False)}
 * as {@code SpectralClustering} calls it: with degrees d (row sums without the diagonal, isolated nodes get 1),
 * the k eigenvectors x of the smallest eigenvalues of L = I - D^-1/2 A D^-1/2, returned as u = x / sqrt(d) with
 * each vector's sign fixed so its largest-magnitude entry is positive ({@code _deterministic_vector_sign_flip}).
 * The smallest eigenvalues of L are found as the largest of M = D^-1/2 A D^-1/2 (sklearn asks ARPACK for the
 * eigenvalues of -L nearest 1, the same subspace).
 */
public final class SpectralEmbedding {
    /** AUTO uses the dense solver up to this many points. */
    public static final int AUTO_DENSE_LIMIT = 1000;
    /** The dense solver refuses larger graphs (O(n^3) time, n^2 memory). */
    public static final int DENSE_LIMIT = 6000;
    /** Sparse graphs from this size get a multilevel start vector for Lanczos. */
    public static final int MULTILEVEL_FROM = 20_000;
    static final double DEFAULT_TOLERANCE = 1e-10;
    static final int DEFAULT_MAX_RESTARTS = 1000;
    /** Auto restart cap of multilevel-started Lanczos: about this many stored-entry visits in total. */
    static final double MULTILEVEL_WORK_BUDGET = 3e8;

    private SpectralEmbedding() {
    }

    public static Embedding compute(AffinityMatrix affinity, int k, EigenSolver solver, long seed,
                                    TaskMonitor monitor) {
        return compute(affinity, k, solver, seed, 0, 0, monitor);
    }

    /**
     * @param tolerance   Lanczos/ARPACK relative residual target (sklearn's eigen_tol; 0 = default 1e-10)
     * @param maxRestarts Lanczos/ARPACK restart cap (0 = auto); when hit, the current Ritz vectors are used and a warning
     *                    says so
     */
    public static Embedding compute(AffinityMatrix affinity, int k, EigenSolver solver, long seed, double tolerance,
                                    int maxRestarts, TaskMonitor monitor) {
        int n = affinity.size();
        Checks.atLeast("nComponents", k, 1);
        if (k > n) {
            throw new IllegalArgumentException("cannot embed " + n + " points into " + k + " eigenvectors (k > n)");
        }
        double tol = tolerance > 0 ? tolerance : DEFAULT_TOLERANCE;
        List<String> warnings = new ArrayList<>();
        double[] degree = affinity.offDiagonalRowSums();
        double[] dd = new double[n];
        double[] invDd = new double[n];
        for (int i = 0; i < n; i++) {
            dd[i] = degree[i] > 0 ? Math.sqrt(degree[i]) : 1.0;
            invDd[i] = degree[i] > 0 ? 1.0 / dd[i] : 0.0;
        }
        int[] component = affinity.componentLabels();
        int components = AffinityMatrix.countComponents(component);
        if (components > 1) {
            warnings.add("graph is not fully connected (" + components
                    + " components); spectral embedding may not work as expected");
        }
        EigenSolver chosen = choose(solver, n, k);
        EigenPairs pairs;
        if (chosen == EigenSolver.DENSE) {
            pairs = dense(affinity, invDd, k);
        } else {
            pairs = null;
            if (chosen == EigenSolver.ARPACK) {
                try {
                    pairs = SmileArpackAdapter.largest(n, (x, y) -> affinity.multiplyScaled(invDd, x, y), k, tol);
                } catch (RuntimeException | LinkageError e) {
                    warnings.add("ARPACK unavailable (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); used the Java Lanczos solver");
                }
            }
            if (pairs == null) {
                pairs = lanczos(affinity, invDd, dd, component, components, k, seed, tol, maxRestarts, monitor);
            }
            if (!pairs.converged()) {
                warnings.add(String.format("eigen solver stopped after %d matrix-vector products with residual %.3g"
                        + " (target %.1g); the embedding is approximate", pairs.matVecs(), pairs.residual(), tol));
            }
        }
        double[] vectors = new double[n * k];
        double[] eigenvalues = new double[k];
        for (int c = 0; c < k; c++) {
            eigenvalues[c] = 1.0 - pairs.values()[c];
            double[] x = pairs.vectors()[c];
            // recover u = D^-1/2 x, then the deterministic sign flip
            int argMax = 0;
            double best = -1;
            for (int i = 0; i < n; i++) {
                double u = x[i] / dd[i];
                if (Math.abs(u) > best) {
                    best = Math.abs(u);
                    argMax = i;
                }
            }
            double sign = x[argMax] < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) {
                vectors[i * k + c] = sign * x[i] / dd[i];
            }
        }
        monitor.step(1, 1);
        return new Embedding(n, k, vectors, eigenvalues, components, pairs.solver(), pairs.matVecs(),
                pairs.residual(), pairs.converged(), warnings);
    }

    static EigenSolver choose(EigenSolver requested, int n, int k) {
        // Krylov solvers need room for a basis larger than k; tiny problems go dense
        if (requested == EigenSolver.DENSE || n <= Math.max(2 * k + 2, 24)) {
            return EigenSolver.DENSE;
        }
        if (requested == EigenSolver.AUTO) {
            if (n <= AUTO_DENSE_LIMIT) {
                return EigenSolver.DENSE;
            }
            return EigenSolver.LANCZOS;
        }
        return requested;
    }

    private static EigenPairs dense(AffinityMatrix affinity, double[] invDd, int k) {
        int n = affinity.size();
        if (n > DENSE_LIMIT) {
            throw new IllegalArgumentException("the dense eigen solver is limited to " + DENSE_LIMIT
                    + " points (O(n^3)); got " + n + ": use LANCZOS, ARPACK or AUTO");
        }
        double[] m = affinity.toDense();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i * n + j] = i == j ? 0.0 : m[i * n + j] * invDd[i] * invDd[j];
            }
        }
        SymmetricEigen evd = SymmetricEigen.of(m, n);
        double[][] vectors = new double[k][n];
        for (int c = 0; c < k; c++) {
            for (int r = 0; r < n; r++) {
                vectors[c][r] = evd.vectors()[r][c];
            }
        }
        return new EigenPairs(Arrays.copyOf(evd.values(), k), vectors, "dense", 0, 0, 0.0, true);
    }

    /**
     * Lanczos on M with the known null space of L deflated: for every connected component C with edges,
     * sqrt(d) restricted to C is an exact eigenvector of M with eigenvalue 1. Those are taken directly
     * (largest components first), and Lanczos looks only for the remaining k - c vectors.
     */
    private static EigenPairs lanczos(AffinityMatrix affinity, double[] invDd, double[] dd, int[] component,
                                      int components, int k, long seed, double tol, int maxRestarts,
                                      TaskMonitor monitor) {
        int n = affinity.size();
        int[] size = new int[components];
        for (int c : component) {
            size[c]++;
        }
        Integer[] bySize = new Integer[components];
        for (int c = 0; c < components; c++) {
            bySize[c] = c;
        }
        Arrays.sort(bySize, (a, b) -> size[b] != size[a] ? Integer.compare(size[b], size[a]) : Integer.compare(a, b));
        List<double[]> known = new ArrayList<>();
        for (int idx = 0; idx < components && known.size() < k; idx++) {
            int c = bySize[idx];
            if (size[c] < 2) {
                break; // isolated nodes have eigenvalue 1 of L, not 0
            }
            double[] q = new double[n];
            double norm = 0;
            for (int i = 0; i < n; i++) {
                if (component[i] == c) {
                    q[i] = dd[i];
                    norm += dd[i] * dd[i];
                }
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                q[i] /= norm;
            }
            known.add(q);
        }
        int nev = k - known.size();
        double[][] deflated = known.toArray(new double[0][]);
        if (nev == 0) {
            double[] ones = new double[k];
            Arrays.fill(ones, 1.0);
            return new EigenPairs(ones, deflated, "lanczos", 0, 0, 0.0, true);
        }
        int[] first = affinity instanceof CsrMatrix csr && n > 2 * k + 2 ? BandedShiftInvert.firstColumns(csr) : null;
        if (first != null && BandedShiftInvert.fits(first)) {
            try {
                return withKnown(known, deflated,
                        BandedShiftInvert.largest((CsrMatrix) affinity, first, invDd, deflated, nev, seed), k);
            } catch (ArithmeticException e) {
                // a Krylov space too small for the wanted vectors: the general solver below
            }
        }
        double[] start = null;
        int levels = 0;
        int restarts = maxRestarts > 0 ? maxRestarts : DEFAULT_MAX_RESTARTS;
        if (affinity instanceof CsrMatrix csr && n >= MULTILEVEL_FROM) {
            if (maxRestarts == 0) {
                restarts = (int) Math.max(5, Math.min(DEFAULT_MAX_RESTARTS,
                        MULTILEVEL_WORK_BUDGET / (6.0 * affinity.storedEntries())));
            }
            int[] levelsOut = new int[1];
            double[][] approx = MultilevelEigen.approximate(csr, k, seed, levelsOut, monitor.sub(0, 0.3));
            levels = levelsOut[0];
            start = new double[n];
            for (double[] a : approx) {
                for (int i = 0; i < n; i++) {
                    start[i] += a[i];
                }
            }
        }
        LanczosSolver.Operator op = affinity instanceof CsrMatrix csr ? csr.scaledOperator(invDd)
                : (x, y) -> affinity.multiplyScaled(invDd, x, y);
        EigenPairs rest = LanczosSolver.largest(n, op, nev, deflated,
                start, seed, tol, restarts, monitor.sub(0.3, 1));
        EigenPairs all = withKnown(known, deflated, rest, k);
        String solver = levels > 0 ? "multilevel(" + levels + " levels)+lanczos" : rest.solver();
        return new EigenPairs(all.values(), all.vectors(), solver, rest.matVecs(), rest.restarts(), rest.residual(),
                rest.converged());
    }

    /** The known component vectors (eigenvalue 1) followed by the solver's. */
    private static EigenPairs withKnown(List<double[]> known, double[][] deflated, EigenPairs rest, int k) {
        double[] values = new double[k];
        double[][] vectors = new double[k][];
        for (int c = 0; c < known.size(); c++) {
            values[c] = 1.0;
            vectors[c] = deflated[c];
        }
        for (int c = 0; c < k - known.size(); c++) {
            values[known.size() + c] = rest.values()[c];
            vectors[known.size() + c] = rest.vectors()[c];
        }
        return new EigenPairs(values, vectors, rest.solver(), rest.matVecs(), rest.restarts(), rest.residual(),
                rest.converged());
    }
}
