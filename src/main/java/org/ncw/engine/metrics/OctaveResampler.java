package org.ncw.engine.metrics;

import org.ncw.engine.audio.KaiserWindow;

/**
 * Rational resampling by p/q exactly as pystoi does it ({@code resample_oct}): the anti-aliasing filter of GNU
 * Octave's {@code resample} (Kaiser-windowed sinc, 60 dB rejection, roll-off a tenth of the cut-off), normalised
 * to unit sum, applied as {@code scipy.signal.resample_poly} does (zero-padded polyphase filtering, output
 * centred, {@code ceil(n * p / q)} samples). Matching the resampler matters: STOI at 10 kHz moves by ~1e-3
 * with another filter.
 */
final class OctaveResampler {
    private final int up;
    private final int down;
    private final double[] filter;
    private final int prePad;
    private final int preRemove;

    /** A resampler from rate {@code from} to rate {@code to} (e.g. 16000 to 10000). */
    OctaveResampler(int from, int to) {
        if (from <= 0 || to <= 0) {
            throw new IllegalArgumentException("sample rates must be > 0, got " + from + " -> " + to);
        }
        int g = gcd(to, from);
        this.up = to / g;
        this.down = from / g;
        double[] h = octaveFilter(up, down);
        double sum = 0;
        for (double v : h) {
            sum += v;
        }
        for (int i = 0; i < h.length; i++) {
            h[i] = h[i] / sum * up;
        }
        this.filter = h;
        int half = h.length / 2;
        this.prePad = down - half % down;
        this.preRemove = (half + prePad) / down;
    }

    int up() {
        return up;
    }

    int down() {
        return down;
    }

    /** The resampled signal: {@code ceil(x.length * up / down)} samples. */
    double[] apply(double[] x) {
        if (up == 1 && down == 1) {
            return x.clone();
        }
        int nIn = x.length;
        long nOutLong = ((long) nIn * up + down - 1) / down;
        int nOut = Math.toIntExact(nOutLong);
        double[] out = new double[nOut];
        int len = filter.length;
        for (int j = 0; j < nOut; j++) {
            // Output j is sample (j + preRemove) * down of the upsampled signal filtered by [0 x prePad, h].
            long m = (long) (j + preRemove) * down - prePad;
            // h index i = m - k * up must lie in [0, len): k in [ceil((m - len + 1) / up), floor(m / up)].
            long kLow = Math.max(0, Math.floorDiv(m - len + up, up));
            long kHigh = Math.min(nIn - 1L, Math.floorDiv(m, up));
            double acc = 0;
            for (long k = kLow; k <= kHigh; k++) {
                acc += x[(int) k] * filter[(int) (m - k * up)];
            }
            out[j] = acc;
        }
        return out;
    }

    /** Octave's resample filter for p/q (already reduced): Kaiser-windowed ideal low-pass, length 2L+1. */
    static double[] octaveFilter(int p, int q) {
        double rejectionDb = 60; // -20 * log10(1e-3)
        double stopbandCutoff = 1.0 / (2 * Math.max(p, q));
        double rollOff = stopbandCutoff / 10;
        int halfLength = (int) Math.ceil((rejectionDb - 8) / (28.714 * rollOff));
        double beta = 0.1102 * (rejectionDb - 8.7);
        int m = 2 * halfLength + 1;
        double[] h = new double[m];
        double i0Beta = KaiserWindow.besselI0(beta);
        for (int n = 0; n < m; n++) {
            double t = n - halfLength;
            double arg = 2 * stopbandCutoff * t;
            double sinc = arg == 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
            h[n] = KaiserWindow.value(n, m, beta, i0Beta) * 2 * p * stopbandCutoff * sinc;
        }
        return h;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
