package org.ncw.engine.cluster.strategy;

import org.ncw.engine.cluster.AgglomerativeClusterer;
import org.ncw.engine.cluster.AgglomerativeOptions;
import org.ncw.engine.cluster.Clusterer;
import org.ncw.engine.cluster.GaussianMixtureClusterer;
import org.ncw.engine.cluster.GaussianMixtureOptions;
import org.ncw.engine.cluster.KMeansClusterer;
import org.ncw.engine.cluster.KMeansOptions;
import org.ncw.engine.cluster.SpectralClusterer;
import org.ncw.engine.cluster.SpectralOptions;

/** Makes the clusterer for some settings; tests inject counting or scripted ones. */
@FunctionalInterface
public interface ClustererFactory {
    Clusterer create(ClusterSettings settings);

    /**
     * The clustering core's algorithms. k-means, Ward and the Gaussian mixture take the number of clusters,
     * restarts and seed from the spectral options (one set of knobs for the CLI and the experiment file); the
     * strategies scale table features themselves, so the core scales nothing.
     */
    static ClustererFactory core() {
        return settings -> {
            SpectralOptions s = settings.spectral();
            return switch (settings.algorithm()) {
                case SPECTRAL -> new SpectralClusterer(s);
                case KMEANS -> new KMeansClusterer(KMeansOptions.defaults().withNClusters(s.nClusters())
                        .withNInit(s.nInit()).withSeed(s.seed()));
                case WARD -> new AgglomerativeClusterer(AgglomerativeOptions.defaults().withNClusters(s.nClusters()));
                case GMM -> new GaussianMixtureClusterer(GaussianMixtureOptions.defaults()
                        .withNComponents(s.nClusters()).withSeed(s.seed()));
            };
        };
    }
}
