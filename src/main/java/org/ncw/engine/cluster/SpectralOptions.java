package org.ncw.engine.cluster;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;

/**
 * Settings of {@link SpectralClusterer}, named after scikit-learn's {@code SpectralClustering}.
 *
 * @param nClusters    number of clusters and of eigenvectors (sklearn n_clusters; sklearn's default is 8, ours 2:
 *                     speech and noise)
 * @param affinity     rbf / nearest_neighbors / precomputed
 * @param gamma        rbf kernel coefficient, exp(-gamma * d^2) (sklearn default 1.0)
 * @param nNeighbors   k of the kNN graph, the point itself included (sklearn default 10)
 * @param assignLabels kmeans / discretize / cluster_qr
 * @param eigenSolver  how the embedding's eigenvectors are computed
 * @param nInit        k-means restarts (sklearn default 10)
 * @param seed         seed of every random choice (ARPACK/Lanczos start vector, k-means++, discretize rotation)
 * @param rbfTolerance 0 = exact dense rbf; > 0 drops weights below it and builds a sparse graph
 * @param scaling      per-feature scaling before the affinity
 * @param eigenTolerance     Lanczos/ARPACK residual target relative to the eigenvalue (sklearn eigen_tol; 0 = auto:
 *                           1e-10, or a vector angle below 1e-5 by the Davis-Kahan bound)
 * @param maxEigenIterations cap on Lanczos restarts (0 = auto: 1000 for small graphs, a work budget of about
 *                           3e8 / stored entries restarts for graphs with a multilevel start)
 */
public record SpectralOptions(int nClusters, AffinityKind affinity, double gamma, int nNeighbors,
                              LabelAssignment assignLabels, EigenSolver eigenSolver, int nInit, long seed,
                              double rbfTolerance, FeatureScaling scaling, double eigenTolerance,
                              int maxEigenIterations) {
    public SpectralOptions {
        Checks.atLeast("nClusters", nClusters, 1);
        Checks.notNull("affinity", affinity);
        Checks.positive("gamma", gamma);
        Checks.atLeast("nNeighbors", nNeighbors, 1);
        Checks.notNull("assignLabels", assignLabels);
        Checks.notNull("eigenSolver", eigenSolver);
        Checks.atLeast("nInit", nInit, 1);
        Checks.finite("rbfTolerance", rbfTolerance);
        if (rbfTolerance < 0 || rbfTolerance >= 1) {
            throw new InvalidParameterException("rbfTolerance must be in [0, 1) (0 = exact dense rbf), got "
                    + rbfTolerance);
        }
        Checks.notNull("scaling", scaling);
        Checks.finite("eigenTolerance", eigenTolerance);
        if (eigenTolerance < 0 || eigenTolerance >= 1) {
            throw new InvalidParameterException("eigenTolerance must be in [0, 1) (0 = auto), got " + eigenTolerance);
        }
        Checks.atLeast("maxEigenIterations", maxEigenIterations, 0);
    }

    /** scikit-learn's defaults (except nClusters = 2), seed 0, exact rbf, no scaling. */
    public static SpectralOptions defaults() {
        return new SpectralOptions(2, AffinityKind.RBF, 1.0, 10, LabelAssignment.KMEANS, EigenSolver.AUTO, 10, 0L,
                0.0, FeatureScaling.NONE, 0.0, 0);
    }

    public SpectralOptions withNClusters(int v) {
        return new SpectralOptions(v, affinity, gamma, nNeighbors, assignLabels, eigenSolver, nInit, seed,
                rbfTolerance, scaling, eigenTolerance, maxEigenIterations);
    }

    public SpectralOptions withAffinity(AffinityKind v) {
        return new SpectralOptions(nClusters, v, gamma, nNeighbors, assignLabels, eigenSolver, nInit, seed,
                rbfTolerance, scaling, eigenTolerance, maxEigenIterations);
    }

    public SpectralOptions withGamma(double v) {
        return new SpectralOptions(nClusters, affinity, v, nNeighbors, assignLabels, eigenSolver, nInit, seed,
                rbfTolerance, scaling, eigenTolerance, maxEigenIterations);
    }

    public SpectralOptions withNNeighbors(int v) {
        return new SpectralOptions(nClusters, affinity, gamma, v, assignLabels, eigenSolver, nInit, seed,
                rbfTolerance, scaling, eigenTolerance, maxEigenIterations);
    }

    public SpectralOptions withAssignLabels(LabelAssignment v) {
        return new SpectralOptions(nClusters, affinity, gamma, nNeighbors, v, eigenSolver, nInit, seed,
                rbfTolerance, scaling, eigenTolerance, maxEigenIterations);
    }

    public SpectralOptions withEigenSolver(EigenSolver v) {
        return new SpectralOptions(nClusters, affinity, gamma, nNeighbors, assignLabels, v, nInit, seed,
                rbfTolerance, scaling, eigenTolerance, maxEigenIterations);
    }

    public SpectralOptions withNInit(int v) {
        return new SpectralOptions(nClusters, affinity, gamma, nNeighbors, assignLabels, eigenSolver, v, seed,
                rbfTolerance, scaling, eigenTolerance, maxEigenIterations);
    }

    public SpectralOptions withSeed(long v) {
        return new SpectralOptions(nClusters, affinity, gamma, nNeighbors, assignLabels, eigenSolver, nInit, v,
                rbfTolerance, scaling, eigenTolerance, maxEigenIterations);
    }

    public SpectralOptions withRbfTolerance(double v) {
        return new SpectralOptions(nClusters, affinity, gamma, nNeighbors, assignLabels, eigenSolver, nInit, seed,
                v, scaling, eigenTolerance, maxEigenIterations);
    }

    public SpectralOptions withScaling(FeatureScaling v) {
        return new SpectralOptions(nClusters, affinity, gamma, nNeighbors, assignLabels, eigenSolver, nInit, seed,
                rbfTolerance, v, eigenTolerance, maxEigenIterations);
    }

    public SpectralOptions withEigenTolerance(double v) {
        return new SpectralOptions(nClusters, affinity, gamma, nNeighbors, assignLabels, eigenSolver, nInit, seed,
                rbfTolerance, scaling, v, maxEigenIterations);
    }

    public SpectralOptions withMaxEigenIterations(int v) {
        return new SpectralOptions(nClusters, affinity, gamma, nNeighbors, assignLabels, eigenSolver, nInit, seed,
                rbfTolerance, scaling, eigenTolerance, v);
    }
}
