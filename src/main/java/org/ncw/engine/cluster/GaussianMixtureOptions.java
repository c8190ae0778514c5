package org.ncw.engine.cluster;

import org.ncw.engine.core.Checks;

/**
 * Settings of {@link GaussianMixtureClusterer}, named after scikit-learn's {@code GaussianMixture} (defaults:
 * full covariance, tol 1e-3, reg_covar 1e-6, max_iter 100, n_init 1, k-means initialisation).
 */
public record GaussianMixtureOptions(int nComponents, Covariance covariance, int maxIter, double tol,
                                     double regCovar, int nInit, long seed, FeatureScaling scaling) {
    /** Covariance model per component. */
    public enum Covariance { FULL, DIAGONAL }

    public GaussianMixtureOptions {
        Checks.atLeast("nComponents", nComponents, 1);
        Checks.notNull("covariance", covariance);
        Checks.atLeast("maxIter", maxIter, 1);
        Checks.inRange("tol", tol, 0, 1);
        Checks.inRange("regCovar", regCovar, 0, 1);
        Checks.atLeast("nInit", nInit, 1);
        Checks.notNull("scaling", scaling);
    }

    public static GaussianMixtureOptions defaults() {
        return new GaussianMixtureOptions(2, Covariance.FULL, 100, 1e-3, 1e-6, 1, 0L, FeatureScaling.NONE);
    }

    public GaussianMixtureOptions withNComponents(int v) {
        return new GaussianMixtureOptions(v, covariance, maxIter, tol, regCovar, nInit, seed, scaling);
    }

    public GaussianMixtureOptions withCovariance(Covariance v) {
        return new GaussianMixtureOptions(nComponents, v, maxIter, tol, regCovar, nInit, seed, scaling);
    }

    public GaussianMixtureOptions withMaxIter(int v) {
        return new GaussianMixtureOptions(nComponents, covariance, v, tol, regCovar, nInit, seed, scaling);
    }

    public GaussianMixtureOptions withTol(double v) {
        return new GaussianMixtureOptions(nComponents, covariance, maxIter, v, regCovar, nInit, seed, scaling);
    }

    public GaussianMixtureOptions withRegCovar(double v) {
        return new GaussianMixtureOptions(nComponents, covariance, maxIter, tol, v, nInit, seed, scaling);
    }

    public GaussianMixtureOptions withNInit(int v) {
        return new GaussianMixtureOptions(nComponents, covariance, maxIter, tol, regCovar, v, seed, scaling);
    }

    public GaussianMixtureOptions withSeed(long v) {
        return new GaussianMixtureOptions(nComponents, covariance, maxIter, tol, regCovar, nInit, v, scaling);
    }

    public GaussianMixtureOptions withScaling(FeatureScaling v) {
        return new GaussianMixtureOptions(nComponents, covariance, maxIter, tol, regCovar, nInit, seed, v);
    }
}
