package org.ncw.engine.denoise;

/**
 * The cluster-informed part of the denoiser: finds the noise-only frames of a recording without a hand-given
 * noise profile. The power spectrogram is summarised in log-spaced bands; in every band the frames' log energies
 * are split into two clusters (1-D k-means), and a frame's vote is the share of bands in which it falls in the
 * quiet cluster. Those shares are clustered once more; the frames of the high-share cluster are noise-only, and
 * their mean power spectrum is the first noise estimate. Works wherever speech pauses exist somewhere in the
 * recording (not only at its start).
 */
final class NoiseFrameClustering {
    private static final int MAX_ITERATIONS = 100;

    private NoiseFrameClustering() {
    }

    /** Noise-only frames and their mean power per bin. */
    record Result(boolean[] noiseFrames, double[] noisePsd) {
    }

    static Result fit(double[] power, int bins, int frames, int bands) {
        int[] edges = bandEdges(bins, bands);
        int bandCount = edges.length - 1;
        double[] votes = new double[frames];
        double[] feature = new double[frames];
        for (int b = 0; b < bandCount; b++) {
            for (int t = 0; t < frames; t++) {
                double s = 0;
                for (int k = edges[b]; k < edges[b + 1]; k++) {
                    s += power[t * bins + k];
                }
                feature[t] = Math.log(s / (edges[b + 1] - edges[b]) + 1e-12);
            }
            boolean[] quiet = twoMeansLow(feature);
            for (int t = 0; t < frames; t++) {
                if (quiet[t]) {
                    votes[t] += 1.0 / bandCount;
                }
            }
        }
        boolean[] noise = twoMeansHigh(votes);
        double[] psd = new double[bins];
        int count = 0;
        for (int t = 0; t < frames; t++) {
            if (noise[t]) {
                count++;
                for (int k = 0; k < bins; k++) {
                    psd[k] += power[t * bins + k];
                }
            }
        }
        for (int k = 0; k < bins; k++) {
            psd[k] /= Math.max(1, count);
        }
        return new Result(noise, psd);
    }

    /** Band edges: log-spaced from bin 2 to the last bin, rounded, duplicates dropped. */
    static int[] bandEdges(int bins, int bands) {
        int[] raw = new int[bands + 1];
        int n = 0;
        for (int i = 0; i <= bands; i++) {
            int e = (int) Math.rint(2 * Math.pow(bins / 2.0, (double) i / bands));
            if (n == 0 || e > raw[n - 1]) {
                raw[n++] = e;
            }
        }
        if (n < 2) {
            return new int[] {0, bins};
        }
        return java.util.Arrays.copyOf(raw, n);
    }

    /** Members of the lower cluster of a 1-D two-means split (initial centres at the 10th and 90th percentile). */
    static boolean[] twoMeansLow(double[] x) {
        return twoMeans(x, false);
    }

    static boolean[] twoMeansHigh(double[] x) {
        return twoMeans(x, true);
    }

    private static boolean[] twoMeans(double[] x, boolean high) {
        double[] sorted = x.clone();
        java.util.Arrays.sort(sorted);
        double c0 = quantile(sorted, 0.1);
        double c1 = quantile(sorted, 0.9);
        boolean[] inOne = new boolean[x.length];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double s0 = 0;
            double s1 = 0;
            int n0 = 0;
            int n1 = 0;
            boolean changed = false;
            for (int i = 0; i < x.length; i++) {
                boolean one = Math.abs(x[i] - c1) < Math.abs(x[i] - c0);
                changed |= one != inOne[i] || it == 0;
                inOne[i] = one;
                if (one) {
                    s1 += x[i];
                    n1++;
                } else {
                    s0 += x[i];
                    n0++;
                }
            }
            if (n0 > 0) {
                c0 = s0 / n0;
            }
            if (n1 > 0) {
                c1 = s1 / n1;
            }
            if (!changed) {
                break;
            }
        }
        boolean oneIsHigh = c1 > c0;
        boolean[] member = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            member[i] = inOne[i] == (high == oneIsHigh);
        }
        return member;
    }

    /** numpy's default (linear) quantile of sorted data. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
