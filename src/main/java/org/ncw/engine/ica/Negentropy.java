package org.ncw.engine.ica;

/**
 * Hyvärinen's negentropy approximation J(y) = (E[G(y)] - E[G(v)])^2 for a unit-variance y and a standard normal v,
 * with the contrast's G: the quantity FastICA maximises. Used to choose among restarts: FastICA's stopping rule
 * (a step below tol) also fires when a start lies near a non-separating stationary point, and such a fit has low
 * negentropy. Zero for Gaussian data, larger the less Gaussian.
 */
public final class Negentropy {
    private static final double LN2 = Math.log(2);

    private Negentropy() {
    }

    /** Sum of J over the sources of a fit made with {@code contrast} and {@code alpha}. */
    public static double total(FastIcaResult fit, FastIcaOptions.Contrast contrast, double alpha) {
        return total(fit.sourcesView(), contrast, alpha);
    }

    /** Sum of J over the rows of {@code sources} (each of unit variance). */
    public static double total(double[][] sources, FastIcaOptions.Contrast contrast, double alpha) {
        double gaussian = gaussianExpectation(contrast, alpha);
        double sum = 0;
        for (double[] y : sources) {
            double e = 0;
            for (double v : y) {
                e += contrastG(contrast, alpha, v);
            }
            double d = e / y.length - gaussian;
            sum += d * d;
        }
        return sum;
    }

    /** G(u): log cosh(a u) / a, -exp(-u^2/2) or u^4/4. */
    static double contrastG(FastIcaOptions.Contrast contrast, double alpha, double u) {
        return switch (contrast) {
            case LOGCOSH -> {
                double z = Math.abs(alpha * u);
                // overflow-free log cosh; 1 + e lies in (1, 2], where Math.log (an intrinsic) is as exact as log1p
                yield (z + Math.log(1 + Math.exp(-2 * z)) - LN2) / alpha;
            }
            case EXP -> -Math.exp(-0.5 * u * u);
            case CUBE -> 0.25 * u * u * u * u;
        };
    }

    /** E[G(v)] for v ~ N(0, 1), by Simpson's rule on [-12, 12] (the tails beyond add less than 1e-30). */
    static double gaussianExpectation(FastIcaOptions.Contrast contrast, double alpha) {
        int intervals = 4800;
        double lo = -12;
        double h = 24.0 / intervals;
        double sum = 0;
        for (int i = 0; i <= intervals; i++) {
            double u = lo + i * h;
            double w = i == 0 || i == intervals ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += w * contrastG(contrast, alpha, u) * Math.exp(-0.5 * u * u);
        }
        return sum * h / 3 / Math.sqrt(2 * Math.PI);
    }
}
