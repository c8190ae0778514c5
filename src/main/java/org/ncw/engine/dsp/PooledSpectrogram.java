package org.ncw.engine.dsp;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.TaskMonitor;

import java.io.IOException;
import java.util.Arrays;

/**
 * The spectrogram of a recording of any length read block by block, pooled to at most {@code maxColumns} columns:
 * column g holds, per bin, the maximum magnitude over the STFT frames {@code [g F / G, (g+1) F / G)} (F frames, G
 * columns), so a short loud event stays visible however long the file is. Memory: one block of samples, the
 * history one frame needs, and the G columns. With {@code F <= maxColumns} every column is one frame, computed
 * exactly as {@link Stft#forward} (same window, padding, FFT), so the matrix equals the whole-file one.
 */
public final class PooledSpectrogram {
    /** Where the samples come from: fills {@code buffer[offset..offset+max)}, returns the count or -1 at the end. */
    @FunctionalInterface
    public interface Source {
        int read(double[] buffer, int offset, int max) throws IOException;
    }

    private PooledSpectrogram() {
    }

    /**
     * Reads {@code length} samples at {@code sampleRate} from {@code source} and returns the pooled matrix in
     * {@code intensity} (dB through {@code dbScale}). Pooling takes the maximum magnitude, which commutes with the
     * dB conversion (monotonic, its reference is the global maximum).
     */
    /** Receives one STFT frame: its index and coefficients (arrays reused after the call). */
    @FunctionalInterface
    public interface FrameConsumer {
        void accept(int frame, double[] re, double[] im) throws IOException;
    }

    /** Centre of frame t in seconds, as {@link ComplexSpectrogram#frameTimeSeconds}. */
    public static double frameTimeSeconds(int frame, StftOptions options, int sampleRate) {
        return ComplexSpectrogram.frameTimeSeconds(frame, options, sampleRate);
    }

    /** Frequency of bin k in Hz, as {@link ComplexSpectrogram#binFrequencyHz}. */
    public static double binFrequencyHz(int bin, StftOptions options, int sampleRate) {
        return bin * (double) sampleRate / options.nFft();
    }

    /**
     * Reads {@code length} samples at {@code sampleRate} from {@code source} and returns the pooled matrix in
     * {@code intensity} (dB through {@code dbScale}). Pooling takes the maximum magnitude, which commutes with the
     * dB conversion (monotonic, its reference is the global maximum).
     */
    public static SpectrogramMatrix compute(Source source, long length, int sampleRate, StftOptions options,
                                            int maxColumns, Intensity intensity, DbScale dbScale, TaskMonitor monitor)
            throws IOException {
        Checks.notNull("options", options);
        Checks.positive("maxColumns", maxColumns);
        Checks.positive("sampleRate", sampleRate);
        int bins = options.bins();
        int frames = frameCount(length, options);
        int columns = Math.min(frames, maxColumns);
        double[] pooled = new double[bins * columns];
        Arrays.fill(pooled, Double.NEGATIVE_INFINITY);
        frames(source, length, options, monitor, (t, re, im) -> {
            int g = (int) ((long) t * columns / frames);
            int base = g * bins;
            for (int k = 0; k < bins; k++) {
                double v = intensity == Intensity.POWER ? re[k] * re[k] + im[k] * im[k]
                        : Math.sqrt(re[k] * re[k] + im[k] * im[k]);
                if (v > pooled[base + k]) {
                    pooled[base + k] = v;
                }
            }
        });
        double[] times = new double[columns];
        for (int g = 0; g < columns; g++) {
            int first = (int) (((long) g * frames + columns - 1) / columns);
            int last = (int) (((long) (g + 1) * frames + columns - 1) / columns) - 1;
            times[g] = (ComplexSpectrogram.frameTimeSeconds(first, options, sampleRate)
                    + ComplexSpectrogram.frameTimeSeconds(last, options, sampleRate)) / 2;
        }
        double[] freqs = new double[bins];
        for (int k = 0; k < bins; k++) {
            freqs[k] = binFrequencyHz(k, options, sampleRate);
        }
        TfMatrix values = new TfMatrix(bins, columns, pooled);
        if (intensity == Intensity.DB) {
            values = dbScale.amplitudeToDb(values);
        }
        return new SpectrogramMatrix(values, new TfAxes(times, freqs), intensity);
    }

    /** Frames of a signal of {@code length} samples ({@link StftOptions#frameCount}). */
    public static int frameCount(long length, StftOptions options) {
        if (length <= 0) {
            throw new InvalidParameterException("cannot take the STFT of an empty signal");
        }
        if (length > Integer.MAX_VALUE - 2L * options.nFft()) {
            throw new InvalidParameterException("signal of " + length + " samples is too long for one STFT");
        }
        return options.frameCount((int) length);
    }

    /**
     * The STFT of {@code length} samples from {@code source}, frame by frame in order, each computed exactly as
     * {@link Stft#forward} computes it (same window, padding and FFT).
     */
    public static void frames(Source source, long length, StftOptions options, TaskMonitor monitor,
                              FrameConsumer consumer) throws IOException {
        int nFft = options.nFft();
        int hop = options.hopLength();
        int bins = options.bins();
        int frames = frameCount(length, options);
        int n = (int) length;
        double[] window = options.window().centredIn(options.winLength(), nFft);
        long origin = options.center() ? -(nFft / 2) : 0;
        PadMode pad = options.padMode();
        // samples [bufStart, bufStart + filled) are held; a frame needs up to nFft before its start (reflection)
        int capacity = Math.max(1 << 16, 4 * nFft + 2 * hop);
        double[] buf = new double[capacity];
        long bufStart = 0;
        int filled = 0;
        boolean ended = false;
        double[] frame = new double[nFft];
        double[] re = new double[bins];
        double[] im = new double[bins];
        FftAdapter fft = FftAdapter.forSize(nFft);
        double[] edgeHead = new double[Math.min(n, nFft + 1)];
        double[] edgeTail = null;
        int headFilled = 0;
        for (int t = 0; t < frames; t++) {
            if ((t & 1023) == 0) {
                monitor.step(t, frames);
            }
            long start = origin + (long) t * hop;
            long need = Math.min(n, start + nFft);
            // read until the frame's last sample (and, near the end, the whole tail) is in
            long want = start + nFft + nFft >= n ? n : need;
            while (!ended && bufStart + filled < want) {
                if (filled == capacity) {
                    long keep = Math.max(bufStart, Math.max(0, start - nFft));
                    // with hop > n_fft whole stretches between frames are never used: drop all that is held
                    int drop = (int) Math.min(filled, keep - bufStart);
                    if (drop == 0) {
                        throw new IllegalStateException("buffer too small for n_fft " + nFft);
                    }
                    System.arraycopy(buf, drop, buf, 0, filled - drop);
                    filled -= drop;
                    bufStart += drop;
                }
                int k = source.read(buf, filled, (int) Math.min(capacity - filled, n - (bufStart + filled)));
                if (k < 0) {
                    ended = true;
                } else {
                    for (int i = 0; i < k && headFilled < edgeHead.length; i++) {
                        edgeHead[headFilled++] = buf[filled + i];
                    }
                    filled += k;
                }
            }
            if (bufStart + filled < want) {
                throw new IOException("the audio ended after " + (bufStart + filled) + " of " + n + " samples");
            }
            if (edgeTail == null && bufStart + filled == n) {
                int k = (int) Math.min(n, nFft + 1);
                edgeTail = Arrays.copyOfRange(buf, (int) (n - k - bufStart), (int) (n - bufStart));
            }
            if (start >= 0 && start + nFft <= n) {
                int off = (int) (start - bufStart);
                for (int i = 0; i < nFft; i++) {
                    frame[i] = buf[off + i] * window[i];
                }
            } else {
                for (int i = 0; i < nFft; i++) {
                    frame[i] = sampleAt(pad, buf, bufStart, n, edgeHead, edgeTail, start + i) * window[i];
                }
            }
            fft.forward(frame, 0, re, im, 0);
            consumer.accept(t, re, im);
        }
        monitor.step(frames, frames);
    }

    /** A sample of the padded signal: held samples directly, padding mapped as {@link PadMode#sampleAt}. */
    private static double sampleAt(PadMode pad, double[] buf, long bufStart, int n, double[] head, double[] tail,
                                   long i) {
        if (i >= 0 && i < n) {
            return buf[(int) (i - bufStart)];
        }
        long j = switch (pad) {
            case CONSTANT -> -1;
            case EDGE -> i < 0 ? 0 : n - 1;
            case REFLECT -> {
                if (n == 1) {
                    yield 0;
                }
                long period = 2L * (n - 1);
                long m = Math.floorMod(i, period);
                yield m < n ? m : period - m;
            }
        };
        if (j < 0) {
            return 0.0;
        }
        if (j < head.length) {
            return head[(int) j];
        }
        return tail[(int) (j - (n - tail.length))];
    }
}
