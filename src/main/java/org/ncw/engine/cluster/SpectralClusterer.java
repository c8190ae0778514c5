package org.ncw.engine.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ncw.engine.core.TaskMonitor;

/**
 * scikit-learn's {@code SpectralClustering} in Java: affinity graph (rbf, kNN or precomputed), normalised
 * Laplacian spectral embedding with k eigenvectors, then k-means / discretize / cluster_qr on the embedding.
 * Never fails on a disconnected graph (it warns, like sklearn).
 */
public final class SpectralClusterer implements Clusterer {
    private final SpectralOptions options;

    public SpectralClusterer(SpectralOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public SpectralOptions options() {
        return options;
    }

    @Override
    public ClusteringResult fit(double[][] x, TaskMonitor monitor) {
        return fit(x, options, monitor);
    }

    @Override
    public ClusteringResult fit(Points points, TaskMonitor monitor) {
        return fit(points, options, monitor);
    }

    public static ClusteringResult fit(double[][] x, SpectralOptions options, TaskMonitor monitor) {
        if (options.affinity() == AffinityKind.PRECOMPUTED) {
            return fitAffinity(precomputed(x), options, monitor);
        }
        return fit(Points.of(x), options, monitor);
    }

    public static ClusteringResult fit(Points points, SpectralOptions options, TaskMonitor monitor) {
        Objects.requireNonNull(options, "options");
        if (options.affinity() == AffinityKind.PRECOMPUTED) {
            return fitAffinity(precomputed(points.toRows()), options, monitor);
        }
        return assign(embed(points, options, monitor.sub(0, 0.8)), options, monitor.sub(0.8, 1));
    }

    /**
     * The embedding stage on its own (affinity graph and eigenvectors) with its diagnostics and warnings; the
     * label assignment ({@link #assign}) can then run on it any number of times (callers cache it apart from the
     * labels: a kmeans -> discretize change only re-assigns).
     */
    public record Embedded(Embedding embedding, Map<String, Double> diagnostics, List<String> warnings) {
        public Embedded {
            Objects.requireNonNull(embedding, "embedding");
            diagnostics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
            warnings = List.copyOf(warnings);
        }
    }

    /** Affinity of the (scaled) points and its spectral embedding; not for a precomputed affinity. */
    public static Embedded embed(Points points, SpectralOptions options, TaskMonitor monitor) {
        Objects.requireNonNull(options, "options");
        if (options.affinity() == AffinityKind.PRECOMPUTED) {
            throw new IllegalArgumentException("a precomputed affinity is the input itself; use fitAffinity");
        }
        checkSize(points.n(), options.nClusters());
        long t0 = System.nanoTime();
        Points scaled = FeatureScaler.apply(points, options.scaling());
        // one-dimensional points in sorted order make a kNN graph banded (bandwidth < k), which the embedding
        // solves by banded shift-invert; the embedding's rows go back to the input's order
        int[] order = scaled.d() == 1 && options.affinity() == AffinityKind.NEAREST_NEIGHBORS ? sortOrder(scaled)
                : null;
        Points graphPoints = order == null ? scaled : permuted(scaled, order);
        AffinityMatrix affinity = AffinityBuilder.build(graphPoints, options, monitor.sub(0, 0.3).stage("affinity"));
        double affinityMs = (System.nanoTime() - t0) / 1e6;
        Embedded e = embedAffinity(affinity, options, monitor.sub(0.3, 1));
        if (order != null) {
            e = new Embedded(unpermuted(e.embedding(), order), e.diagnostics(), e.warnings());
        }
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put("time.affinity.ms", affinityMs);
        diagnostics.putAll(e.diagnostics());
        List<String> warnings = new ArrayList<>(e.warnings());
        int distinct = points.countDistinct(options.nClusters());
        if (distinct < options.nClusters()) {
            warnings.add("only " + distinct + " distinct points for nClusters=" + options.nClusters()
                    + "; identical points are split arbitrarily");
        }
        return new Embedded(e.embedding(), diagnostics, warnings);
    }

    /** Indices of one-dimensional points by value (ties by index). */
    private static int[] sortOrder(Points p) {
        double[] v = p.data();
        return java.util.stream.IntStream.range(0, p.n()).boxed()
                .sorted((a, b) -> Double.compare(v[a], v[b])).mapToInt(Integer::intValue).toArray();
    }

    private static Points permuted(Points p, int[] order) {
        double[] v = p.data();
        double[] out = new double[order.length];
        for (int r = 0; r < order.length; r++) {
            out[r] = v[order[r]];
        }
        return new Points(p.n(), 1, out);
    }

    /** The embedding of points given in {@code order} (row r is point order[r]) with rows in the points' order. */
    private static Embedding unpermuted(Embedding e, int[] order) {
        int k = e.k();
        double[] sorted = e.vectors();
        double[] out = new double[sorted.length];
        for (int r = 0; r < order.length; r++) {
            System.arraycopy(sorted, r * k, out, order[r] * k, k);
        }
        return new Embedding(e.n(), k, out, e.eigenvalues(), e.components(), e.solver(), e.matVecs(), e.residual(),
                e.converged(), e.warnings());
    }

    /** Spectral clustering of a given symmetric affinity graph (sklearn's {@code spectral_clustering}). */
    public static ClusteringResult fitAffinity(AffinityMatrix affinity, SpectralOptions options, TaskMonitor monitor) {
        return assign(embedAffinity(affinity, options, monitor.sub(0, 0.8)), options, monitor.sub(0.8, 1));
    }

    private static Embedded embedAffinity(AffinityMatrix affinity, SpectralOptions options, TaskMonitor monitor) {
        int n = affinity.size();
        int k = options.nClusters();
        checkSize(n, k);
        long t0 = System.nanoTime();
        Embedding embedding = SpectralEmbedding.compute(affinity, k, options.eigenSolver(), options.seed(),
                options.eigenTolerance(), options.maxEigenIterations(), monitor.stage("embedding"));
        long t1 = System.nanoTime();
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put("n", (double) n);
        diagnostics.put("affinity.storedEntries", (double) affinity.storedEntries());
        diagnostics.put("components", (double) embedding.components());
        for (int c = 0; c < k; c++) {
            diagnostics.put("eigenvalue." + c, embedding.eigenvalues()[c]);
        }
        diagnostics.put("eigen.matVecs", (double) embedding.matVecs());
        diagnostics.put("eigen.residual", embedding.residual());
        diagnostics.put("time.embedding.ms", (t1 - t0) / 1e6);
        return new Embedded(embedding, diagnostics, embedding.warnings());
    }

    /** The label assignment stage on an embedding ({@code options.assignLabels()}, nClusters, nInit, seed). */
    public static ClusteringResult assign(Embedded embedded, SpectralOptions options, TaskMonitor monitor) {
        int k = options.nClusters();
        long t1 = System.nanoTime();
        List<String> warnings = new ArrayList<>(embedded.warnings());
        Map<String, Double> diagnostics = new LinkedHashMap<>(embedded.diagnostics());
        int[] labels = assign(embedded.embedding(), options, warnings, diagnostics, monitor.stage("labels"));
        diagnostics.put("time.labels.ms", (System.nanoTime() - t1) / 1e6);
        int distinct = (int) java.util.Arrays.stream(labels).distinct().count();
        if (distinct < k) {
            warnings.add("only " + distinct + " distinct clusters found for nClusters=" + k
                    + " (duplicate points or a degenerate embedding)");
        }
        monitor.done();
        return new ClusteringResult(labels, k, warnings, diagnostics);
    }

    private static int[] assign(Embedding embedding, SpectralOptions options, List<String> warnings,
                                Map<String, Double> diagnostics, TaskMonitor monitor) {
        int k = options.nClusters();
        return switch (options.assignLabels()) {
            case KMEANS -> {
                KMeans.Result r = KMeans.fit(embedding.asPoints(), k, options.nInit(), 300, 1e-4,
                        options.seed(), monitor);
                diagnostics.put("kmeans.inertia", r.inertia());
                diagnostics.put("kmeans.iterations", (double) r.iterations());
                if (r.distinctPoints() < k) {
                    warnings.add("number of distinct points in the embedding (" + r.distinctPoints()
                            + ") is smaller than nClusters (" + k + ")");
                }
                yield r.labels();
            }
            case DISCRETIZE -> {
                LabelAssigner.Assignment a = LabelAssigner.discretize(embedding, options.seed());
                diagnostics.put("discretize.iterations", (double) a.iterations());
                yield a.labels();
            }
            case CLUSTER_QR -> LabelAssigner.clusterQr(embedding).labels();
        };
    }

    private static void checkSize(int n, int k) {
        if (n < 2) {
            throw new IllegalArgumentException("spectral clustering needs at least 2 points, got " + n);
        }
        if (n < k) {
            throw new IllegalArgumentException("cannot make nClusters=" + k + " clusters of " + n + " points");
        }
    }

    private static DenseAffinity precomputed(double[][] x) {
        int n = x.length;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            if (x[i].length != n) {
                throw new IllegalArgumentException("a precomputed affinity must be square: row " + i + " has "
                        + x[i].length + " values, expected " + n);
            }
            System.arraycopy(x[i], 0, a, i * n, n);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double u = a[i * n + j];
                double l = a[j * n + i];
                if (!(u >= 0) || Math.abs(u - l) > 1e-10 * Math.max(1, Math.abs(u))) {
                    throw new IllegalArgumentException("a precomputed affinity must be symmetric and non-negative;"
                            + " entry (" + i + ", " + j + ") = " + u + ", (" + j + ", " + i + ") = " + l);
                }
            }
        }
        return new DenseAffinity(n, a);
    }
}
