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
public final class BandMask {
    public static final int BANDS = 32;
    static final double TOP_HZ = 8000;
    /** Measurements per band and frame: a-posteriori SNR, spectral shape, analytic gain, two flatnesses. */
    public static final int CHANNELS = 5;
    static final int BAND_CONTEXT = 2;
    static final int FRAME_CONTEXT = 3;

    /**
     * The cells a network sees around cell (t, b): the frames t + each offset and the bands b +- bandContext
     * (clamped at the edges).
     */
    public record Context(int[] frameOffsets, int bandContext) {
        /** The network's inputs: the channels over every cell, then the band position and the frame SNR. */
        public int inputs() {
            return frameOffsets.length * (2 * bandContext + 1) * CHANNELS + 2;
        }
    }

    /** The blind (offline) denoiser's context: frames t-3..t+3 of 128 ms frames, bands b-2..b+2. */
    public static final Context OFFLINE = new Context(new int[] {-3, -2, -1, 0, 1, 2, 3}, BAND_CONTEXT);
    /**
     * The streaming denoiser's context: only the past. The streaming denoiser measures (and computes the mask) every
     * {@link #CAUSAL_STRIDE}-th frame, so its frames are 16 ms apart at 8 ms hops; the network sees the last three
     * and three more back to 192 ms, and bands b-2..b+2.
     */
    public static final Context CAUSAL = new Context(new int[] {-12, -8, -4, -2, -1, 0}, BAND_CONTEXT);
    /** STFT frames between two measured frames of the causal context. */
    public static final int CAUSAL_STRIDE = 2;
    /** Network inputs of the offline context. */
    static final int INPUTS = OFFLINE.inputs();

    private BandMask() {
    }

    /** Which two bands a bin falls between and its weight on the upper one; band -1 = above {@link #TOP_HZ}. */
    public record Layout(int bins, int[] lower, double[] upperWeight) {
        public static Layout of(int bins, double binHz) {
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
                // the streaming tracker's noise is 0 in digital silence
                double x = v[row + k] / (divisor == null ? 1 : divisor[row + k] + 1e-300);
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
        public double binGain(double[] bandGain, int bandRow, int k, double fallback) {
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
    public static double[] channels(Layout layout, double[] power, double[] noise, double[] gain, int frames) {
        double[] out = new double[frames * BANDS * CHANNELS];
        Measure m = new Measure(layout);
        for (int t = 0; t < frames; t++) {
            m.frame(power, noise, gain, t * layout.bins(), out, t * BANDS * CHANNELS);
        }
        return out;
    }

    /** Measures one frame at a time into a caller's array (no allocation per frame: the streaming path). */
    public static final class Measure {
        private final Layout layout;
        private final double[] p = new double[BANDS];
        private final double[] n = new double[BANDS];
        private final double[] g = new double[BANDS];
        private final double[] f1 = new double[BANDS];
        private final double[] f2 = new double[BANDS];
        private final double[] w = new double[BANDS];
        private final double[] l = new double[BANDS];

        public Measure(Layout layout) {
            this.layout = layout;
        }

        /**
         * The five band statistics in one pass over the bins: the weighted means of power, noise and gain (into p,
         * n, g) and the two flatnesses (f1 of the power, f2 of power over noise), each summed in the same order as
         * {@link Layout#means} and {@link Layout#flatness} would.
         */
        private void accumulate(double[] power, double[] noise, double[] gain, int row) {
            double[] ratioSum = f2;
            double[] logPower = f1;
            double[] logRatio = l;
            java.util.Arrays.fill(p, 0);
            java.util.Arrays.fill(n, 0);
            java.util.Arrays.fill(g, 0);
            java.util.Arrays.fill(w, 0);
            java.util.Arrays.fill(ratioSum, 0);
            java.util.Arrays.fill(logPower, 0);
            java.util.Arrays.fill(logRatio, 0);
            int[] lower = layout.lower();
            double[] upper = layout.upperWeight();
            for (int k = 0; k < layout.bins(); k++) {
                int b = lower[k];
                if (b < 0) {
                    continue;
                }
                double u = upper[k];
                double v = 1 - u;
                double x = power[row + k];
                double r = x / (noise[row + k] + 1e-300) + 1e-300; // the streaming noise is 0 in digital silence
                double lx = Math.log(x + 1e-300);
                double lr = Math.log(r);
                p[b] += v * x;
                p[b + 1] += u * x;
                n[b] += v * noise[row + k];
                n[b + 1] += u * noise[row + k];
                g[b] += v * gain[row + k];
                g[b + 1] += u * gain[row + k];
                ratioSum[b] += v * r;
                ratioSum[b + 1] += u * r;
                logPower[b] += v * lx;
                logPower[b + 1] += u * lx;
                logRatio[b] += v * lr;
                logRatio[b + 1] += u * lr;
                w[b] += v;
                w[b + 1] += u;
            }
            for (int b = 0; b < BANDS; b++) {
                double weight = Math.max(w[b], 1e-12);
                double flatPower = logPower[b] / weight - Math.log((p[b] + 1e-300 * w[b]) / weight);
                double flatRatio = logRatio[b] / weight - Math.log(ratioSum[b] / weight);
                p[b] /= weight;
                n[b] /= weight;
                g[b] /= weight;
                f1[b] = flatPower;
                f2[b] = flatRatio;
            }
        }

        /** The channels of the frame at {@code row} of the three arrays into {@code out[offset ..]}, [band][channel]. */
        public void frame(double[] power, double[] noise, double[] gain, int row, double[] out, int offset) {
            accumulate(power, noise, gain, row);
            double meanLevel = 0;
            for (int b = 0; b < BANDS; b++) {
                meanLevel += 10 * Math.log10(p[b] + 1e-300) / BANDS;
            }
            for (int b = 0; b < BANDS; b++) {
                int o = offset + b * CHANNELS;
                out[o] = clip(10 * Math.log10((p[b] + 1e-300) / (n[b] + 1e-300)), -15, 45) / 10;
                out[o + 1] = clip(10 * Math.log10(p[b] + 1e-300) - meanLevel, -50, 50) / 10;
                out[o + 2] = g[b];
                out[o + 3] = clip(f1[b], -8, 0) / 2;
                out[o + 4] = clip(f2[b], -8, 0) / 2;
            }
        }
    }

    /** The ideal ratio mask per band, sqrt(S / (S + N)), from the clean speech and noise powers (the target). */
    public static double[] idealMask(Layout layout, double[] speechPower, double[] noisePower, int frames) {
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

    /** The offline context's input of cell (t, b); see {@link #input(Context, double[], int, int, int, double[], int)}. */
    static void input(double[] channels, int frames, int t, int b, double[] x, int offset) {
        input(OFFLINE, channels, frames, t, b, x, offset);
    }

    /**
     * The network input of cell (t, b) into {@code x} at {@code offset}: the channels of the context's frames and
     * bands (clamped at the edges), then the band's position 0..1 and the frame's mean a-posteriori SNR.
     */
    public static void input(Context context, double[] channels, int frames, int t, int b, double[] x, int offset) {
        int o = offset;
        int bc = context.bandContext();
        boolean inside = b - bc >= 0 && b + bc < BANDS;
        int span = (2 * bc + 1) * CHANNELS;
        for (int df : context.frameOffsets()) {
            int tt = Math.min(frames - 1, Math.max(0, t + df));
            if (inside) {
                // bands b-bc..b+bc lie side by side in the frame's row: one copy
                System.arraycopy(channels, (tt * BANDS + b - bc) * CHANNELS, x, o, span);
                o += span;
                continue;
            }
            for (int db = -bc; db <= bc; db++) {
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
