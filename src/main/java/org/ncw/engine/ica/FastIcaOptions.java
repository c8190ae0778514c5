package org.ncw.engine.ica;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;

/**
 * Options of {@link FastIca}, with scikit-learn's defaults (parallel, logcosh with alpha 1, whitening,
 * tol 1e-4, 200 iterations).
 *
 * @param algorithm   {@code PARALLEL} estimates all components at once with symmetric decorrelation;
 *                    {@code DEFLATION} one after the other with Gram-Schmidt decorrelation
 * @param contrast    the non-quadratic function G whose derivative g drives the fixed-point update
 * @param alpha       the logcosh constant a in g(u) = tanh(a u), in [1, 2] as in scikit-learn; ignored otherwise
 * @param whiten      centre and whiten the input first; {@code false} means the input is already white and
 *                    centred and is used as given (then {@code nComponents} must equal the number of signals)
 * @param tol         convergence tolerance on max |1 - |w_new . w_old|| over the components
 * @param maxIter     fixed-point iterations at most (per component for deflation)
 * @param seed        seed of the Gaussian random initial unmixing matrix
 * @param nComponents number of components to estimate, or {@code null} for as many as input signals
 */
public record FastIcaOptions(Algorithm algorithm, Contrast contrast, double alpha, boolean whiten, double tol,
                             int maxIter, long seed, Integer nComponents) {

    public enum Algorithm { PARALLEL, DEFLATION }

    /** G(u): LOGCOSH = log cosh(a u) / a, EXP = -exp(-u^2/2), CUBE = u^4/4. */
    public enum Contrast { LOGCOSH, EXP, CUBE }

    public FastIcaOptions {
        Checks.notNull("algorithm", algorithm);
        Checks.notNull("contrast", contrast);
        Checks.inRange("alpha", alpha, 1.0, 2.0);
        Checks.positive("tol", tol);
        Checks.positive("maxIter", maxIter);
        if (nComponents != null) {
            Checks.positive("nComponents", nComponents);
        }
    }

    public static FastIcaOptions defaults() {
        return new FastIcaOptions(Algorithm.PARALLEL, Contrast.LOGCOSH, 1.0, true, 1e-4, 200, 0L, null);
    }

    public FastIcaOptions withAlgorithm(Algorithm value) {
        return new FastIcaOptions(value, contrast, alpha, whiten, tol, maxIter, seed, nComponents);
    }

    public FastIcaOptions withContrast(Contrast value) {
        return new FastIcaOptions(algorithm, value, alpha, whiten, tol, maxIter, seed, nComponents);
    }

    public FastIcaOptions withAlpha(double value) {
        return new FastIcaOptions(algorithm, contrast, value, whiten, tol, maxIter, seed, nComponents);
    }

    public FastIcaOptions withWhiten(boolean value) {
        return new FastIcaOptions(algorithm, contrast, alpha, value, tol, maxIter, seed, nComponents);
    }

    public FastIcaOptions withTol(double value) {
        return new FastIcaOptions(algorithm, contrast, alpha, whiten, value, maxIter, seed, nComponents);
    }

    public FastIcaOptions withMaxIter(int value) {
        return new FastIcaOptions(algorithm, contrast, alpha, whiten, tol, value, seed, nComponents);
    }

    public FastIcaOptions withSeed(long value) {
        return new FastIcaOptions(algorithm, contrast, alpha, whiten, tol, maxIter, value, nComponents);
    }

    public FastIcaOptions withNComponents(Integer value) {
        return new FastIcaOptions(algorithm, contrast, alpha, whiten, tol, maxIter, seed, value);
    }

    /** The number of components for {@code signals} input signals; checks it fits. */
    int componentsFor(int signals) {
        int p = nComponents == null ? signals : nComponents;
        if (p > signals) {
            throw new InvalidParameterException("nComponents must be <= the number of input signals (" + signals
                    + "), got " + p);
        }
        if (!whiten && p != signals) {
            throw new InvalidParameterException("nComponents must equal the number of input signals (" + signals
                    + ") when whiten is false, got " + p);
        }
        return p;
    }
}
