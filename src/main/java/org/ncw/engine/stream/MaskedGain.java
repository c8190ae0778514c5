package org.ncw.engine.stream;

import org.ncw.engine.denoise.BandMask;
import org.ncw.engine.denoise.MaskNetwork;

/**
 * The streaming denoiser's gain with a learned causal band mask: {@link SpectralSuppressor}'s analytic gain, and
 * every {@link BandMask#CAUSAL_STRIDE}-th frame the five {@link BandMask} channels of the frame (power, tracked
 * noise, analytic gain), which a network turns into 32 band gains from six measured frames of the last 192 ms
 * ({@link BandMask#CAUSAL}: the past only). Each frame's gain is mask^w x analytic^(1 - w) above the low band and up
 * to 8 kHz, bounded by the network's floor and 1; between band centres the mask is interpolated geometrically (the
 * blind denoiser interpolates linearly: here it saves two powers per bin and frame).
 *
 * <p>Without look-ahead a frame takes the latest mask (at most one hop old). With one hop of look-ahead
 * ({@link StreamingDenoiserOptions#lookaheadHops}) the gain is that of the frame before the newest: its analytic gain
 * is the geometric mean of its own and the newest frame's, and a frame between two measurements takes the geometric
 * mean of both masks. The network and its inputs are the same either way (it always sees the past of the frame it
 * measures), so one trained network serves both.
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
    /** With look-ahead: w x ln(mask) of the measurement before the latest, and the two masks' mean. */
    private final double[] earlierLogMask = new double[BandMask.BANDS];
    private final double[] meanLogMask = new double[BandMask.BANDS];
    private final double weight;
    private final double floor;
    /** With look-ahead, the newest frame's analytic gain, held for the next call (the frame output then). */
    private final double[] heldGain;
    private long frames;

    private MaskedGain(SpectralSuppressor analytic, int nFft, int sampleRate, MaskNetwork net, Recorder recorder,
                       int lookahead) {
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
        this.heldGain = lookahead == 0 ? null : new double[bins];
    }

    /** The analytic gain combined with {@code net}'s causal band mask, with 0 or 1 hops of look-ahead. */
    static MaskedGain applying(SpectralSuppressor analytic, int nFft, int sampleRate, MaskNetwork net, int lookahead) {
        if (net.context() != BandMask.CAUSAL) {
            throw new IllegalArgumentException("not a causal (streaming) mask network");
        }
        return new MaskedGain(analytic, nFft, sampleRate, net, null, lookahead);
    }

    /** The analytic gain alone with one hop of look-ahead (the mean of two frames' gains, no network). */
    static MaskedGain ahead(SpectralSuppressor analytic, int nFft, int sampleRate) {
        return new MaskedGain(analytic, nFft, sampleRate, null, null, 1);
    }

    /** The analytic gain unchanged, handing each measured frame's channels to {@code recorder}. */
    static MaskedGain recording(SpectralSuppressor analytic, int nFft, int sampleRate, Recorder recorder) {
        return new MaskedGain(analytic, nFft, sampleRate, null, recorder, 0);
    }

    @Override
    public int lookahead() {
        return heldGain == null ? 0 : 1;
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
        boolean measured = frames++ % BandMask.CAUSAL_STRIDE == 0;
        if (measured && (net != null || recorder != null)) {
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
            System.arraycopy(weightedLogMask, 0, earlierLogMask, 0, BandMask.BANDS);
            for (int b = 0; b < BandMask.BANDS; b++) {
                weightedLogMask[b] = weight * Math.log(bandGain[b]);
            }
            if (frames == 1) {
                System.arraycopy(weightedLogMask, 0, earlierLogMask, 0, BandMask.BANDS);
            }
        }
        double[] logMask = weightedLogMask;
        if (heldGain != null) {
            // the output is the frame before the newest: the mean of its analytic gain and the newest's; after a
            // measured frame it lies between two measurements, else it is the measured frame itself
            for (int k = 0; k < gain.length; k++) {
                double newer = gain[k];
                gain[k] = Math.sqrt(heldGain[k] * newer);
                heldGain[k] = newer;
            }
            if (measured) {
                for (int b = 0; b < BandMask.BANDS; b++) {
                    meanLogMask[b] = 0.5 * (earlierLogMask[b] + weightedLogMask[b]);
                }
                logMask = meanLogMask;
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
            double bandLog = (1 - upper[k]) * logMask[b] + upper[k] * logMask[b + 1];
            double g = Math.exp(bandLog + (1 - weight) * Math.log(gain[k]));
            gain[k] = g > 1 ? 1 : Math.max(floor, g);
        }
    }
}
