package org.ncw.engine.dsp;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

/**
 * Short-time Fourier transform and its inverse with librosa's semantics ({@code librosa.stft} /
 * {@code librosa.istft}): frame t covers padded samples [t*hop, t*hop + nFft), is multiplied by the window
 * (win_length samples centred in nFft) and real-FFT'd; the inverse overlap-adds windowed inverse FFTs and divides
 * by the window sum-square wherever that is non-zero.
 *
 * <p>When hop &gt; win_length the frames do not cover the whole signal: the samples between windows are not
 * represented in the spectrogram and the inverse returns 0 there (librosa does the same).
 *
 * <p>Large transforms run frame blocks on the common fork-join pool; the monitor's listener may then be called from
 * worker threads, and cancellation is checked once per block.
 */
public final class Stft {
    private Stft() {
    }

    public static ComplexSpectrogram forward(Signal signal, StftOptions options) {
        return forward(signal, options, TaskMonitor.none());
    }

    public static ComplexSpectrogram forward(Signal signal, StftOptions options, TaskMonitor monitor) {
        Checks.notNull("signal", signal);
        Checks.notNull("options", options);
        double[] x = signal.samples();
        if (x.length == 0) {
            throw new InvalidParameterException("cannot take the STFT of an empty signal");
        }
        int nFft = options.nFft();
        int hop = options.hopLength();
        int bins = options.bins();
        int frames = options.frameCount(x.length);
        double[] window = options.window().centredIn(options.winLength(), nFft);
        long origin = options.center() ? -(nFft / 2) : 0;
        PadMode pad = options.padMode();
        double[] re = new double[bins * frames];
        double[] im = new double[bins * frames];

        new FrameBlocks(frames, nFft).run(monitor, (block, from, to) -> {
            FftAdapter fft = FftAdapter.forSize(nFft);
            double[] frame = new double[nFft];
            for (int t = from; t < to; t++) {
                long start = origin + (long) t * hop;
                if (start >= 0 && start + nFft <= x.length) {
                    for (int i = 0; i < nFft; i++) {
                        frame[i] = x[(int) start + i] * window[i];
                    }
                } else {
                    for (int i = 0; i < nFft; i++) {
                        frame[i] = pad.sampleAt(x, start + i) * window[i];
                    }
                }
                fft.forward(frame, 0, re, im, t * bins);
            }
        });
        return new ComplexSpectrogram(bins, frames, re, im, signal.sampleRate(), options, x.length);
    }

    /** Inverse STFT to the original signal length. */
    public static Signal inverse(ComplexSpectrogram spectrogram, TaskMonitor monitor) {
        return inverse(spectrogram, spectrogram.signalLength(), monitor);
    }

    public static Signal inverse(ComplexSpectrogram spectrogram) {
        return inverse(spectrogram, spectrogram.signalLength(), TaskMonitor.none());
    }

    /**
     * Inverse STFT ({@code librosa.istft(..., length=length)}): overlap-add of windowed inverse FFTs, divided by
     * the window sum-square where it exceeds the smallest normal double, centre padding trimmed, then cut or
     * zero-padded to {@code length} samples.
     */
    public static Signal inverse(ComplexSpectrogram spectrogram, int length, TaskMonitor monitor) {
        Checks.notNull("spectrogram", spectrogram);
        Checks.atLeast("length", length, 0);
        StftOptions o = spectrogram.options();
        int nFft = o.nFft();
        int hop = o.hopLength();
        int bins = spectrogram.bins();
        if (length == 0) {
            return new Signal(new double[0], spectrogram.sampleRate());
        }
        long paddedLength = o.center() ? length + 2L * (nFft / 2) : length;
        int frames = (int) Math.min(spectrogram.frames(), (paddedLength + hop - 1) / hop);
        int total = Math.toIntExact(nFft + (long) hop * (frames - 1));
        double[] window = o.window().centredIn(o.winLength(), nFft);

        // Each block overlap-adds into its own segment; segments are summed in block order, so the result does not
        // depend on thread scheduling.
        FrameBlocks blocks = new FrameBlocks(frames, nFft);
        double[][] segments = new double[blocks.blockCount()][];
        blocks.run(monitor, (block, from, to) -> {
            FftAdapter fft = FftAdapter.forSize(nFft);
            double[] frame = new double[nFft];
            double[] segment = new double[nFft + hop * (to - from - 1)];
            for (int t = from; t < to; t++) {
                fft.inverse(spectrogram.re(), spectrogram.im(), t * bins, frame, 0);
                int base = (t - from) * hop;
                for (int i = 0; i < nFft; i++) {
                    segment[base + i] += frame[i] * window[i];
                }
            }
            segments[block] = segment;
        });
        double[] y = new double[total];
        for (int b = 0; b < segments.length; b++) {
            int base = blocks.from(b) * hop;
            double[] segment = segments[b];
            for (int i = 0; i < segment.length; i++) {
                y[base + i] += segment[i];
            }
        }

        double[] wss = windowSumSquare(window, frames, hop, total);
        for (int i = 0; i < total; i++) {
            if (wss[i] > Double.MIN_NORMAL) {
                y[i] /= wss[i];
            }
        }
        int start = o.center() ? nFft / 2 : 0;
        double[] out = new double[length];
        System.arraycopy(y, start, out, 0, Math.max(0, Math.min(length, total - start)));
        return new Signal(out, spectrogram.sampleRate());
    }

    /** Sum over frames of the squared window placed at t*hop ({@code librosa.filters.window_sumsquare}). */
    static double[] windowSumSquare(double[] window, int frames, int hop, int total) {
        double[] wss = new double[total];
        int n = window.length;
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) {
            sq[i] = window[i] * window[i];
        }
        for (int t = 0; t < frames; t++) {
            int base = t * hop;
            int count = Math.min(n, total - base);
            for (int i = 0; i < count; i++) {
                wss[base + i] += sq[i];
            }
        }
        return wss;
    }
}
