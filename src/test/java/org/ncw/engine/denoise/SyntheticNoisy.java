package org.ncw.engine.denoise;

import java.util.Random;

/** Synthetic test material: harmonic tone bursts (speech-like on/off structure) in white or pink noise. */
final class SyntheticNoisy {
    static final int FS = 16000;

    private SyntheticNoisy() {
    }

    /** 4 s: 0.6 s bursts of a 150 Hz harmonic complex with a falling chirp, separated by 0.4 s pauses. */
    static double[] bursts(int n) {
        double[] x = new double[n];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double t = (double) i / FS;
            double f0 = 150 - 20 * (t % 1.0);
            phase += 2 * Math.PI * f0 / FS;
            boolean on = (t % 1.0) >= 0.4;
            if (!on) {
                continue;
            }
            double v = 0;
            for (int k = 1; k <= 12; k++) {
                v += Math.sin(k * phase) / k;
            }
            x[i] = 0.2 * v;
        }
        return x;
    }

    static double[] whiteNoise(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    /** Pink (1/f power) noise by Paul Kellet's filter of white noise. */
    static double[] pinkNoise(int n, long seed) {
        double[] w = whiteNoise(n, seed);
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            double white = w[i];
            b0 = 0.99886 * b0 + white * 0.0555179;
            b1 = 0.99332 * b1 + white * 0.0750759;
            b2 = 0.96900 * b2 + white * 0.1538520;
            b3 = 0.86650 * b3 + white * 0.3104856;
            b4 = 0.55000 * b4 + white * 0.5329522;
            b5 = -0.7616 * b5 - white * 0.0168980;
            p[i] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + white * 0.5362;
            b6 = white * 0.115926;
        }
        return p;
    }

    /** clean + noise scaled to the given SNR (dB) over the whole signal. */
    static double[] mix(double[] clean, double[] noise, double snrDb) {
        double ec = 0;
        double en = 0;
        for (int i = 0; i < clean.length; i++) {
            ec += clean[i] * clean[i];
            en += noise[i] * noise[i];
        }
        double g = Math.sqrt(ec / en / Math.pow(10, snrDb / 10));
        double[] y = new double[clean.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = clean[i] + g * noise[i];
        }
        return y;
    }
}
