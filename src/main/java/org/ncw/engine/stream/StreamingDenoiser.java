package org.ncw.engine.stream;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dsp.FftAdapter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A causal denoiser for streams: a low-delay weighted overlap-add STFT with asymmetric windows (after Mauler and
 * Martin 2007) and the online noise tracking, speech presence and gain of {@link SpectralSuppressor}.
 *
 * <p>Framing: the analysis window spans A samples (32 ms by default, a square-root Hann; longer gives finer
 * frequency resolution) but its product with the synthesis window is a Hann window of only L = 4 hops (32 ms) at
 * the frame's end, and those products sum
 * to a constant at hop H, so reconstruction is exact and only the last L samples of a frame reach the output.
 * A frame is processed when its last sample arrives and completes the output of its first hop within those L, so
 * the output is the input delayed by L - H samples, released a hop at a time. With one hop of look-ahead
 * ({@link StreamingDenoiserOptions#lookaheadHops}) a frame's gain also depends on the next frame, so the frame is
 * held one hop and the delay is L. A sample leaves at most latency - 1 samples after it arrived (the algorithmic
 * latency: L + look-ahead = 5 hops = 640 samples = 40 ms at 16 kHz by default, 1920 = 40 ms at 48 kHz; 512 = 32 ms
 * without look-ahead).
 * The work depends on the input only, never on how it is cut into blocks, so any block sizes give bit-identical
 * output; memory is a few frames whatever the length.
 */
public final class StreamingDenoiser {
    /** The method's name in the registry and for {@code ncw denoise --method}. */
    public static final String METHOD_NAME = "streaming";

    private StreamingDenoiser() {
    }

    /** The whole-signal result: the enhanced signal (aligned with the input) and the framing. */
    public record Result(Signal enhanced, int analysisFrame, int hop, int latencySamples) {
        public double latencyMillis() {
            return 1000.0 * latencySamples / enhanced.sampleRate();
        }
    }

    /** Denoises a whole signal through the block processor (the same output as any block-wise run). */
    public static Result fit(Signal noisy, StreamingDenoiserOptions options, TaskMonitor monitor) {
        Objects.requireNonNull(noisy, "noisy");
        Processor p = open(noisy.sampleRate(), options);
        double[] x = noisy.samples();
        double[] y = new double[x.length];
        int[] written = {0};
        SampleSink collect = (s, off, len) -> {
            System.arraycopy(s, off, y, written[0], len);
            written[0] += len;
        };
        int block = 16 * p.hop();
        try {
            for (int i = 0; i < x.length; i += block) {
                monitor.step(i, x.length);
                p.process(x, i, Math.min(block, x.length - i), collect);
            }
            p.flush(collect);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        monitor.done();
        return new Result(noisy.withSamples(y), p.analysisFrame(), p.hop(), p.latencySamples());
    }

    /**
     * Why a running stream opened with {@code opened} cannot take {@code next} ({@link Processor#retune}), naming the
     * parameter, or null if it can: the framing and the spans that size the state must stay.
     */
    public static String retuneProblem(StreamingDenoiserOptions opened, StreamingDenoiserOptions next) {
        double[][] pairs = {{opened.hopSeconds(), next.hopSeconds()}, {opened.analysisSeconds(), next.analysisSeconds()},
                {opened.initSeconds(), next.initSeconds()}, {opened.minimumSeconds(), next.minimumSeconds()}};
        String[] names = {"hopSeconds", "analysisSeconds", "initSeconds", "minimumSeconds"};
        for (int i = 0; i < names.length; i++) {
            if (Double.compare(pairs[i][0], pairs[i][1]) != 0) {
                return names[i] + " cannot change in a running stream (" + pairs[i][0] + " -> " + pairs[i][1]
                        + "); stop and start again";
            }
        }
        if (opened.lookaheadHops() != next.lookaheadHops()) {
            return "lookaheadHops cannot change in a running stream (" + opened.lookaheadHops() + " -> "
                    + next.lookaheadHops() + "); stop and start again";
        }
        if (!opened.maskModel().equals(next.maskModel())) {
            return "maskModel cannot change in a running stream (" + opened.maskModel() + " -> " + next.maskModel()
                    + "); stop and start again";
        }
        return null;
    }

    /** A stateful block processor for one stream at {@code sampleRate}. */
    public static Processor open(int sampleRate, StreamingDenoiserOptions options) {
        Objects.requireNonNull(options, "options");
        org.ncw.engine.denoise.MaskNetwork net = options.usesMask() ? options.maskNetwork() : null;
        return new Processor(sampleRate, options, n -> {
            SpectralSuppressor analytic = new SpectralSuppressor(n, sampleRate, options.hop(sampleRate), options);
            if (net != null) {
                return MaskedGain.applying(analytic, n, sampleRate, net, options.lookaheadHops());
            }
            return options.lookaheadHops() == 0 ? analytic : MaskedGain.ahead(analytic, n, sampleRate);
        });
    }

    /**
     * A processor with the analytic gain alone that hands the learned mask's channels of every measured frame to
     * {@code recorder} (what {@link StreamingMaskTrainer} learns from).
     */
    static Processor recording(int sampleRate, StreamingDenoiserOptions options, MaskedGain.Recorder recorder) {
        return new Processor(sampleRate, options, n -> MaskedGain.recording(
                new SpectralSuppressor(n, sampleRate, options.hop(sampleRate), options), n, sampleRate, recorder));
    }

    /** A processor with another gain rule (made for the analysis frame size), for tests of the framing itself. */
    static Processor open(int sampleRate, StreamingDenoiserOptions options, IntFunction<FrameGain> gainForFrameSize) {
        return new Processor(sampleRate, options, gainForFrameSize);
    }

    /**
     * Feeds blocks of any size with {@link #process}; the sink receives the enhanced signal in order, starting
     * with the input's first sample, as soon as each hop is final. {@link #flush} releases the rest.
     */
    public static final class Processor {
        private final int n;
        private final int synthesis;
        private final int hop;
        private final int bins;
        private final double[] analysisWindow;
        private final double[] synthesisWindow;
        private final double[] coverage;
        private final FftAdapter fft;
        private final FrameGain gainRule;
        private final double[] frame;
        private final double[] windowed;
        private final double[] re;
        private final double[] im;
        /** With a look-ahead gain rule, the previous frame's spectrum (the one its gain is for). */
        private final double[] heldRe;
        private final double[] heldIm;
        private final int lookahead;
        private final double[] power;
        private final double[] gain;
        private final double[] overlap;
        private final double[] out;
        private int filled;
        private long framesDone;
        private long received;
        private long emitted;
        private long toSkip;
        private boolean finished;
        private final StreamingDenoiserOptions opened;
        private StreamingDenoiserOptions options;

        private Processor(int sampleRate, StreamingDenoiserOptions o, IntFunction<FrameGain> gainForFrameSize) {
            Checks.positive("sampleRate", sampleRate);
            this.opened = o;
            this.options = o;
            this.hop = o.hop(sampleRate);
            this.synthesis = 4 * hop;
            this.n = o.analysisFrame(sampleRate);
            this.bins = n / 2 + 1;
            this.analysisWindow = new double[n];
            this.synthesisWindow = new double[n];
            int rise = n - synthesis / 2;
            for (int i = 0; i < n; i++) {
                double product = i < n - synthesis ? 0 : hann(i - (n - synthesis), synthesis);
                analysisWindow[i] = i < rise ? Math.sqrt(0.5 - 0.5 * Math.cos(Math.PI * i / rise)) : Math.sqrt(product);
                // product windows (periodic Hann of 4 hops) spaced a hop apart sum to 2
                synthesisWindow[i] = product == 0 ? 0 : 0.5 * product / analysisWindow[i];
            }
            // frames overlapping the zero history before sample 0: the share of window energy on real input
            this.coverage = new double[n / hop - 1];
            double full = 0;
            for (double w : analysisWindow) {
                full += w * w;
            }
            for (int m = 0; m < coverage.length; m++) {
                double covered = 0;
                for (int i = n - hop - m * hop; i < n; i++) {
                    covered += analysisWindow[i] * analysisWindow[i];
                }
                coverage[m] = covered / full;
            }
            this.fft = FftAdapter.forSize(n);
            this.gainRule = gainForFrameSize.apply(n);
            this.frame = new double[n];
            this.windowed = new double[n];
            this.re = new double[bins];
            this.im = new double[bins];
            this.lookahead = gainRule.lookahead();
            this.heldRe = lookahead == 0 ? null : new double[bins];
            this.heldIm = lookahead == 0 ? null : new double[bins];
            this.power = new double[bins];
            this.gain = new double[bins];
            this.overlap = new double[synthesis];
            this.out = new double[hop];
            this.filled = n - hop;
            this.toSkip = synthesis - hop + (long) lookahead * hop;
        }

        private static double hann(int i, int length) {
            return 0.5 - 0.5 * Math.cos(2 * Math.PI * i / length);
        }

        /** Analysis frame (= FFT) length in samples. */
        public int analysisFrame() {
            return n;
        }

        public int hop() {
            return hop;
        }

        /** Output delay in samples (L - H): the sink's sample t is released when input sample t + delay arrives. */
        public int delaySamples() {
            return synthesis - hop + lookahead * hop;
        }

        /** Algorithmic latency in samples, L: a sample leaves at most L - 1 samples after it arrived. */
        public int latencySamples() {
            return synthesis + lookahead * hop;
        }

        /**
         * Applies new options from the next frame on, keeping the denoiser's state (noise and presence statistics,
         * overlap): the output stays continuous. The framing (hopSeconds, analysisSeconds) and the spans that size
         * the state (initSeconds, minimumSeconds) cannot change in a running stream; open a new processor for those.
         */
        public void retune(StreamingDenoiserOptions next) {
            Objects.requireNonNull(next, "options");
            String why = retuneProblem(opened, next);
            if (why != null) {
                throw new IllegalArgumentException(why);
            }
            gainRule.retune(next);
            options = next;
        }

        /** The options in effect (those opened with, or the last {@link #retune}). */
        public StreamingDenoiserOptions options() {
            return options;
        }

        public void process(double[] in, int offset, int length, SampleSink sink) throws IOException {
            if (finished) {
                throw new IllegalStateException("the stream was flushed");
            }
            Objects.checkFromIndexSize(offset, length, in.length);
            received += length;
            int i = offset;
            int end = offset + length;
            while (i < end) {
                int take = Math.min(end - i, n - filled);
                System.arraycopy(in, i, frame, filled, take);
                filled += take;
                i += take;
                if (filled == n) {
                    processFrame(sink);
                }
            }
        }

        /** Pads the input with zeros until every input sample's output is final, releases it and ends the stream. */
        public void flush(SampleSink sink) throws IOException {
            if (finished) {
                return;
            }
            finished = true;
            while (emitted < received) {
                Arrays.fill(frame, filled, n, 0.0);
                filled = n;
                processFrame(sink);
            }
        }

        private void processFrame(SampleSink sink) throws IOException {
            for (int i = 0; i < n; i++) {
                windowed[i] = frame[i] * analysisWindow[i];
            }
            fft.forward(windowed, 0, re, im, 0);
            double share = framesDone < coverage.length ? coverage[(int) framesDone] : 1.0;
            for (int k = 0; k < bins; k++) {
                power[k] = (re[k] * re[k] + im[k] * im[k]) / share;
            }
            gainRule.next(power, share, gain);
            if (lookahead == 1) {
                // the gain is the previous frame's: apply it to that frame's spectrum and hold this one
                for (int k = 0; k < bins; k++) {
                    double hr = heldRe[k];
                    double hi = heldIm[k];
                    heldRe[k] = re[k];
                    heldIm[k] = im[k];
                    re[k] = hr;
                    im[k] = hi;
                }
            }
            for (int k = 0; k < bins; k++) {
                re[k] *= gain[k];
                im[k] *= gain[k];
            }
            fft.inverse(re, im, 0, windowed, 0);
            int base = n - synthesis;
            for (int i = 0; i < synthesis; i++) {
                overlap[i] += windowed[base + i] * synthesisWindow[base + i];
            }
            framesDone++;
            System.arraycopy(overlap, 0, out, 0, hop);
            System.arraycopy(overlap, hop, overlap, 0, synthesis - hop);
            Arrays.fill(overlap, synthesis - hop, synthesis, 0.0);
            System.arraycopy(frame, hop, frame, 0, n - hop);
            filled = n - hop;
            emit(sink);
        }

        private void emit(SampleSink sink) throws IOException {
            int from = 0;
            if (toSkip > 0) {
                from = (int) Math.min(toSkip, hop);
                toSkip -= from;
            }
            int count = (int) Math.min(hop - from, received - emitted);
            if (count > 0) {
                sink.accept(out, from, count);
                emitted += count;
            }
        }
    }
}
