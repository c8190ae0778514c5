package org.ncw.engine.cluster;

import org.ncw.engine.core.Checks;

/**
 * Settings of {@link KMeansClusterer}, named after scikit-learn's {@code KMeans} (defaults: n_init 10, max_iter 300,
 * tol 1e-4; n_clusters 2 here, 8 in sklearn).
 */
public record KMeansOptions(int nClusters, int nInit, int maxIter, double tol, long seed, FeatureScaling scaling) {
    public KMeansOptions {
        Checks.atLeast("nClusters", nClusters, 1);
        Checks.atLeast("nInit", nInit, 1);
        Checks.atLeast("maxIter", maxIter, 1);
        Checks.inRange("tol", tol, 0, 1);
        Checks.notNull("scaling", scaling);
    }

    public static KMeansOptions defaults() {
        return new KMeansOptions(2, 10, 300, 1e-4, 0L, FeatureScaling.NONE);
    }

    public KMeansOptions withNClusters(int v) {
        return new KMeansOptions(v, nInit, maxIter, tol, seed, scaling);
    }

    public KMeansOptions withNInit(int v) {
        return new KMeansOptions(nClusters, v, maxIter, tol, seed, scaling);
    }

    public KMeansOptions withMaxIter(int v) {
        return new KMeansOptions(nClusters, nInit, v, tol, seed, scaling);
    }

    public KMeansOptions withTol(double v) {
        return new KMeansOptions(nClusters, nInit, maxIter, v, seed, scaling);
    }

    public KMeansOptions withSeed(long v) {
        return new KMeansOptions(nClusters, nInit, maxIter, tol, v, scaling);
    }

    public KMeansOptions withScaling(FeatureScaling v) {
        return new KMeansOptions(nClusters, nInit, maxIter, tol, seed, v);
    }
}
