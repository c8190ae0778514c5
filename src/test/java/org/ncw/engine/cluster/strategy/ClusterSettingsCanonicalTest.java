package org.ncw.engine.cluster.strategy;

import org.junit.jupiter.api.Test;
import org.ncw.engine.cluster.AffinityKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** {@link ClusterSettings#canonical}: equal exactly when the settings run the same clustering. */
class ClusterSettingsCanonicalTest {
    private static final ClusterSettings RBF = ClusterSettings.defaults();
    private static final ClusterSettings KNN = RBF.withSpectral(RBF.spectral().withAffinity(
            AffinityKind.NEAREST_NEIGHBORS));

    @Test
    void fieldsThatCannotMatterAreSetAside() {
        assertEquals(KNN.canonical(), KNN.withSpectral(KNN.spectral().withGamma(7)).canonical(), "knn ignores gamma");
        assertEquals(KNN.canonical(), KNN.withGammaMode(ClusterSettings.GammaMode.AUTO).canonical());
        assertEquals(RBF.canonical(), RBF.withSpectral(RBF.spectral().withNNeighbors(25)).canonical(),
                "rbf ignores the neighbour count");
        ClusterSettings auto = RBF.withGammaMode(ClusterSettings.GammaMode.AUTO);
        assertEquals(auto.canonical(), auto.withSpectral(auto.spectral().withGamma(3)).canonical(),
                "auto gamma ignores the given value");
        ClusterSettings kmeans = RBF.withAlgorithm(ClusterSettings.Algorithm.KMEANS);
        assertEquals(kmeans.canonical(), kmeans.withSpectral(KNN.spectral().withGamma(4)).withExact(true)
                .withQuantum(0.1).canonical(), "k-means ignores the spectral fields");
    }

    @Test
    void fieldsThatMatterAreKept() {
        assertNotEquals(RBF.canonical(), RBF.withSpectral(RBF.spectral().withGamma(2)).canonical());
        assertNotEquals(KNN.canonical(), KNN.withSpectral(KNN.spectral().withNNeighbors(5)).canonical());
        assertNotEquals(RBF.canonical(), RBF.withQuantum(0.25).canonical(), "the fast path's cell width");
        assertNotEquals(RBF.canonical(), RBF.withExact(true).canonical());
        ClusterSettings kmeans = RBF.withAlgorithm(ClusterSettings.Algorithm.KMEANS);
        assertNotEquals(kmeans.canonical(), kmeans.withSpectral(kmeans.spectral().withNClusters(3)).canonical());
        assertNotEquals(kmeans.canonical(), kmeans.withSpectral(kmeans.spectral().withSeed(9)).canonical());
        assertNotEquals(kmeans.canonical(), RBF.canonical());
    }
}
