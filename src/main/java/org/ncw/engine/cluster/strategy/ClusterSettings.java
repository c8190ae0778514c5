package org.ncw.engine.cluster.strategy;

import org.ncw.engine.cluster.AffinityKind;
import org.ncw.engine.cluster.SpectralOptions;
import org.ncw.engine.core.Checks;

/**
 * Which clusterer runs on the points: the algorithm, the spectral options (whose nClusters, nInit and seed the
 * other algorithms use too) and whether the one-dimensional fast path may replace the general clusterer.
 *
 * @param algorithm spectral (the study's), k-means, Ward agglomerative or Gaussian mixture
 * @param spectral  scikit-learn-named spectral clustering options
 * @param exact     true: always the general clusterer; false: column-by-column on the matrix with rbf (any label
 *                  assignment) runs {@link Spectral1D} (the same problem on grouped values, much faster)
 * @param quantum   {@link Spectral1D} value cell width as a fraction of the kernel width 1/sqrt(gamma)
 *                  (0 = group exact duplicates only)
 * @param gammaMode {@link GammaMode#VALUE}: the rbf gamma of {@code spectral} as given; {@link GammaMode#AUTO}:
 *                  the median heuristic on the clustered values ({@link GammaHeuristic}), reported in the result.
 *                  Missing in an older experiment file: VALUE
 */
public record ClusterSettings(Algorithm algorithm, SpectralOptions spectral, boolean exact, double quantum,
                              GammaMode gammaMode) {

    /** The clustering algorithms the strategies can run. */
    public enum Algorithm { SPECTRAL, KMEANS, WARD, GMM }

    /** Where the rbf gamma comes from. */
    public enum GammaMode { VALUE, AUTO }

    public ClusterSettings {
        Checks.notNull("algorithm", algorithm);
        Checks.notNull("spectral", spectral);
        Checks.atLeast("nClusters", spectral.nClusters(), 2);
        Checks.inRange("quantum", quantum, 0.0, 2.0);
        if (gammaMode == null) {
            gammaMode = GammaMode.VALUE;
        }
    }

    /** Spectral clustering with scikit-learn's defaults (2 clusters, rbf, gamma 1), fast path with quantum 0.5. */
    public static ClusterSettings defaults() {
        return new ClusterSettings(Algorithm.SPECTRAL, SpectralOptions.defaults(), false, 0.5, GammaMode.VALUE);
    }

    public ClusterSettings withAlgorithm(Algorithm a) {
        return new ClusterSettings(a, spectral, exact, quantum, gammaMode);
    }

    public ClusterSettings withSpectral(SpectralOptions s) {
        return new ClusterSettings(algorithm, s, exact, quantum, gammaMode);
    }

    public ClusterSettings withExact(boolean e) {
        return new ClusterSettings(algorithm, spectral, e, quantum, gammaMode);
    }

    public ClusterSettings withQuantum(double q) {
        return new ClusterSettings(algorithm, spectral, exact, q, gammaMode);
    }

    public ClusterSettings withGammaMode(GammaMode g) {
        return new ClusterSettings(algorithm, spectral, exact, quantum, g);
    }

    /**
     * These settings with every field that cannot change the result set to its default, so two settings that run
     * the same clustering are equal: the spectral fields under another algorithm (which uses only nClusters,
     * nInit, seed and scaling), gamma and the rbf tolerance under kNN, the neighbour count under rbf, the gamma
     * value when the mode is AUTO, and the fast-path switches where the fast path cannot apply.
     */
    public ClusterSettings canonical() {
        SpectralOptions d = SpectralOptions.defaults();
        ClusterSettings base = defaults();
        if (algorithm != Algorithm.SPECTRAL) {
            SpectralOptions used = d.withNClusters(spectral.nClusters()).withNInit(spectral.nInit())
                    .withSeed(spectral.seed()).withScaling(spectral.scaling());
            return new ClusterSettings(algorithm, used, base.exact(), base.quantum(), GammaMode.VALUE);
        }
        SpectralOptions s = spectral;
        if (s.affinity() == AffinityKind.RBF) {
            s = s.withNNeighbors(d.nNeighbors());
            if (gammaMode == GammaMode.AUTO) {
                s = s.withGamma(d.gamma());
            }
            return new ClusterSettings(algorithm, s, exact, exact ? base.quantum() : quantum, gammaMode);
        }
        s = s.withGamma(d.gamma()).withRbfTolerance(d.rbfTolerance());
        return new ClusterSettings(algorithm, s, base.exact(), base.quantum(), GammaMode.VALUE);
    }

    /** These settings with a concrete rbf gamma (what runs when the mode is AUTO). */
    public ClusterSettings withEffectiveGamma(double gamma) {
        return new ClusterSettings(algorithm, spectral.withGamma(gamma), exact, quantum, GammaMode.VALUE);
    }

    public boolean autoGamma() {
        return gammaMode == GammaMode.AUTO;
    }

    public int nClusters() {
        return spectral.nClusters();
    }

    /** True when the grouped fast path ({@link Spectral1D}) applies to columns (of the matrix or the 3-D table). */
    public boolean oneDimensionalFastPath() {
        return !exact && algorithm == Algorithm.SPECTRAL && spectral.affinity() == AffinityKind.RBF;
    }

    /** The {@link Spectral1D} options equivalent to these settings. */
    public Spectral1D.Options spectral1D() {
        return new Spectral1D.Options(spectral.nClusters(), spectral.gamma(), quantum, spectral.nInit(),
                spectral.seed());
    }
}
