package org.ncw.engine.metrics;

import org.ncw.engine.dsp.FftAdapter;

import java.util.ArrayList;
import java.util.List;

/**
 * Short-time objective intelligibility (Taal, Hendriks, Heusdens &amp; Jensen 2011), the non-extended measure,
 * following pystoi step by step so scores agree with it to ~1e-12: resample to 10 kHz ({@link OctaveResampler}),
 * drop frames whose clean energy is more than 40 dB below the loudest (256-sample Hann frames, hop 128,
 * overlap-added back), STFT (256-sample Hann frames, hop 128, 512-point FFT), 15 one-third-octave bands from
 * 150 Hz, 30-frame (384 ms) segments, clipping at -15 dB SDR, mean correlation of the band envelopes.
 */
public final class Stoi {
    static final int FS = 10_000;
    static final int FRAME = 256;
    static final int HOP = FRAME / 2;
    static final int NFFT = 512;
    static final int BANDS = 15;
    static final double MIN_FREQ = 150;
    static final int SEGMENT = 30;
    static final double BETA_DB = -15;
    static final double DYNAMIC_RANGE_DB = 40;
    /** What pystoi returns when fewer than 30 frames survive silence removal. */
    public static final double TOO_SHORT = 1e-5;
    private static final double EPS = Math.ulp(1.0);
    private static final int[][] BAND_BINS = thirdOctaveBands(FS, NFFT, BANDS, MIN_FREQ);

    private Stoi() {
    }

    /**
     * STOI of {@code processed} against {@code clean}, both at {@code sampleRate}, over their common length.
     * Returns {@link #TOO_SHORT} when the speech part is shorter than one 384 ms segment (as pystoi does).
     */
    public static double compute(double[] clean, double[] processed, int sampleRate) {
        Envelopes e = envelopes(clean, processed, sampleRate);
        return e == null ? TOO_SHORT : fromEnvelopes(e);
    }

    /**
     * The one-third-octave band envelopes of both signals after pystoi's preprocessing (common length, 10 kHz,
     * silent frames removed), {@code [frame][band]}; null when fewer than one 30-frame segment survives. Shared by
     * {@link Stoi} and {@link Estoi}.
     */
    static Envelopes envelopes(double[] clean, double[] processed, int sampleRate) {
        int n = SignalPair.commonLength(clean, processed);
        double[] x = java.util.Arrays.copyOf(clean, n);
        double[] y = java.util.Arrays.copyOf(processed, n);
        if (sampleRate != FS) {
            OctaveResampler r = new OctaveResampler(sampleRate, FS);
            x = r.apply(x);
            y = r.apply(y);
        }
        double[][] kept = removeSilentFrames(x, y);
        if (kept == null) {
            return null;
        }
        double[][] xBands = bandEnvelopes(kept[0]);
        double[][] yBands = bandEnvelopes(kept[1]);
        return xBands.length < SEGMENT ? null : new Envelopes(xBands, yBands);
    }

    /** Band envelopes {@code [frame][band]} of the clean and the processed signal, at least one segment long. */
    record Envelopes(double[][] clean, double[][] processed) {
        int frames() {
            return clean.length;
        }

        /** Number of 30-frame segments (one per end frame, as pystoi slides them). */
        int segments() {
            return clean.length - SEGMENT + 1;
        }
    }

    /** The non-extended measure on prepared envelopes: clipped, normalised, mean band-envelope correlation. */
    static double fromEnvelopes(Envelopes e) {
        double[][] xBands = e.clean();
        double[][] yBands = e.processed();
        int frames = e.frames();
        double clip = 1 + Math.pow(10, -BETA_DB / 20);
        double sum = 0;
        double[] xs = new double[SEGMENT];
        double[] ys = new double[SEGMENT];
        int segments = e.segments();
        for (int m = SEGMENT; m <= frames; m++) {
            for (int j = 0; j < BANDS; j++) {
                double xNorm = 0;
                double yNorm = 0;
                for (int t = 0; t < SEGMENT; t++) {
                    xs[t] = xBands[m - SEGMENT + t][j];
                    ys[t] = yBands[m - SEGMENT + t][j];
                    xNorm += xs[t] * xs[t];
                    yNorm += ys[t] * ys[t];
                }
                double alpha = Math.sqrt(xNorm) / (Math.sqrt(yNorm) + EPS);
                for (int t = 0; t < SEGMENT; t++) {
                    ys[t] = Math.min(ys[t] * alpha, xs[t] * clip);
                }
                sum += correlation(xs, ys);
            }
        }
        return sum / ((double) segments * BANDS);
    }

    /** Pearson correlation as pystoi computes it (norms offset by machine epsilon). */
    private static double correlation(double[] a, double[] b) {
        int n = a.length;
        double ma = SiSdr.mean(a, n);
        double mb = SiSdr.mean(b, n);
        double na = 0;
        double nb = 0;
        double dot = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            na += da * da;
            nb += db * db;
            dot += da * db;
        }
        return dot / ((Math.sqrt(na) + EPS) * (Math.sqrt(nb) + EPS));
    }

    /** Frame starts as pystoi enumerates them: range(0, len - frame, hop) (the last full frame is skipped). */
    private static int frameCount(int length) {
        return length > FRAME ? (length - FRAME + HOP - 1) / HOP : 0;
    }

    /** Silent-frame removal of pystoi: keeps windowed frames within 40 dB of the loudest clean one; null if none. */
    static double[][] removeSilentFrames(double[] x, double[] y) {
        int count = frameCount(x.length);
        if (count == 0) {
            return null;
        }
        double[] w = matlabHann(FRAME);
        double[] energyDb = new double[count];
        double max = Double.NEGATIVE_INFINITY;
        for (int f = 0; f < count; f++) {
            double e = 0;
            for (int i = 0; i < FRAME; i++) {
                double v = w[i] * x[f * HOP + i];
                e += v * v;
            }
            energyDb[f] = 20 * Math.log10(Math.sqrt(e) + EPS);
            max = Math.max(max, energyDb[f]);
        }
        List<Integer> keep = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            if (max - DYNAMIC_RANGE_DB - energyDb[f] < 0) {
                keep.add(f);
            }
        }
        int length = (keep.size() - 1) * HOP + FRAME;
        double[] xs = new double[length];
        double[] ys = new double[length];
        for (int k = 0; k < keep.size(); k++) {
            int src = keep.get(k) * HOP;
            int dst = k * HOP;
            for (int i = 0; i < FRAME; i++) {
                xs[dst + i] += w[i] * x[src + i];
                ys[dst + i] += w[i] * y[src + i];
            }
        }
        return new double[][] {xs, ys};
    }

    /** One-third-octave band amplitudes per frame: sqrt of the summed power of each band's bins. */
    private static double[][] bandEnvelopes(double[] x) {
        int frames = frameCount(x.length);
        double[] w = matlabHann(FRAME);
        FftAdapter fft = FftAdapter.forSize(NFFT);
        int bins = fft.bins();
        double[] frame = new double[NFFT];
        double[] re = new double[bins];
        double[] im = new double[bins];
        double[][] out = new double[frames][BANDS];
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < FRAME; i++) {
                frame[i] = w[i] * x[f * HOP + i];
            }
            fft.forward(frame, 0, re, im, 0);
            for (int j = 0; j < BANDS; j++) {
                double p = 0;
                for (int k = BAND_BINS[j][0]; k < BAND_BINS[j][1]; k++) {
                    p += re[k] * re[k] + im[k] * im[k];
                }
                out[f][j] = Math.sqrt(p);
            }
        }
        return out;
    }

    /** Matlab's hanning(n): the symmetric Hann window of n + 2 points without its zero ends. */
    static double[] matlabHann(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 1) / (n + 1));
        }
        return w;
    }

    /** [first, end) FFT bin of each one-third-octave band: band edges snapped to the nearest bin. */
    static int[][] thirdOctaveBands(int fs, int nfft, int bands, double minFreq) {
        int bins = nfft / 2 + 1;
        int[][] edges = new int[bands][2];
        for (int k = 0; k < bands; k++) {
            double low = minFreq * Math.pow(2, (2.0 * k - 1) / 6);
            double high = minFreq * Math.pow(2, (2.0 * k + 1) / 6);
            edges[k][0] = nearestBin(low, fs, nfft, bins);
            edges[k][1] = nearestBin(high, fs, nfft, bins);
        }
        return edges;
    }

    private static int nearestBin(double freq, int fs, int nfft, int bins) {
        int best = 0;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int b = 0; b < bins; b++) {
            double d = (double) b * fs / nfft - freq;
            if (d * d < bestDist) {
                bestDist = d * d;
                best = b;
            }
        }
        return best;
    }
}
