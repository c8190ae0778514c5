package org.ncw.engine.cluster.strategy;

import org.ncw.engine.core.Checks;

/**
 * Which clusterer runs on the points and with which parameters: the part of an experiment file that names the
 * algorithm. Flat and CLI-shaped on purpose (stable JSON names); {@link ClustererFactory} maps it onto the
 * clustering core's option records in one place.
 *
 * @param algorithm    spectral (the study's), k-means, Ward agglomerative or Gaussian mixture
 * @param nClusters    number of clusters (>= 2); the {@link SpeechRoleRule} picks the speech one
 * @param affinity     spectral affinity: rbf kernel or k-nearest-neighbour graph
 * @param gamma        rbf coefficient exp(-gamma d^2) (scikit-learn's default 1.0)
 * @param nNeighbors   neighbours of the kNN affinity (scikit-learn's default 10)
 * @param assignLabels how spectral clustering turns the embedding into labels
 * @param eigenSolver  eigen solver of spectral clustering
 * @param nInit        k-means restarts
 * @param seed         seed of everything random
 * @param exact        true: always the general clusterer; false: column-by-column on the matrix with rbf + k-means
 *                     labels uses {@link Spectral1D} (same problem on grouped values, much faster)
 * @param quantum      {@link Spectral1D} value cell width as a fraction of the kernel width (0 = exact duplicates)
 */
public record ClusterSettings(Algorithm algorithm, int nClusters, Affinity affinity, double gamma, int nNeighbors,
                              AssignLabels assignLabels, EigenSolver eigenSolver, int nInit, long seed,
                              boolean exact, double quantum) {

    public enum Algorithm { SPECTRAL, KMEANS, WARD, GMM }

    public enum Affinity { RBF, KNN }

    public enum AssignLabels { KMEANS, DISCRETIZE, CLUSTER_QR }

    public enum EigenSolver { AUTO, ARPACK, DENSE, LANCZOS }

    public ClusterSettings {
        Checks.notNull("algorithm", algorithm);
        Checks.atLeast("nClusters", nClusters, 2);
        Checks.notNull("affinity", affinity);
        Checks.positive("gamma", gamma);
        Checks.positive("nNeighbors", nNeighbors);
        Checks.notNull("assignLabels", assignLabels);
        Checks.notNull("eigenSolver", eigenSolver);
        Checks.positive("nInit", nInit);
        Checks.inRange("quantum", quantum, 0.0, 2.0);
    }

    public static ClusterSettings defaults() {
        return new ClusterSettings(Algorithm.SPECTRAL, 2, Affinity.RBF, 1.0, 10, AssignLabels.KMEANS,
                EigenSolver.AUTO, 10, 0L, false, 0.5);
    }

    public ClusterSettings withAlgorithm(Algorithm a) {
        return new ClusterSettings(a, nClusters, affinity, gamma, nNeighbors, assignLabels, eigenSolver, nInit, seed,
                exact, quantum);
    }

    public ClusterSettings withNClusters(int k) {
        return new ClusterSettings(algorithm, k, affinity, gamma, nNeighbors, assignLabels, eigenSolver, nInit, seed,
                exact, quantum);
    }

    public ClusterSettings withAffinity(Affinity a) {
        return new ClusterSettings(algorithm, nClusters, a, gamma, nNeighbors, assignLabels, eigenSolver, nInit, seed,
                exact, quantum);
    }

    public ClusterSettings withGamma(double g) {
        return new ClusterSettings(algorithm, nClusters, affinity, g, nNeighbors, assignLabels, eigenSolver, nInit,
                seed, exact, quantum);
    }

    public ClusterSettings withNNeighbors(int n) {
        return new ClusterSettings(algorithm, nClusters, affinity, gamma, n, assignLabels, eigenSolver, nInit, seed,
                exact, quantum);
    }

    public ClusterSettings withAssignLabels(AssignLabels a) {
        return new ClusterSettings(algorithm, nClusters, affinity, gamma, nNeighbors, a, eigenSolver, nInit, seed,
                exact, quantum);
    }

    public ClusterSettings withEigenSolver(EigenSolver s) {
        return new ClusterSettings(algorithm, nClusters, affinity, gamma, nNeighbors, assignLabels, s, nInit, seed,
                exact, quantum);
    }

    public ClusterSettings withSeed(long s) {
        return new ClusterSettings(algorithm, nClusters, affinity, gamma, nNeighbors, assignLabels, eigenSolver, nInit,
                s, exact, quantum);
    }

    public ClusterSettings withExact(boolean e) {
        return new ClusterSettings(algorithm, nClusters, affinity, gamma, nNeighbors, assignLabels, eigenSolver, nInit,
                seed, e, quantum);
    }

    public ClusterSettings withQuantum(double q) {
        return new ClusterSettings(algorithm, nClusters, affinity, gamma, nNeighbors, assignLabels, eigenSolver, nInit,
                seed, exact, q);
    }

    /** True when the one-dimensional fast path applies to columns of the spectrogram matrix. */
    public boolean oneDimensionalFastPath() {
        return !exact && algorithm == Algorithm.SPECTRAL && affinity == Affinity.RBF
                && assignLabels == AssignLabels.KMEANS;
    }

    /** The {@link Spectral1D} options equivalent to these settings. */
    public Spectral1D.Options spectral1D() {
        return new Spectral1D.Options(nClusters, gamma, quantum, nInit, seed);
    }
}
