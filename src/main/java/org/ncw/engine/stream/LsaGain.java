package org.ncw.engine.stream;

/**
 * The log-spectral-amplitude gain factor {@code exp(E1(v) / 2)} of Ephraim-Malah (1985), by linear interpolation in
 * a table over log v (relative error below 1e-4), so a frame costs no special-function evaluations.
 */
final class LsaGain {
    private static final double LOG_MIN = Math.log(1e-5);
    private static final double LOG_MAX = Math.log(40);
    private static final int SIZE = 4096;
    private static final double STEP = (LOG_MAX - LOG_MIN) / (SIZE - 1);
    private static final double[] TABLE = new double[SIZE];
    private static final double EULER_GAMMA = 0.5772156649015329;

    static {
        for (int i = 0; i < SIZE; i++) {
            TABLE[i] = Math.exp(0.5 * exponentialIntegral(Math.exp(LOG_MIN + i * STEP)));
        }
    }

    private LsaGain() {
    }

    /** exp(E1(v)/2) for v > 0. */
    static double expHalfE1(double v) {
        if (!(v > 1e-5)) {
            // E1(v) ~ -gamma - ln v for small v
            return Math.exp(0.5 * (-EULER_GAMMA - Math.log(Math.max(v, 1e-300))));
        }
        if (v >= 40) {
            return 1.0;
        }
        double x = (Math.log(v) - LOG_MIN) / STEP;
        int i = Math.min(SIZE - 2, (int) x);
        double f = x - i;
        return TABLE[i] + f * (TABLE[i + 1] - TABLE[i]);
    }

    /** E1(x) = integral_x^inf e^-t / t dt: power series below 1, continued fraction (Lentz) above. */
    static double exponentialIntegral(double x) {
        if (x <= 1) {
            double sum = 0;
            double term = 1;
            for (int k = 1; k < 60; k++) {
                term *= -x / k;
                sum -= term / k;
            }
            return -EULER_GAMMA - Math.log(x) + sum;
        }
        double b = x + 1;
        double c = 1e300;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 200; i++) {
            double a = -(double) i * i;
            b += 2;
            d = 1 / (a * d + b);
            c = b + a / c;
            double delta = c * d;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return h * Math.exp(-x);
    }
}
