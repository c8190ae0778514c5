package org.ncw.engine.denoise;

/**
 * The learned band mask's view of a spectrogram: 32 mel-spaced bands from 0 to 8 kHz, five level-invariant
 * measurements per band and frame, and the context window the network sees. Everything here is shared by training
 * ({@link MaskTrainer}) and use ({@link BlindDenoiser}), so the two can never disagree on a feature.
 *
 * <p>The bands are triangles between consecutive centres that sum to one at every bin up to {@link #TOP_HZ}, so a
 * band gain is spread back onto the bins by the same weights (a linear interpolation between centres). Bins above
 * {@link #TOP_HZ} (rates over 16 kHz) belong to no band and keep the analytic gain.
 */
final class BandMask {
    static final int BANDS = 32;
    static final double TOP_HZ = 8000;
    /** Measurements per band and frame: a-posteriori SNR, spectral shape, analytic gain, two flatnesses. */
    static final int CHANNELS = 5;
    static final int BAND_CONTEXT = 2;
    static final int FRAME_CONTEXT = 3;
    /** Network inputs: the channels over (2 FRAME_CONTEXT + 1) x (2 BAND_CONTEXT + 1) cells, band position, frame SNR. */
    static final int INPUTS = (2 * FRAME_CONTEXT + 1) * (2 * BAND_CONTEXT + 1) * CHANNELS + 2;

    private BandMask() {
    }

    /** Which two bands a bin falls between and its weight on the upper one; band -1 = above {@link #TOP_HZ}. */
    record Layout(int bins, int[] lower, double[] upperWeight) {
        static Layout of(int bins, double binHz) {
            double melTop = mel(TOP_HZ);
            double[] centre = new double[BANDS];
            for (int b = 0; b < BANDS; b++) {
                centre[b] = 700 * (Math.pow(10, melTop * b / (BANDS - 1) / 2595) - 1);
            }
            int[] lower = new int[bins];
            double[] upper = new double[bins];
            for (int k = 0; k < bins; k++) {
                double f = k * binHz;
                if (f > TOP_HZ + 1e-9) {
                    lower[k] = -1;
                    continue;
                }
                int b = 0;
                while (b < BANDS - 2 && f > centre[b + 1]) {
                    b++;
                }
                lower[k] = b;
                upper[k] = Math.min(1, Math.max(0, (f - centre[b]) / (centre[b + 1] - centre[b])));
            }
            return new Layout(bins, lower, upper);
        }

        private static double mel(double hz) {
            return 2595 * Math.log10(1 + hz / 700);
        }

        /** Weighted mean of {@code v} per band for one frame (row offset {@code row}) into {@code out[BANDS]}. */
        void means(double[] v, int row, double[] out, double[] weightSum) {
            accumulate(v, null, row, out, null, weightSum);
            for (int b = 0; b < BANDS; b++) {
                out[b] /= Math.max(weightSum[b], 1e-12);
            }
        }

        /** Weighted mean of log(v) minus log of the weighted mean (0 flat, negative peaky: harmonics). */
        void flatness(double[] v, double[] divisor, int row, double[] out, double[] logSum, double[] weightSum) {
            accumulate(v, divisor, row, out, logSum, weightSum);
            for (int b = 0; b < BANDS; b++) {
                double w = Math.max(weightSum[b], 1e-12);
                out[b] = logSum[b] / w - Math.log(out[b] / w);
            }
        }

        /** Triangle-weighted sums per band of v (over {@code divisor} when given) and, when wanted, of its log. */
        private void accumulate(double[] v, double[] divisor, int row, double[] sum, double[] logSum,
                                double[] weightSum) {
            java.util.Arrays.fill(sum, 0);
            java.util.Arrays.fill(weightSum, 0);
            if (logSum != null) {
                java.util.Arrays.fill(logSum, 0);
            }
            for (int k = 0; k < bins; k++) {
                int b = lower[k];
                if (b < 0) {
                    continue;
                }
                double u = upperWeight[k];
                double x = v[row + k] / (divisor == null ? 1 : divisor[row + k]);
                if (logSum != null) {
                    x += 1e-300; // digital silence
                    double lx = Math.log(x);
                    logSum[b] += (1 - u) * lx;
                    logSum[b + 1] += u * lx;
                }
                sum[b] += (1 - u) * x;
                sum[b + 1] += u * x;
                weightSum[b] += 1 - u;
                weightSum[b + 1] += u;
            }
        }

        /** Band gains spread back onto the bins of one frame; bins above the top keep {@code fallback}. */
        double binGain(double[] bandGain, int bandRow, int k, double fallback) {
            int b = lower[k];
            if (b < 0) {
                return fallback;
            }
            double u = upperWeight[k];
            return (1 - u) * bandGain[bandRow + b] + u * bandGain[bandRow + b + 1];
        }
    }

    /**
     * The channels of every frame, laid out [frame][band][channel]: the band's a-posteriori SNR (power over
     * tracked noise, dB / 10, clipped to -15..45 dB), its level against the frame's mean band level (dB / 10,
     * clipped to +-50 dB), the analytic gain's band mean, and the spectral flatness of the power and of the power
     * over the noise (nats / 2, clipped to -8..0). All are ratios, so the channels do not depend on the input level.
     */
    static double[] channels(Layout layout, double[] power, double[] noise, double[] gain, int frames) {
        int bins = layout.bins();
        double[] out = new double[frames * BANDS * CHANNELS];
        double[] p = new double[BANDS];
        double[] n = new double[BANDS];
        double[] g = new double[BANDS];
        double[] f1 = new double[BANDS];
        double[] f2 = new double[BANDS];
        double[] w = new double[BANDS];
        double[] l = new double[BANDS];
        for (int t = 0; t < frames; t++) {
            int row = t * bins;
            layout.means(power, row, p, w);
            layout.means(noise, row, n, w);
            layout.means(gain, row, g, w);
            layout.flatness(power, null, row, f1, l, w);
            layout.flatness(power, noise, row, f2, l, w);
            double meanLevel = 0;
            for (int b = 0; b < BANDS; b++) {
                meanLevel += 10 * Math.log10(p[b] + 1e-300) / BANDS;
            }
            for (int b = 0; b < BANDS; b++) {
                int o = (t * BANDS + b) * CHANNELS;
                out[o] = clip(10 * Math.log10((p[b] + 1e-300) / (n[b] + 1e-300)), -15, 45) / 10;
                out[o + 1] = clip(10 * Math.log10(p[b] + 1e-300) - meanLevel, -50, 50) / 10;
                out[o + 2] = g[b];
                out[o + 3] = clip(f1[b], -8, 0) / 2;
                out[o + 4] = clip(f2[b], -8, 0) / 2;
            }
        }
        return out;
    }

    /** The ideal ratio mask per band, sqrt(S / (S + N)), from the clean speech and noise powers (the target). */
    static double[] idealMask(Layout layout, double[] speechPower, double[] noisePower, int frames) {
        int bins = layout.bins();
        double[] out = new double[frames * BANDS];
        double[] s = new double[BANDS];
        double[] n = new double[BANDS];
        double[] w = new double[BANDS];
        for (int t = 0; t < frames; t++) {
            layout.means(speechPower, t * bins, s, w);
            layout.means(noisePower, t * bins, n, w);
            for (int b = 0; b < BANDS; b++) {
                out[t * BANDS + b] = Math.sqrt(s[b] / (s[b] + n[b] + 1e-300));
            }
        }
        return out;
    }

    /**
     * The network input of cell (t, b) into {@code x} at {@code offset}: the channels of frames t-3..t+3 and bands
     * b-2..b+2 (clamped at the edges), then the band's position 0..1 and the frame's mean a-posteriori SNR.
     */
    static void input(double[] channels, int frames, int t, int b, double[] x, int offset) {
        int o = offset;
        for (int df = -FRAME_CONTEXT; df <= FRAME_CONTEXT; df++) {
            int tt = Math.min(frames - 1, Math.max(0, t + df));
            for (int db = -BAND_CONTEXT; db <= BAND_CONTEXT; db++) {
                int bb = Math.min(BANDS - 1, Math.max(0, b + db));
                System.arraycopy(channels, (tt * BANDS + bb) * CHANNELS, x, o, CHANNELS);
                o += CHANNELS;
            }
        }
        x[o++] = (double) b / (BANDS - 1);
        double frameSnr = 0;
        for (int bb = 0; bb < BANDS; bb++) {
            frameSnr += channels[(t * BANDS + bb) * CHANNELS] / BANDS;
        }
        x[o] = frameSnr;
    }

    private static double clip(double v, double lo, double hi) {
        return Math.min(hi, Math.max(lo, v));
    }
}
