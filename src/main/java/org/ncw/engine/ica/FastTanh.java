package org.ncw.engine.ica;

/**
 * tanh by a [13/6] rational minimax approximation (the coefficients of Eigen's float tanh), clamped at |u| = 9.
 * Absolute error below 3.1e-8 everywhere (checked against {@link Math#tanh} in FastTanhTest), about ten times
 * faster than {@code Math.tanh}: FastICA's logcosh contrast evaluates it once per sample, component and iteration,
 * and an error this small moves the fixed point by far less than the convergence tolerance.
 */
final class FastTanh {
    private static final double CLAMP = 9.0;
    private static final double A1 = 4.89352455891786e-03;
    private static final double A3 = 6.37261928875436e-04;
    private static final double A5 = 1.48572235717979e-05;
    private static final double A7 = 5.12229709037114e-08;
    private static final double A9 = -8.60467152213735e-11;
    private static final double A11 = 2.00018790482477e-13;
    private static final double A13 = -2.76076847742355e-16;
    private static final double B0 = 4.89352518554385e-03;
    private static final double B2 = 2.26843463243900e-03;
    private static final double B4 = 1.18534705686654e-04;
    private static final double B6 = 1.19825839466702e-06;

    private FastTanh() {
    }

    static double tanh(double u) {
        double x = Math.max(-CLAMP, Math.min(CLAMP, u));
        double x2 = x * x;
        double num = x * (A1 + x2 * (A3 + x2 * (A5 + x2 * (A7 + x2 * (A9 + x2 * (A11 + x2 * A13))))));
        double den = B0 + x2 * (B2 + x2 * (B4 + x2 * B6));
        return num / den;
    }
}
