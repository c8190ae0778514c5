package org.ncw.engine.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ncw.engine.core.TaskMonitor;

/** k-means directly on the (optionally scaled) features: the baseline next to spectral clustering. */
public final class KMeansClusterer extends OptionsClusterer<KMeansOptions> {
    public KMeansClusterer(KMeansOptions options) {
        super(options);
    }

    @Override
    public ClusteringResult fit(Points points, TaskMonitor monitor) {
        return fit(points, options, monitor);
    }

    public static ClusteringResult fit(Points points, KMeansOptions options, TaskMonitor monitor) {
        Points scaled = FeatureScaler.apply(points, options.scaling());
        KMeans.Result r = KMeans.fit(scaled, options.nClusters(), options.nInit(), options.maxIter(), options.tol(),
                options.seed(), monitor);
        List<String> warnings = new ArrayList<>();
        if (r.distinctPoints() < options.nClusters()) {
            warnings.add("number of distinct points (" + r.distinctPoints() + ") is smaller than nClusters ("
                    + options.nClusters() + ")");
        }
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put("kmeans.inertia", r.inertia());
        diagnostics.put("kmeans.iterations", (double) r.iterations());
        return new ClusteringResult(r.labels(), options.nClusters(), warnings, diagnostics);
    }
}
