package org.ncw.engine.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.denoise.BandMask;
import org.ncw.engine.denoise.MaskNetwork;
import org.ncw.engine.denoise.MaskTrainer;

/**
 * Trains the streaming denoiser's causal band mask: the same remixes and network training as {@link MaskTrainer},
 * but measured by the streaming denoiser itself ({@link MaskedGain#recording}) in its own 32 ms frames, every
 * {@link BandMask#CAUSAL_STRIDE}-th frame, with the ideal mask from the clean speech and the noise through the very
 * same analysis windows and frames.
 */
public final class StreamingMaskTrainer {
    private StreamingMaskTrainer() {
    }

    /**
     * What trained the built-in causal network (docs/realtime.md): the blind denoiser's training settings with 64 + 16
     * hidden units, and its mask combined as mask^0.75 x analytic^0.25, floored at -30 dB (the analytic gain's own
     * floor), both chosen on the corpus's even half.
     */
    public static MaskTrainer.Options defaults() {
        return MaskTrainer.Options.defaults().withHidden(64, 16).withCombination(0.75, -30);
    }

    /**
     * @param denoiser the streaming options whose analytic stage the network learns to complete (its mask model
     *                 is ignored: the channels always come from the analytic gain)
     */
    public static MaskNetwork fit(List<MaskTrainer.Pair> pairs, MaskTrainer.Options options,
                                  StreamingDenoiserOptions denoiser, TaskMonitor monitor) {
        Checks.notNull("denoiser", denoiser);
        StreamingDenoiserOptions analytic = denoiser.withMaskModel(StreamingDenoiserOptions.NO_MASK);
        return MaskTrainer.fit(pairs, options, BandMask.CAUSAL, remix -> example(remix, analytic), monitor);
    }

    static MaskTrainer.Example example(MaskTrainer.Remix remix, StreamingDenoiserOptions analytic) {
        int rate = remix.noisy().sampleRate();
        List<double[]> channels = new ArrayList<>();
        run(StreamingDenoiser.recording(rate, analytic, channels::add), remix.noisy().samples());
        List<double[]> speech = new ArrayList<>();
        List<double[]> noise = new ArrayList<>();
        run(powers(rate, analytic, speech), remix.speech());
        run(powers(rate, analytic, noise), remix.noise());
        int frames = channels.size();
        int bins = speech.get(0).length;
        int n = 2 * (bins - 1);
        BandMask.Layout layout = BandMask.Layout.of(bins, (double) rate / n);
        double[] c = new double[frames * BandMask.BANDS * BandMask.CHANNELS];
        double[] s = new double[frames * bins];
        double[] v = new double[frames * bins];
        for (int f = 0; f < frames; f++) {
            System.arraycopy(channels.get(f), 0, c, f * BandMask.BANDS * BandMask.CHANNELS,
                    BandMask.BANDS * BandMask.CHANNELS);
            System.arraycopy(speech.get(f * BandMask.CAUSAL_STRIDE), 0, s, f * bins, bins);
            System.arraycopy(noise.get(f * BandMask.CAUSAL_STRIDE), 0, v, f * bins, bins);
        }
        return new MaskTrainer.Example(frames, c, BandMask.idealMask(layout, s, v, frames));
    }

    /** A processor that only records each frame's periodogram (unit gain). */
    private static StreamingDenoiser.Processor powers(int rate, StreamingDenoiserOptions o, List<double[]> into) {
        return StreamingDenoiser.open(rate, o, n -> (power, share, gain) -> {
            into.add(power.clone());
            java.util.Arrays.fill(gain, 1.0);
        });
    }

    private static void run(StreamingDenoiser.Processor p, double[] x) {
        SampleSink discard = (y, off, len) -> { };
        try {
            p.process(x, 0, x.length, discard);
            p.flush(discard);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
