package org.ncw.engine.stream;

import org.ncw.engine.denoise.BandMask;
import org.ncw.engine.denoise.MaskNetwork;

/**
 * The streaming denoiser's gain with a learned causal band mask: {@link SpectralSuppressor}'s analytic gain, and
 * every {@link BandMask#CAUSAL_STRIDE}-th frame the five {@link BandMask} channels of the frame (power, tracked
 * noise, analytic gain), which a network turns into 32 band gains from six measured frames of the last 192 ms
 * ({@link BandMask#CAUSAL}: the past only, so no added latency). Each frame's gain is mask^w x analytic^(1 - w) above the low
 * band and up to 8 kHz, bounded by the network's floor and 1, with the latest mask (at most one hop old); between
 * band centres the mask is interpolated geometrically (the blind denoiser interpolates linearly: here it saves
 * two powers per bin and frame).
 *
 * <p>The network's channels are exactly those the trainer records ({@link #recording}), since both come from this
 * class. The mask does not feed back into the tracking, so the analytic state is the same with or without it.
 */
final class MaskedGain implements FrameGain {
    private static final int HISTORY = historyFrames();

    /** Receives the channels of every measured frame (training). */
    interface Recorder {
        void frame(double[] channels);
    }

    private final SpectralSuppressor analytic;
    private final BandMask.Layout layout;
    private final BandMask.Measure measure;
    private final MaskNetwork net;
    private final MaskNetwork.Predictor predictor;
    private final Recorder recorder;
    private final int inputs;
    /** The last HISTORY measured frames, oldest first, [frame][band][channel]. */
    private final double[] history;
    private final double[] x;
    /** w x ln(mask) per band of the latest mask. */
    private final double[] weightedLogMask = new double[BandMask.BANDS];
    private final double weight;
    private final double floor;
    private long frames;

    private MaskedGain(SpectralSuppressor analytic, int nFft, int sampleRate, MaskNetwork net, Recorder recorder) {
        this.analytic = analytic;
        int bins = nFft / 2 + 1;
        this.layout = BandMask.Layout.of(bins, (double) sampleRate / nFft);
        this.measure = new BandMask.Measure(layout);
        this.net = net;
        this.predictor = net == null ? null : net.predictor(BandMask.BANDS);
        this.recorder = recorder;
        this.inputs = BandMask.CAUSAL.inputs();
        this.history = new double[HISTORY * BandMask.BANDS * BandMask.CHANNELS];
        this.x = new double[BandMask.BANDS * inputs];
        this.weight = net == null ? 0 : net.combineWeight();
        this.floor = net == null ? 0 : Math.pow(10, net.floorDb() / 20);
    }

    /** The analytic gain combined with {@code net}'s causal band mask. */
    static MaskedGain applying(SpectralSuppressor analytic, int nFft, int sampleRate, MaskNetwork net) {
        if (net.context() != BandMask.CAUSAL) {
            throw new IllegalArgumentException("not a causal (streaming) mask network");
        }
        return new MaskedGain(analytic, nFft, sampleRate, net, null);
    }

    /** The analytic gain unchanged, handing each measured frame's channels to {@code recorder}. */
    static MaskedGain recording(SpectralSuppressor analytic, int nFft, int sampleRate, Recorder recorder) {
        return new MaskedGain(analytic, nFft, sampleRate, null, recorder);
    }

    private static int historyFrames() {
        int oldest = 0;
        for (int d : BandMask.CAUSAL.frameOffsets()) {
            oldest = Math.min(oldest, d);
        }
        return 1 - oldest;
    }

    @Override
    public void retune(StreamingDenoiserOptions options) {
        analytic.retune(options);
    }

    @Override
    public void next(double[] power, double share, double[] gain) {
        analytic.next(power, share, gain);
        if (frames++ % BandMask.CAUSAL_STRIDE == 0) {
            int cells = BandMask.BANDS * BandMask.CHANNELS;
            int newest = (HISTORY - 1) * cells;
            System.arraycopy(history, cells, history, 0, newest);
            measure.frame(power, analytic.noise(), gain, 0, history, newest);
            if (frames == 1) {
                // before the stream's start the context repeats its first frame (the trainer clamps the same way)
                for (int f = 0; f < HISTORY - 1; f++) {
                    System.arraycopy(history, newest, history, f * cells, cells);
                }
            }
            if (recorder != null) {
                recorder.frame(java.util.Arrays.copyOfRange(history, newest, newest + cells));
                return;
            }
            for (int b = 0; b < BandMask.BANDS; b++) {
                BandMask.input(BandMask.CAUSAL, history, HISTORY, HISTORY - 1, b, x, b * inputs);
            }
            double[] bandGain = predictor.predict(x, BandMask.BANDS);
            for (int b = 0; b < BandMask.BANDS; b++) {
                weightedLogMask[b] = weight * Math.log(bandGain[b]);
            }
        }
        if (net == null) {
            return;
        }
        // mask^w x analytic^(1-w) as one exp per bin: the mask is interpolated between band centres in the log
        // domain (geometrically), so its log is known per band
        int bins = layout.bins();
        int[] lower = layout.lower();
        double[] upper = layout.upperWeight();
        for (int k = analytic.lowCutBins(); k < bins; k++) {
            int b = lower[k];
            if (b < 0) {
                continue;
            }
            double logMask = (1 - upper[k]) * weightedLogMask[b] + upper[k] * weightedLogMask[b + 1];
            double g = Math.exp(logMask + (1 - weight) * Math.log(gain[k]));
            gain[k] = g > 1 ? 1 : Math.max(floor, g);
        }
    }
}
