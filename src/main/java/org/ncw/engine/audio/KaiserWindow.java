package org.ncw.engine.audio;

/** The Kaiser window and Kaiser's design formulas for its beta and the filter length (as in scipy.signal.kaiserord). */
public final class KaiserWindow {
    private KaiserWindow() {
    }

    /** Beta giving {@code attenuationDb} of stop-band attenuation (Kaiser 1974, also scipy's kaiser_beta). */
    static double beta(double attenuationDb) {
        double a = attenuationDb;
        if (a > 50) {
            return 0.1102 * (a - 8.7);
        }
        if (a > 21) {
            return 0.5842 * Math.pow(a - 21, 0.4) + 0.07886 * (a - 21);
        }
        return 0;
    }

    /**
     * Taps for a low-pass with {@code attenuationDb} stop-band attenuation and a transition band of
     * {@code widthRelNyquist} (1 = the Nyquist frequency), rounded up to an odd count so the filter has a centre tap.
     */
    static long oddTapCount(double attenuationDb, double widthRelNyquist) {
        long n = (long) Math.ceil((attenuationDb - 7.95) / 2.285 / (Math.PI * widthRelNyquist) + 1);
        return n % 2 == 0 ? n + 1 : n;
    }

    /** w[i] = I0(beta sqrt(1 - (2i/(n-1) - 1)^2)) / I0(beta), i = 0..n-1 (the symmetric window). */
    static double value(int i, int n, double beta) {
        return value(i, n, beta, besselI0(beta));
    }

    /** {@link #value(int, int, double)} with I0(beta) computed once by the caller. */
    public static double value(int i, int n, double beta, double i0Beta) {
        if (n == 1) {
            return 1;
        }
        double r = 2.0 * i / (n - 1) - 1;
        return besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series (converges for all x). */
    public static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 500; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return sum;
    }
}
