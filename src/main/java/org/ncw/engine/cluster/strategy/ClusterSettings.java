package org.ncw.engine.cluster.strategy;

import org.ncw.engine.cluster.AffinityKind;
import org.ncw.engine.cluster.LabelAssignment;
import org.ncw.engine.cluster.SpectralOptions;
import org.ncw.engine.core.Checks;

/**
 * Which clusterer runs on the points: the algorithm, the spectral options (whose nClusters, nInit and seed the
 * other algorithms use too) and whether the one-dimensional fast path may replace the general clusterer.
 *
 * @param algorithm spectral (the study's), k-means, Ward agglomerative or Gaussian mixture
 * @param spectral  scikit-learn-named spectral clustering options
 * @param exact     true: always the general clusterer; false: column-by-column on the matrix with rbf + k-means
 *                  labels runs {@link Spectral1D} (the same problem on grouped values, much faster)
 * @param quantum   {@link Spectral1D} value cell width as a fraction of the kernel width 1/sqrt(gamma)
 *                  (0 = group exact duplicates only)
 */
public record ClusterSettings(Algorithm algorithm, SpectralOptions spectral, boolean exact, double quantum) {

    /** The clustering algorithms the strategies can run. */
    public enum Algorithm { SPECTRAL, KMEANS, WARD, GMM }

    public ClusterSettings {
        Checks.notNull("algorithm", algorithm);
        Checks.notNull("spectral", spectral);
        Checks.atLeast("nClusters", spectral.nClusters(), 2);
        Checks.inRange("quantum", quantum, 0.0, 2.0);
    }

    /** Spectral clustering with scikit-learn's defaults (2 clusters, rbf, gamma 1), fast path with quantum 0.5. */
    public static ClusterSettings defaults() {
        return new ClusterSettings(Algorithm.SPECTRAL, SpectralOptions.defaults(), false, 0.5);
    }

    public ClusterSettings withAlgorithm(Algorithm a) {
        return new ClusterSettings(a, spectral, exact, quantum);
    }

    public ClusterSettings withSpectral(SpectralOptions s) {
        return new ClusterSettings(algorithm, s, exact, quantum);
    }

    public ClusterSettings withExact(boolean e) {
        return new ClusterSettings(algorithm, spectral, e, quantum);
    }

    public ClusterSettings withQuantum(double q) {
        return new ClusterSettings(algorithm, spectral, exact, q);
    }

    public int nClusters() {
        return spectral.nClusters();
    }

    /** True when the one-dimensional fast path applies to columns of the spectrogram matrix. */
    public boolean oneDimensionalFastPath() {
        return !exact && algorithm == Algorithm.SPECTRAL && spectral.affinity() == AffinityKind.RBF
                && spectral.assignLabels() == LabelAssignment.KMEANS;
    }

    /** The {@link Spectral1D} options equivalent to these settings. */
    public Spectral1D.Options spectral1D() {
        return new Spectral1D.Options(spectral.nClusters(), spectral.gamma(), quantum, spectral.nInit(),
                spectral.seed());
    }
}
