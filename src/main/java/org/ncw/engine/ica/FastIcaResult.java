package org.ncw.engine.ica;

/**
 * The outcome of {@link FastIca#fit}. Matrices are rows of arrays; accessors return copies, so the result is
 * immutable. The constructor copies the small matrices and takes ownership of the (large) {@code sources} array. With p components, m input signals and n samples:
 *
 * @param sources    p x n estimated sources (unit variance when whitening, as scikit-learn's
 *                   {@code whiten="unit-variance"}); order, sign and scale are arbitrary, as in any ICA
 * @param unmixing   p x m matrix taking the centred input to the sources (scikit-learn's {@code components_})
 * @param mixing     m x p pseudo-inverse of {@code unmixing} (scikit-learn's {@code mixing_})
 * @param whitening  p x m whitening matrix, or {@code null} when whitening was off
 * @param mean       the m input means that were removed (zeros when whitening was off)
 * @param iterations fixed-point iterations run (the largest count over components for deflation)
 * @param converged  whether every component met the tolerance within maxIter iterations
 * @param lastChange the convergence measure max |1 - |w_new . w_old|| at the last iteration
 */
public record FastIcaResult(double[][] sources, double[][] unmixing, double[][] mixing, double[][] whitening,
                            double[] mean, int iterations, boolean converged, double lastChange) {

    public FastIcaResult {
        unmixing = copy(unmixing);
        mixing = copy(mixing);
        whitening = whitening == null ? null : copy(whitening);
        mean = mean.clone();
    }

    public int components() {
        return sources.length;
    }

    /** A copy of source {@code i}. */
    public double[] source(int i) {
        return sources[i].clone();
    }

    /** The sources without a copy, for read-only use inside the package. */
    double[][] sourcesView() {
        return sources;
    }

    @Override
    public double[][] sources() {
        return copy(sources);
    }

    @Override
    public double[][] unmixing() {
        return copy(unmixing);
    }

    @Override
    public double[][] mixing() {
        return copy(mixing);
    }

    @Override
    public double[][] whitening() {
        return whitening == null ? null : copy(whitening);
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** One line for logs and tables, e.g. "converged after 7 iterations" / "did NOT converge in 200 ...". */
    public String convergenceSummary() {
        return converged
                ? "converged after " + iterations + " iteration" + (iterations == 1 ? "" : "s")
                : String.format(java.util.Locale.ROOT, "did NOT converge in %d iterations (last change %.3g)",
                        iterations, lastChange);
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
