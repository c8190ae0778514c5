package org.ncw.engine.metrics;

/** Rebuilds the synthetic signals of src/test/python/make_metrics_fixtures.py exactly. */
public final class MetricsFixtureSignals {
    private MetricsFixtureSignals() {
    }

    public static double[] lcgNoise(int n, long seed) {
        double[] out = new double[n];
        long s = seed & 0xFFFFFFFFL;
        for (int i = 0; i < n; i++) {
            s = (1664525L * s + 1013904223L) & 0xFFFFFFFFL;
            out[i] = s / 4294967296.0 * 2 - 1;
        }
        return out;
    }

    public static double[] voiced(int n, int fs) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / fs;
            double s = Math.max(0, Math.sin(2 * Math.PI * 3 * t));
            double env = t >= 0.5 ? s * s : 0;
            double v = 0;
            for (int k = 1; k <= 20; k++) {
                v += Math.sin(2 * Math.PI * 140 * k * t) / k;
            }
            x[i] = env * v * 0.1;
        }
        return x;
    }

    static double[] variant(String name, double[] clean, double[] noise) {
        int n = clean.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = switch (name) {
                case "noisy" -> clean[i] + 0.05 * noise[i];
                case "light" -> clean[i] + 0.01 * noise[i];
                case "smeared" -> movingAverage5(clean, i) + 0.005 * noise[i];
                case "scaled" -> 0.5 * clean[i] + 0.02 * noise[i];
                default -> throw new IllegalArgumentException("unknown variant " + name);
            };
        }
        return y;
    }

    private static double movingAverage5(double[] x, int i) {
        double s = 0;
        for (int k = 0; k < 5; k++) {
            if (i - k >= 0) {
                s += x[i - k] / 5;
            }
        }
        return s;
    }
}
