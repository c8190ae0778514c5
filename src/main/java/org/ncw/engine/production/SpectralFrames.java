package org.ncw.engine.production;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dsp.ComplexSpectrogram;
import org.ncw.engine.dsp.Stft;
import org.ncw.engine.dsp.StftOptions;

/**
 * The spectral stages' common machinery: STFT analysis (periodic Hann, centred, reflect padding, librosa
 * semantics), separable triangular smoothing of a mask, applying a gain mask and resynthesising.
 * All matrices are frame-major ({@code v[frame * bins + bin]}) like {@link ComplexSpectrogram}.
 */
final class SpectralFrames {
    /** Floor added to magnitudes before taking dB, so silent bins give a finite level. */
    static final double EPS = 1e-10;
    /** A bin this many dB above its noise threshold is signal for sure; mask smoothing never lowers it. */
    static final double SURE_MARGIN_DB = 6;

    private SpectralFrames() {
    }

    static void checkFft(int nFft, int hop) {
        Checks.atLeast("nFft", nFft, 16);
        Checks.positive("hop", hop);
        if (hop > nFft / 2) {
            throw new InvalidParameterException("hop must be <= nFft/2 (" + nFft / 2
                    + ") so frames overlap enough to resynthesise, got " + hop);
        }
    }

    static ComplexSpectrogram analyse(Signal input, int nFft, int hop, TaskMonitor monitor) {
        return Stft.forward(input, StftOptions.of(nFft, hop, nFft), monitor);
    }

    /** 20 log10(|X| + eps) of every bin. */
    static double[] decibels(ComplexSpectrogram x) {
        double[] re = x.re();
        double[] im = x.im();
        double[] db = new double[re.length];
        for (int i = 0; i < db.length; i++) {
            db[i] = 20 * Math.log10(Math.sqrt(re[i] * re[i] + im[i] * im[i]) + EPS);
        }
        return db;
    }

    /** Half-width in frames of a smoothing window spanning {@code ms} milliseconds in total. */
    static int halfWidthFrames(double ms, int sampleRate, int hop) {
        return (int) Math.round(ms / 1000.0 * sampleRate / hop / 2);
    }

    /** Half-width in bins of a smoothing window spanning {@code hz} in total. */
    static int halfWidthBins(double hz, int sampleRate, int nFft) {
        return (int) Math.round(hz / ((double) sampleRate / nFft) / 2);
    }

    /**
     * Smooths a mask along time and frequency with triangular kernels of half-widths {@code timeHalf} frames and
     * {@code freqHalf} bins (weights 1 - |k|/(half+1), like noisereduce's smoothing filter). Near the edges the
     * kernel is renormalised over the samples that exist, so an all-ones mask stays all ones.
     */
    static double[] smooth(double[] mask, int bins, int frames, int timeHalf, int freqHalf) {
        double[] out = mask;
        if (freqHalf > 0) {
            out = convolve(out, bins, frames, freqHalf, 1, bins);
        }
        if (timeHalf > 0) {
            out = convolve(out, frames, bins, timeHalf, bins, 1);
        }
        return out;
    }

    /**
     * Triangular convolution along one axis: {@code length} points spaced {@code stride} apart, repeated for
     * {@code lines} lines spaced {@code lineStride} apart.
     */
    private static double[] convolve(double[] in, int length, int lines, int half, int stride, int lineStride) {
        double[] kernel = new double[2 * half + 1];
        for (int k = -half; k <= half; k++) {
            kernel[k + half] = 1 - Math.abs(k) / (half + 1.0);
        }
        double[] out = new double[in.length];
        for (int line = 0; line < lines; line++) {
            int base = line * lineStride;
            for (int i = 0; i < length; i++) {
                double sum = 0;
                double weight = 0;
                int from = Math.max(-half, -i);
                int to = Math.min(half, length - 1 - i);
                for (int k = from; k <= to; k++) {
                    double w = kernel[k + half];
                    sum += w * in[base + (i + k) * stride];
                    weight += w;
                }
                out[base + i * stride] = sum / weight;
            }
        }
        return out;
    }

    /**
     * Smooths a mask like {@link #smooth}, but bins marked {@code sure} keep at least their raw value. Smoothing a
     * 0/1 mask removes isolated noise bins (musical noise) but also dilutes narrow strong components (a harmonic
     * 3-4 bins wide loses ~12 dB under a 500 Hz kernel); a bin far above the noise threshold is not noise, so it
     * keeps its gain.
     */
    static double[] smoothKeepingSure(double[] mask, boolean[] sure, int bins, int frames, int timeHalf, int freqHalf) {
        double[] out = smooth(mask, bins, frames, timeHalf, freqHalf);
        if (out == mask) {
            return out;
        }
        for (int i = 0; i < out.length; i++) {
            if (sure[i]) {
                out[i] = Math.max(out[i], mask[i]);
            }
        }
        return out;
    }

    /**
     * Resynthesises {@code x} with each bin scaled by {@code 1 - amount * (1 - mask)}: amount 0 returns the input,
     * amount 1 applies the mask fully.
     */
    static Signal applyMask(ComplexSpectrogram x, double[] mask, double amount, TaskMonitor monitor) {
        double[] re = x.re().clone();
        double[] im = x.im().clone();
        for (int i = 0; i < re.length; i++) {
            double gain = 1 - amount * (1 - mask[i]);
            re[i] *= gain;
            im[i] *= gain;
        }
        return Stft.inverse(x.withValues(re, im), monitor);
    }

    /**
     * Running minimum of every bin over a centred window of {@code 2 * half + 1} frames (van Herk / Gil-Werman:
     * O(frames) per bin whatever the window).
     */
    static double[] runningMinimum(double[] v, int bins, int frames, int half) {
        int window = 2 * half + 1;
        double[] out = new double[v.length];
        double[] prefix = new double[frames];
        double[] suffix = new double[frames];
        for (int b = 0; b < bins; b++) {
            for (int t = 0; t < frames; t++) {
                double x = v[t * bins + b];
                prefix[t] = t % window == 0 ? x : Math.min(prefix[t - 1], x);
            }
            for (int t = frames - 1; t >= 0; t--) {
                double x = v[t * bins + b];
                suffix[t] = (t % window == window - 1 || t == frames - 1) ? x : Math.min(suffix[t + 1], x);
            }
            for (int t = 0; t < frames; t++) {
                int lo = Math.max(0, t - half);
                int hi = Math.min(frames - 1, t + half);
                // [lo, hi] spans at most two aligned blocks: suffix of the first, prefix of the second.
                out[t * bins + b] = (lo / window == hi / window)
                        ? blockMin(v, bins, b, lo, hi)
                        : Math.min(suffix[lo], prefix[hi]);
            }
        }
        return out;
    }

    private static double blockMin(double[] v, int bins, int b, int lo, int hi) {
        double m = Double.POSITIVE_INFINITY;
        for (int t = lo; t <= hi; t++) {
            m = Math.min(m, v[t * bins + b]);
        }
        return m;
    }
}
