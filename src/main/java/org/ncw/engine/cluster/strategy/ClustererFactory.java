package org.ncw.engine.cluster.strategy;

import org.ncw.engine.cluster.Clusterer;
import org.ncw.engine.cluster.ClusteringResult;
import org.ncw.engine.cluster.KMeans;
import org.ncw.engine.cluster.Points;
import org.ncw.engine.cluster.SpectralClusterer;
import org.ncw.engine.core.TaskMonitor;

import java.util.List;
import java.util.Map;

/** Makes the clusterer for some settings; tests inject counting or scripted ones. */
@FunctionalInterface
public interface ClustererFactory {
    Clusterer create(ClusterSettings settings);

    /** The clustering core's algorithms (k-means: the core's k-means++ / Lloyd with the spectral options' k, nInit, seed). */
    static ClustererFactory core() {
        return settings -> switch (settings.algorithm()) {
            case SPECTRAL -> new SpectralClusterer(settings.spectral());
            case KMEANS -> new Clusterer() {
                @Override
                public ClusteringResult fit(double[][] x, TaskMonitor monitor) {
                    return fit(Points.of(x), monitor);
                }

                @Override
                public ClusteringResult fit(Points points, TaskMonitor monitor) {
                    var s = settings.spectral();
                    KMeans.Result r = KMeans.fit(points, s.nClusters(), s.nInit(), 300, 1e-4, s.seed(), monitor);
                    return new ClusteringResult(r.labels(), s.nClusters(), List.of(),
                            Map.of("kmeans.inertia", r.inertia()));
                }
            };
        };
    }
}
