package org.ncw.engine.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ncw.engine.core.TaskMonitor;

/**
 * Agglomerative (hierarchical) clustering with Ward linkage, cut into k clusters: {@link Ward1D} when one feature
 * varies, else the nearest-neighbour chain ({@link WardChain}, O(n^2 d) time, O(n d) memory; the same dendrogram as
 * Smile's {@code HierarchicalClustering}, which the tests use as the reference).
 */
public final class AgglomerativeClusterer extends OptionsClusterer<AgglomerativeOptions> {
    public AgglomerativeClusterer(AgglomerativeOptions options) {
        super(options);
    }

    @Override
    public ClusteringResult fit(Points points, TaskMonitor monitor) {
        return fit(points, options, monitor);
    }

    public static ClusteringResult fit(Points points, AgglomerativeOptions options, TaskMonitor monitor) {
        int n = points.n();
        if (n > options.maxPoints()) {
            // the chain's work grows as n^2: 13 ms of one core for 2049 points
            double seconds = 3e-9 * n * (double) n;
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "agglomerative clustering of %d"
                    + " points takes O(n^2) time (about %.0f s); the limit is maxPoints=%d (subsample, or use"
                    + " k-means / spectral clustering)", n, seconds, options.maxPoints()));
        }
        if (n < options.nClusters()) {
            throw new IllegalArgumentException("cannot make nClusters=" + options.nClusters() + " clusters of " + n
                    + " points");
        }
        monitor.step(0, 1);
        Points scaled = FeatureScaler.apply(points, options.scaling());
        int line = onlyVaryingFeature(scaled);
        int[] labels = options.nClusters() == 1 ? new int[n]
                : line >= 0 ? Ward1D.cluster(feature(scaled, line), options.nClusters())
                : WardChain.cluster(scaled.withoutConstantFeatures(), options.nClusters());
        monitor.done();
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put("n", (double) n);
        return new ClusteringResult(labels, options.nClusters(), List.of(), diagnostics);
    }

    /**
     * The one feature that varies when all others are constant (a spectrogram column; a single frame of the 3-D
     * table at a constant bin would be another), so the exact one-dimensional algorithm applies; 0 when none
     * varies; -1 when two or more do.
     */
    static int onlyVaryingFeature(Points p) {
        int varying = -1;
        for (int j = 0; j < p.d(); j++) {
            double first = p.get(0, j);
            for (int i = 1; i < p.n(); i++) {
                if (p.get(i, j) != first) {
                    if (varying >= 0) {
                        return -1;
                    }
                    varying = j;
                    break;
                }
            }
        }
        return Math.max(0, varying);
    }

    private static double[] feature(Points p, int j) {
        double[] v = new double[p.n()];
        for (int i = 0; i < v.length; i++) {
            v[i] = p.get(i, j);
        }
        return v;
    }
}
