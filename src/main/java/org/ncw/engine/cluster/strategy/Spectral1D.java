package org.ncw.engine.cluster.strategy;

import org.ncw.engine.cluster.Embedding;
import org.ncw.engine.cluster.LabelAssigner;
import org.ncw.engine.cluster.LabelAssignment;
import org.ncw.engine.cluster.ShiftInvertLanczos;
import org.ncw.engine.core.Checks;

import java.util.Arrays;
import java.util.List;

/**
 * Spectral clustering of one-dimensional points (the intensities of one spectrogram column), or of points of a few
 * features ({@link #cluster(org.ncw.engine.cluster.Points, LabelAssignment)}: a 3-D table column): the problem
 * scikit-learn's {@code SpectralClustering(affinity='rbf', gamma, assign_labels='kmeans')} solves, made small.
 *
 * <p>Points with equal values have equal rows in the rbf affinity matrix, so the leading eigenvectors of the
 * normalised affinity are constant on each group of equal values and come from an m x m symmetric problem on the
 * m distinct values, weighted by their counts (exact). Values are first grouped into cells of width
 * {@code quantum / sqrt(gamma)} (a fraction of the kernel width; 0 keeps only exact duplicates), each group
 * represented by its mean value. Affinities are truncated on the normalised matrix (entries below 1e-15), not on
 * the kernel, because scikit-learn's normalisation makes even tiny affinities of sparse outliers decide the split;
 * sorted values make the kept part an envelope (variable band) matrix with a cheap Cholesky factor.
 *
 * <p>Steps as in scikit-learn 1.2: affinity without self loops, symmetric normalisation by the degrees, the
 * {@code nClusters} leading eigenvectors (the first one is known in closed form; the others by shift-invert
 * Lanczos on the envelope Cholesky factor), division by sqrt(degree), deterministic sign flip, then k-means
 * (k-means++ with {@code nInit} restarts, best inertia) on the weighted distinct rows.
 */
public final class Spectral1D {
    /** Shift above the largest eigenvalue (1) of the normalised affinity for shift-invert. */
    private static final double SHIFT = 1e-7;
    private static final double UNDERFLOW_EXPONENT = 745.0;
    private static final int MAX_LANCZOS = 80;
    private static final double WEAK_DEGREE = 1e-6;
    private static final double DECOUPLE_DEGREE = 1e-12;

    /**
     * @param nClusters number of clusters (scikit-learn's n_clusters)
     * @param gamma     rbf kernel coefficient exp(-gamma * d^2)
     * @param quantum   width of a value cell as a fraction of the kernel width 1/sqrt(gamma); 0 = exact
     * @param nInit     k-means restarts
     * @param seed      seed of the Lanczos start vector and k-means++
     */
    public record Options(int nClusters, double gamma, double quantum, int nInit, long seed) {
        public Options {
            Checks.atLeast("nClusters", nClusters, 2);
            Checks.positive("gamma", gamma);
            Checks.inRange("quantum", quantum, 0.0, 2.0);
            Checks.positive("nInit", nInit);
        }

        public static Options defaults() {
            return new Options(2, 1.0, 0.5, 10, 0L);
        }

        public Options withQuantum(double q) {
            return new Options(nClusters, gamma, q, nInit, seed);
        }

        public Options withNClusters(int k) {
            return new Options(k, gamma, quantum, nInit, seed);
        }

        public Options withGamma(double g) {
            return new Options(nClusters, g, quantum, nInit, seed);
        }

        public Options withSeed(long s) {
            return new Options(nClusters, gamma, quantum, nInit, s);
        }
    }

    private final Options options;
    // workspace, grown on demand and reused across columns (one instance per thread)
    private int[] cellOf = new int[0];
    private int[] cellCount = new int[0];
    private double[] cellSum = new double[0];
    private int[] uniqueOfCell = new int[0];
    /** Representatives: m values (one feature) or m x dims, row-major. */
    private double[] rep = new double[0];
    /** The representatives' coordinate along the ordering feature (= rep with one feature): distances bound it. */
    private double[] key = new double[0];
    private int dims = 1;
    private double[] count = new double[0];
    private double[] degree = new double[0];
    private int[] envFirst = new int[0];
    private int[] envOffset = new int[0];
    private double[] prefixMax = new double[0];
    private double[] env = new double[0];
    private double[] scratch = new double[0];
    private boolean[] decoupled = new boolean[0];
    private Integer[] order = new Integer[0];

    public Spectral1D(Options options) {
        this.options = Checks.notNull("options", options);
    }

    public Options options() {
        return options;
    }

    /** Clusters the values; labels in 0..nClusters-1 (numbering arbitrary, like scikit-learn's). */
    public static int[] fit(double[] values, Options options) {
        return new Spectral1D(options).cluster(values);
    }

    /** Number of distinct groups the last call worked on (the size m of the reduced problem). */
    public int lastGroups() {
        return lastGroups;
    }

    private int lastGroups;

    /** The rbf graph's statistics over the last call's groups ({@link AffinityStats#rbfGrouped}). */
    AffinityStats lastAffinityStats() {
        return AffinityStats.rbfGrouped(rep, dims, count, lastGroups, options.gamma());
    }
    /** Eigenvalues of S for the embedding's columns (the first is 1), from the last call. */
    private double[] lastEigenvalues = new double[0];

    /** Clusters the values reusing this instance's workspace (not thread-safe). */
    public int[] cluster(double[] values) {
        return cluster(values, LabelAssignment.KMEANS);
    }

    /**
     * {@code 1 - s_(k-1)} of the last call: lambda_(k-1) - lambda_0 of the normalised Laplacian (NaN when the last
     * call needed no eigenproblem).
     */
    public double lastLaplacianGap() {
        int k = options.nClusters();
        return lastEigenvalues.length >= k ? 1.0 - lastEigenvalues[k - 1] : Double.NaN;
    }

    /**
     * Clusters the values with the given label assignment: k-means runs weighted on the groups; discretize and
     * cluster_qr run on the point-level embedding (each point gets its group's row, which is the exact embedding
     * of the points: the eigenvectors are constant on a group).
     */
    public int[] cluster(double[] values, LabelAssignment assignment) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("cannot cluster an empty column");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("column contains a non-finite value: " + v);
            }
        }
        dims = 1;
        int m = group(values);
        return labels(n, m, assignment);
    }

    /**
     * Clusters points of a few features (one 3-D table column: bin and intensity, the frame constant) the same way:
     * grid cells of {@code quantum / sqrt(gamma)} per feature, each group represented by its mean point, the groups
     * ordered along the feature of widest range so that the distance along it bounds the affinity and the kept part
     * of the normalised matrix is again an envelope. With one feature it is {@link #cluster(double[],
     * LabelAssignment)}.
     */
    public int[] cluster(org.ncw.engine.cluster.Points points, LabelAssignment assignment) {
        Checks.notNull("points", points);
        if (points.d() == 1) {
            return cluster(points.data().clone(), assignment);
        }
        int n = points.n();
        if (n == 0) {
            throw new IllegalArgumentException("cannot cluster an empty column");
        }
        for (double v : points.data()) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("column contains a non-finite value: " + v);
            }
        }
        dims = points.d();
        int m = groupGrid(points);
        return labels(n, m, assignment);
    }

    private int[] labels(int n, int m, LabelAssignment assignment) {
        lastGroups = m;
        int k = options.nClusters();
        int[] labels = new int[n];
        if (m <= k) {
            lastEigenvalues = new double[0];
            // fewer distinct values than clusters: each distinct value is its own cluster
            for (int i = 0; i < n; i++) {
                labels[i] = uniqueOfCell[cellOf[i]];
            }
            return labels;
        }
        lastEigenvalues = new double[0];
        double[][] embedding = embed(m, k);
        if (assignment != LabelAssignment.KMEANS) {
            double[] vectors = new double[n * k];
            for (int i = 0; i < n; i++) {
                System.arraycopy(embedding[uniqueOfCell[cellOf[i]]], 0, vectors, i * k, k);
            }
            Embedding points = new Embedding(n, k, vectors, new double[k], 1, "spectral1d", 0, 0.0, true, List.of());
            return assignment == LabelAssignment.DISCRETIZE
                    ? LabelAssigner.discretize(points, options.seed()).labels()
                    : LabelAssigner.clusterQr(points).labels();
        }
        int[] groupLabels = WeightedKMeans.fit(embedding, Arrays.copyOf(count, m), k, options.nInit(), options.seed());
        for (int i = 0; i < n; i++) {
            labels[i] = groupLabels[uniqueOfCell[cellOf[i]]];
        }
        return labels;
    }

    /** Groups values into cells; fills cellOf (per point), uniqueOfCell, rep, count; returns the group count m. */
    private int group(double[] values) {
        int n = values.length;
        if (cellOf.length < n) {
            cellOf = new int[n];
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double width = options.quantum() / Math.sqrt(options.gamma());
        double cellsD = width > 0 ? Math.floor((max - min) / width) + 1 : Double.POSITIVE_INFINITY;
        if (cellsD <= 4.0 * n + 16) {
            int cells = (int) cellsD;
            ensureCells(cells);
            Arrays.fill(cellCount, 0, cells, 0);
            Arrays.fill(cellSum, 0, cells, 0.0);
            for (int i = 0; i < n; i++) {
                int c = Math.min(cells - 1, (int) ((values[i] - min) / width));
                cellOf[i] = c;
                cellCount[c]++;
                cellSum[c] += values[i];
            }
            int m = 0;
            for (int c = 0; c < cells; c++) {
                if (cellCount[c] > 0) {
                    m++;
                }
            }
            ensureGroups(m);
            int u = 0;
            for (int c = 0; c < cells; c++) {
                if (cellCount[c] > 0) {
                    uniqueOfCell[c] = u;
                    rep[u] = cellSum[c] / cellCount[c];
                    count[u] = cellCount[c];
                    u++;
                }
            }
            return m;
        }
        // exact: group equal values (cell = rank of the distinct value)
        if (order.length < n) {
            order = new Integer[n];
        }
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, 0, n, (a, b) -> Double.compare(values[a], values[b]));
        ensureCells(n);
        ensureGroups(n);
        int m = 0;
        for (int r = 0; r < n; r++) {
            int i = order[r];
            if (r == 0 || values[i] != values[order[r - 1]]) {
                uniqueOfCell[m] = m;
                rep[m] = values[i];
                count[m] = 0;
                m++;
            }
            cellOf[i] = m - 1;
            count[m - 1]++;
        }
        return m;
    }

    private double squaredDistance(int u, int v) {
        if (dims == 1) {
            double diff = rep[u] - rep[v];
            return diff * diff;
        }
        double s = 0;
        for (int j = 0, a = u * dims, b = v * dims; j < dims; j++) {
            double diff = rep[a + j] - rep[b + j];
            s += diff * diff;
        }
        return s;
    }

    /**
     * Groups points of several features into grid cells (a hash of the cell coordinates), fills cellOf, rep (cell
     * means), count and key, with the groups sorted along the widest feature; returns the group count m.
     */
    private int groupGrid(org.ncw.engine.cluster.Points points) {
        int n = points.n();
        int d = points.d();
        double[] x = points.data();
        if (cellOf.length < n) {
            cellOf = new int[n];
        }
        double[] min = new double[d];
        double[] max = new double[d];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                min[j] = Math.min(min[j], x[i * d + j]);
                max[j] = Math.max(max[j], x[i * d + j]);
            }
        }
        int widest = 0;
        for (int j = 1; j < d; j++) {
            if (max[j] - min[j] > max[widest] - min[widest]) {
                widest = j;
            }
        }
        double width = options.quantum() / Math.sqrt(options.gamma());
        // cells numbered in mixed radix over the features when that numbering is small (the usual case), else hashed
        double cellsD = 1;
        long[] radix = new long[d];
        for (int j = 0; j < d; j++) {
            radix[j] = width > 0 ? (long) Math.floor((max[j] - min[j]) / width) + 1 : Long.MAX_VALUE;
            cellsD *= radix[j];
        }
        boolean dense = cellsD <= 4.0 * n + 16;
        int[] denseIndex = dense ? new int[(int) cellsD] : null;
        if (dense) {
            Arrays.fill(denseIndex, -1);
        }
        java.util.HashMap<java.util.List<Long>, Integer> cellIndex = dense ? null : new java.util.HashMap<>();
        java.util.List<double[]> sums = new java.util.ArrayList<>();
        java.util.List<int[]> counts = new java.util.ArrayList<>();
        Long[] coordinate = new Long[d];
        for (int i = 0; i < n; i++) {
            int c;
            if (dense) {
                int flat = 0;
                for (int j = 0; j < d; j++) {
                    int q = (int) Math.min(radix[j] - 1, (long) ((x[i * d + j] - min[j]) / width));
                    flat = (int) (flat * radix[j] + q);
                }
                if (denseIndex[flat] < 0) {
                    denseIndex[flat] = sums.size();
                    sums.add(new double[d]);
                    counts.add(new int[1]);
                }
                c = denseIndex[flat];
            } else {
                for (int j = 0; j < d; j++) {
                    // width 0 (exact): only equal points share a cell
                    coordinate[j] = width > 0 ? (long) Math.floor((x[i * d + j] - min[j]) / width)
                            : Double.doubleToLongBits(x[i * d + j]);
                }
                Integer known = cellIndex.get(java.util.Arrays.asList(coordinate));
                if (known == null) {
                    known = sums.size();
                    cellIndex.put(java.util.List.of(coordinate), known);
                    sums.add(new double[d]);
                    counts.add(new int[1]);
                }
                c = known;
            }
            cellOf[i] = c;
            counts.get(c)[0]++;
            double[] sum = sums.get(c);
            for (int j = 0; j < d; j++) {
                sum[j] += x[i * d + j];
            }
        }
        int m = sums.size();
        ensureCells(m);
        ensureGroups(m);
        Integer[] byKey = new Integer[m];
        for (int c = 0; c < m; c++) {
            byKey[c] = c;
        }
        int along = widest;
        Arrays.sort(byKey, (a, b) -> Double.compare(sums.get(a)[along] / counts.get(a)[0],
                sums.get(b)[along] / counts.get(b)[0]));
        for (int u = 0; u < m; u++) {
            int c = byKey[u];
            uniqueOfCell[c] = u;
            double[] sum = sums.get(c);
            int cnt = counts.get(c)[0];
            for (int j = 0; j < d; j++) {
                rep[u * d + j] = sum[j] / cnt;
            }
            key[u] = rep[u * d + along];
            count[u] = cnt;
        }
        return m;
    }

    private void ensureCells(int cells) {
        if (cellCount.length < cells) {
            cellCount = new int[cells];
            cellSum = new double[cells];
            uniqueOfCell = new int[cells];
        }
    }

    private void ensureGroups(int m) {
        if (count.length < m) {
            count = new double[m];
            degree = new double[m];
        }
        if (rep.length < m * dims) {
            rep = new double[m * dims];
        }
        if (dims == 1) {
            key = rep; // one feature: the value is its own ordering key
        } else if (key == rep || key.length < m) {
            key = new double[m];
        }
    }

    /** The spectral embedding (m x k) of the groups: leading eigenvectors / sqrt(degree), sign-flipped. */
    private double[][] embed(int m, int k) {
        boolean[] isolated = degrees(m);
        double[] first = new double[m];
        double norm = 0;
        for (int u = 0; u < m; u++) {
            first[u] = isolated[u] ? 0.0 : Math.sqrt(count[u] * degree[u]);
            norm += first[u] * first[u];
        }
        norm = Math.sqrt(norm);
        for (int u = 0; u < m; u++) {
            first[u] /= norm;
        }
        buildShiftedEnvelope(m, isolated);
        choleskyInPlace(m);
        double[][] vectors = lanczosLargestOfInverse(m, first, k - 1);
        double[][] emb = new double[m][k];
        for (int j = 0; j < k; j++) {
            double[] vec = j == 0 ? first : vectors[j - 1];
            for (int u = 0; u < m; u++) {
                emb[u][j] = vec[u] / Math.sqrt(count[u]) / Math.sqrt(degree[u]);
            }
        }
        fixWeaklyConnected(m, k, emb, isolated);
        for (int j = 0; j < k; j++) {
            double best = -1;
            double sign = 1;
            for (int u = 0; u < m; u++) {
                if (Math.abs(emb[u][j]) > best) {
                    best = Math.abs(emb[u][j]);
                    sign = Math.signum(emb[u][j]);
                }
            }
            if (sign < 0) {
                for (int u = 0; u < m; u++) {
                    emb[u][j] = -emb[u][j];
                }
            }
        }
        return emb;
    }

    /**
     * Points far from every other point (degree below {@link #WEAK_DEGREE}) get their embedding from the
     * eigenvector equation instead of the eigen solver: dividing by sqrt(degree) would magnify the solver's
     * rounding in their entries (1e-17) by up to 1e24. Row u of S w = lambda w, written for the embedding
     * e = w / sqrt(count * degree), reads e_u (lambda d_u - (c_u - 1)) = sum_{v != u} c_v W_uv e_v: the
     * point sits at a weighted mean of its (accurately known) neighbours, scaled by 1 / lambda.
     */
    private void fixWeaklyConnected(int m, int k, double[][] emb, boolean[] isolated) {
        double gamma = options.gamma();
        // Gauss-Seidel sweeps: a weak point next to another weak point sees its already corrected value
        for (int sweep = 0; sweep < 3; sweep++) {
            fixSweep(m, k, emb, isolated, gamma);
        }
    }

    private void fixSweep(int m, int k, double[][] emb, boolean[] isolated, double gamma) {
        for (int u = 0; u < m; u++) {
            if (isolated[u] || degree[u] >= WEAK_DEGREE) {
                continue;
            }
            for (int j = 0; j < k; j++) {
                double num = 0;
                for (int v = 0; v < m; v++) {
                    if (v != u && !isolated[v]) {
                        double e = gamma * squaredDistance(u, v);
                        if (e <= UNDERFLOW_EXPONENT) {
                            num += count[v] * Math.exp(-e) * emb[v][j];
                        }
                    }
                }
                double den = lastEigenvalues[j] * degree[u] - (count[u] - 1.0);
                if (den != 0 && num != 0) {
                    emb[u][j] = num / den;
                }
            }
        }
    }

    /**
     * Degrees of the groups' points: sum of count * affinity over the other points (self loop removed). The
     * groups are sorted by value, so the affinity decays away from u and the sums stop once the rest cannot
     * change them in the 17th digit. Returns which groups are isolated (degree 0; kept as 1 like scipy).
     */
    private boolean[] degrees(int m) {
        double gamma = options.gamma();
        double n = 0;
        for (int u = 0; u < m; u++) {
            n += count[u];
        }
        boolean[] isolated = new boolean[m];
        for (int u = 0; u < m; u++) {
            double d = count[u] - 1.0;
            for (int dir = -1; dir <= 1; dir += 2) {
                for (int v = u + dir; v >= 0 && v < m; v += dir) {
                    // along the ordering feature the distance only grows: it bounds the rest's affinity
                    double along = key[v] - key[u];
                    double bound = gamma * along * along;
                    if (bound > UNDERFLOW_EXPONENT) {
                        break;
                    }
                    double w = Math.exp(-(dims == 1 ? bound : gamma * squaredDistance(u, v)));
                    d += count[v] * w;
                    if ((dims == 1 ? w : Math.exp(-bound)) * n < 1e-17 * d) {
                        break;
                    }
                }
            }
            isolated[u] = !(d > 0);
            degree[u] = isolated[u] ? 1.0 : d;
        }
        return isolated;
    }

    /**
     * Lower triangle of A = sigma*I - S in envelope storage (row i holds columns first[i]..i), where
     * S = C^1/2 D^-1/2 (W - C^-1) D^-1/2 C^1/2 is the normalised affinity on the groups. Entries of S below
     * 1e-15 are left out (they move eigenvalues by less than m * 1e-15); the bound uses the largest
     * sqrt(count/degree) further down so sparse points, whose tiny affinities matter after normalisation, keep
     * them.
     */
    private void buildShiftedEnvelope(int m, boolean[] isolated) {
        double gamma = options.gamma();
        if (envFirst.length < m) {
            envFirst = new int[m];
            envOffset = new int[m + 1];
            prefixMax = new double[m];
            scratch = new double[m];
        }
        // singletons of (almost) no degree and couplings below 1e-6 are left out of the eigenproblem (their
        // eigenvalue is ~0, far from the top; the error is ~1e-12) and embedded by fixWeaklyConnected
        markDecoupled(m, isolated);
        double runningMax = 0;
        for (int v = 0; v < m; v++) {
            if (!decoupled(v, isolated)) {
                runningMax = Math.max(runningMax, Math.sqrt(count[v] / degree[v]));
            }
            prefixMax[v] = runningMax;
        }
        double sigma = 1.0 + SHIFT;
        int size = 0;
        for (int i = 0; i < m; i++) {
            int f = i;
            if (!decoupled(i, isolated)) {
                double si = Math.sqrt(count[i] / degree[i]);
                for (int v = i - 1; v >= 0; v--) {
                    double along = key[i] - key[v];
                    double bound = gamma * along * along;
                    if (bound > UNDERFLOW_EXPONENT) {
                        break;
                    }
                    double w = si * Math.exp(-(dims == 1 ? bound : gamma * squaredDistance(i, v)));
                    if ((dims == 1 ? w : si * Math.exp(-bound)) * prefixMax[v] < 1e-15) {
                        break;
                    }
                    scratch[v] = decoupled(v, isolated) ? 0.0 : -w * Math.sqrt(count[v] / degree[v]);
                    f = v;
                }
            }
            envFirst[i] = f;
            envOffset[i] = size;
            int rowLength = i - f + 1;
            if (env.length < size + rowLength) {
                env = Arrays.copyOf(env, Math.max(size + rowLength, 2 * env.length + 64));
            }
            System.arraycopy(scratch, f, env, size, i - f);
            env[size + i - f] = sigma - (count[i] - 1.0) / degree[i];
            size += rowLength;
        }
        envOffset[m] = size;
    }

    private boolean decoupled(int u, boolean[] isolated) {
        return isolated[u] || decoupled[u];
    }

    /**
     * Marks singletons of tiny degree whose every normalised coupling sqrt(c_v) W_uv / sqrt(d_u d_v) is below
     * 1e-6 (a lone point next to a dense group); a lone pair far from the rest is strongly coupled within itself
     * and stays in.
     */
    private void markDecoupled(int m, boolean[] isolated) {
        if (decoupled.length < m) {
            decoupled = new boolean[m];
        }
        double gamma = options.gamma();
        for (int u = 0; u < m; u++) {
            decoupled[u] = false;
            if (isolated[u] || degree[u] >= DECOUPLE_DEGREE) {
                continue;
            }
            double maxCoupling = 0;
            for (int v = 0; v < m; v++) {
                double e = gamma * squaredDistance(u, v);
                if (v != u && !isolated[v] && e <= UNDERFLOW_EXPONENT) {
                    maxCoupling = Math.max(maxCoupling, Math.sqrt(count[v] / (degree[u] * degree[v])) * Math.exp(-e));
                }
            }
            decoupled[u] = maxCoupling < 1e-6;
        }
    }

    /** Cholesky factor L (lower, same envelope) of the envelope matrix, in place. */
    private void choleskyInPlace(int m) {
        // tiny negative pivots come from rounding when S has the eigenvalue 1 more than once
        org.ncw.engine.cluster.EnvelopeCholesky.factor(env, envFirst, envOffset, m, SHIFT * 1e-3);
    }

    /** Solves L L^T x = b in place with the envelope factor. */
    private void solve(int m, double[] b) {
        org.ncw.engine.cluster.EnvelopeCholesky.solve(env, envFirst, envOffset, m, b);
    }

    /**
     * The {@code count} eigenvectors of the largest eigenvalues of A^-1 (= the largest of S) orthogonal to
     * {@code deflate}, by Lanczos with full reorthogonalisation; A is given by its Cholesky factor.
     */
    private double[][] lanczosLargestOfInverse(int m, double[] deflate, int count) {
        ShiftInvertLanczos.Result r = ShiftInvertLanczos.largest(m, x -> solve(m, x), new double[][] {deflate},
                count, MAX_LANCZOS, options.seed());
        lastEigenvalues = new double[count + 1];
        lastEigenvalues[0] = 1.0;
        for (int c = 0; c < count; c++) {
            lastEigenvalues[c + 1] = 1.0 + SHIFT - 1.0 / r.thetas()[c];
        }
        return r.vectors();
    }
}
