package org.ncw.engine.stream;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dsp.FftAdapter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * A causal denoiser for streams: weighted overlap-add STFT (square-root Hann analysis and synthesis windows,
 * frame = 4 hops) with the online noise tracking, decision-directed SNR and OM-LSA gain of
 * {@link SpectralSuppressor}.
 *
 * <p>Latency: a frame of N samples is processed when its last sample arrives and completes the output of its first
 * hop, so the output is the input delayed by N - H samples, released a hop (H) at a time: a sample leaves at most
 * N - 1 samples after it arrived. With the defaults that is N = 512, H = 128 at 16 kHz (32 ms) and N = 1440 at
 * 48 kHz (30 ms). The work depends on the input only, never on how it is cut into blocks, so any block sizes give
 * bit-identical output; memory is a few frames whatever the length.
 */
public final class StreamingDenoiser {
    private StreamingDenoiser() {
    }

    /** The whole-signal result: the enhanced signal (aligned with the input) and the framing. */
    public record Result(Signal enhanced, int frame, int hop, int latencySamples) {
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
        return new Result(noisy.withSamples(y), p.frame(), p.hop(), p.latencySamples());
    }

    /** A stateful block processor for one stream at {@code sampleRate}. */
    public static Processor open(int sampleRate, StreamingDenoiserOptions options) {
        Objects.requireNonNull(options, "options");
        return new Processor(sampleRate, options, n -> new SpectralSuppressor(n, sampleRate, n / 4, options));
    }

    /** A processor with another gain rule (made for the frame size), for tests of the framing itself. */
    static Processor open(int sampleRate, StreamingDenoiserOptions options,
                          java.util.function.IntFunction<FrameGain> gainForFrameSize) {
        return new Processor(sampleRate, options, gainForFrameSize);
    }

    /**
     * Feeds blocks of any size with {@link #process}; the sink receives the enhanced signal in order, starting
     * with the input's first sample, as soon as each hop is final. {@link #flush} releases the rest.
     */
    public static final class Processor {
        private final int n;
        private final int hop;
        private final int bins;
        private final double[] window;
        private final double[] partialFrameCompensation;
        private final FftAdapter fft;
        private final FrameGain suppressor;
        private final double[] frame;
        private final double[] windowed;
        private final double[] re;
        private final double[] im;
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

        private Processor(int sampleRate, StreamingDenoiserOptions o,
                          java.util.function.IntFunction<FrameGain> gainForFrameSize) {
            Checks.positive("sampleRate", sampleRate);
            this.hop = o.hop(sampleRate);
            this.n = 4 * hop;
            this.bins = n / 2 + 1;
            this.window = new double[n];
            for (int i = 0; i < n; i++) {
                window[i] = Math.sqrt(0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
            }
            // frames overlapping the zero history before sample 0: scale their power up to a full frame's
            int partial = n / hop - 1;
            this.partialFrameCompensation = new double[partial];
            double full = 0;
            for (double w : window) {
                full += w * w;
            }
            for (int m = 0; m < partial; m++) {
                double covered = 0;
                for (int i = n - hop - m * hop; i < n; i++) {
                    covered += window[i] * window[i];
                }
                partialFrameCompensation[m] = full / covered;
            }
            this.fft = FftAdapter.forSize(n);
            this.suppressor = gainForFrameSize.apply(n);
            this.frame = new double[n];
            this.windowed = new double[n];
            this.re = new double[bins];
            this.im = new double[bins];
            this.power = new double[bins];
            this.gain = new double[bins];
            this.overlap = new double[n];
            this.out = new double[hop];
            this.filled = n - hop;
            this.toSkip = n - hop;
        }

        public int frame() {
            return n;
        }

        public int hop() {
            return hop;
        }

        /** Output delay in samples (N - H); a sample arrives at most {@link #latencySamples()} - 1 before its output. */
        public int delaySamples() {
            return n - hop;
        }

        /** Algorithmic latency in samples: one frame. */
        public int latencySamples() {
            return n;
        }

        public void process(double[] in, int offset, int length, SampleSink sink) throws IOException {
            if (finished) {
                throw new IllegalStateException("the stream was flushed");
            }
            java.util.Objects.checkFromIndexSize(offset, length, in.length);
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
                java.util.Arrays.fill(frame, filled, n, 0.0);
                filled = n;
                processFrame(sink);
            }
        }

        private void processFrame(SampleSink sink) throws IOException {
            for (int i = 0; i < n; i++) {
                windowed[i] = frame[i] * window[i];
            }
            fft.forward(windowed, 0, re, im, 0);
            double compensation = framesDone < partialFrameCompensation.length
                    ? partialFrameCompensation[(int) framesDone] : 1.0;
            for (int k = 0; k < bins; k++) {
                power[k] = (re[k] * re[k] + im[k] * im[k]) * compensation;
            }
            suppressor.next(power, gain);
            for (int k = 0; k < bins; k++) {
                re[k] *= gain[k];
                im[k] *= gain[k];
            }
            fft.inverse(re, im, 0, windowed, 0);
            // sqrt-Hann analysis times synthesis is a Hann window; Hann windows 4 hops apart sum to 2
            for (int i = 0; i < n; i++) {
                overlap[i] += 0.5 * windowed[i] * window[i];
            }
            framesDone++;
            System.arraycopy(overlap, 0, out, 0, hop);
            System.arraycopy(overlap, hop, overlap, 0, n - hop);
            java.util.Arrays.fill(overlap, n - hop, n, 0.0);
            System.arraycopy(frame, hop, frame, 0, n - hop);
            filled = n - hop;
            emit(sink);
        }

        private void emit(SampleSink sink) throws IOException {
            int from = 0;
            if (toSkip > 0) {
                int skip = (int) Math.min(toSkip, hop);
                toSkip -= skip;
                from = skip;
            }
            int count = (int) Math.min(hop - from, received - emitted);
            if (count > 0) {
                sink.accept(out, from, count);
                emitted += count;
            }
        }
    }
}
