package org.ncw.engine.stream;

/**
 * The per-bin state of the streaming denoiser, advanced one frame at a time from the frame's periodogram:
 * <ol>
 *   <li>speech presence p: the power-over-noise ratio averaged over a band about an octave wide, through a
 *       logistic curve over its log;</li>
 *   <li>noise power: the mean periodogram of the first frames, then a recursive average weighted by (1 - p), bounded
 *       below by a running minimum of the smoothed power (minimum statistics) so rising noise is followed;</li>
 *   <li>gain: a Wiener gain from the decision-directed a-priori SNR (raised to a power below 1 to spare weak
 *       speech), blended with the floor gain by p.</li>
 *   <li>the low band under {@code lowCutHz} (no voice fundamental, often rumble): its own speech-presence
 *       probability noise tracker and the Wiener gain times that tracker's presence probability.</li>
 * </ol>
 * Every rule uses power ratios only, so the gains do not depend on the input level.
 */
final class SpectralSuppressor implements FrameGain {
    /** Recursive smoothing of the power whose minimum bounds the noise (Martin 2001 uses ~0.85-0.95 at 8 ms). */
    private static final double MINIMUM_SMOOTHING = 0.9;
    /** The running minimum is kept as this many sub-window minima (Martin 2001: U = 8), so it is O(1) per frame. */
    private static final int MINIMUM_SUBWINDOWS = 8;
    /** Keeps ratios finite in digital silence; far below any 64-bit PCM level, so it never changes a gain. */
    private static final double TINY = 1e-300;

    private final int bins;
    private final int nFft;
    private final int sampleRate;
    private final double hopSeconds;
    private final int initFrames;
    private final int subwindowFrames;
    // the tuning: replaced between frames by retune(), the state below is kept
    private double noiseKeep;
    private double minimumBias;
    private double threshold;
    private double slope;
    /** The slope when it is a whole number up to 64 (exponentiation by squaring), else 0. */
    private int integerSlope;
    private double ddAlpha;
    private double wienerExponent;
    private double minPriorSnr;
    private double gainFloor;
    private int lowCutBins;
    /** Recursion factor of the low band's SPP noise tracker; 0 when the low band gets the floor gain. */
    private double lowBandKeep;
    private final int[] bandLo;
    private final int[] bandHi;
    private final double[] lowBandPresenceMean;

    private final double[] noise;
    private final double[] previousClean;
    private final double[] ratioSum;
    private final double[] smoothed;
    private final double[] subwindowMin;
    private final double[][] pastMinima;
    private int frames;
    private double initWeight;
    private int subwindowFill;
    private int pastFilled;
    private int pastNext;

    SpectralSuppressor(int nFft, int sampleRate, int hop, StreamingDenoiserOptions o) {
        this.bins = nFft / 2 + 1;
        this.nFft = nFft;
        this.sampleRate = sampleRate;
        this.hopSeconds = (double) hop / sampleRate;
        this.initFrames = Math.max(1, (int) Math.round(o.initSeconds() / hopSeconds));
        this.subwindowFrames = Math.max(1, (int) Math.round(o.minimumSeconds() / hopSeconds / MINIMUM_SUBWINDOWS));
        this.bandLo = new int[bins];
        this.bandHi = new int[bins];
        this.lowBandPresenceMean = new double[bins];
        retune(o);
        this.noise = new double[bins];
        this.previousClean = new double[bins];
        this.ratioSum = new double[bins + 1];
        this.smoothed = new double[bins];
        this.subwindowMin = new double[bins];
        this.pastMinima = new double[MINIMUM_SUBWINDOWS][bins];
        java.util.Arrays.fill(subwindowMin, Double.POSITIVE_INFINITY);
    }

    /**
     * Takes the per-frame parameters of {@code o} from the next frame on, keeping the noise, presence and minimum
     * statistics. The framing and the two spans that size the state (initSeconds, minimumSeconds) stay as opened.
     */
    @Override
    public void retune(StreamingDenoiserOptions o) {
        this.noiseKeep = Math.exp(-hopSeconds / o.noiseSeconds());
        this.minimumBias = o.minimumBias();
        this.threshold = o.presenceThreshold();
        this.slope = o.presenceSlope();
        this.integerSlope = slope == Math.rint(slope) && slope <= 64 ? (int) slope : 0;
        this.ddAlpha = o.ddAlpha();
        this.wienerExponent = o.wienerExponent();
        this.minPriorSnr = Math.pow(10, o.minPriorSnrDb() / 10);
        this.gainFloor = Math.pow(10, o.gainFloorDb() / 20);
        double binHz = (double) sampleRate / nFft;
        this.lowCutBins = Math.min(bins, (int) Math.ceil(o.lowCutHz() / binHz));
        this.lowBandKeep = o.lowBandTrackingSeconds() > 0 ? Math.exp(-hopSeconds / o.lowBandTrackingSeconds()) : 0;
        for (int k = 0; k < bins; k++) {
            double width = Math.max(o.presenceSmoothHz(), o.presenceSmoothFraction() * k * binHz);
            int half = (int) Math.floor(width / binHz / 2);
            bandLo[k] = Math.max(0, k - half);
            bandHi[k] = Math.min(bins - 1, k + half);
        }
    }

    /** The tracked noise power per bin after the last frame (read by the learned mask's measurements). */
    double[] noise() {
        return noise;
    }

    /** Bins below {@code lowCutHz}: they have their own rule, and the learned mask leaves them alone. */
    int lowCutBins() {
        return lowCutBins;
    }

    @Override
    public void next(double[] power, double share, double[] gain) {
        frames++;
        if (frames <= initFrames) {
            // mean weighted by the share of real input (frames overlapping the start are partly zeros)
            initWeight += share;
            for (int k = 0; k < bins; k++) {
                noise[k] += share * (power[k] - noise[k]) / initWeight;
            }
        }
        ratioSum[0] = 0;
        for (int k = 0; k < bins; k++) {
            ratioSum[k + 1] = ratioSum[k] + power[k] / (noise[k] + TINY);
        }
        if (minimumBias > 0) {
            trackMinimum(power);
        }
        for (int k = 0; k < bins; k++) {
            double meanRatio = (ratioSum[bandHi[k] + 1] - ratioSum[bandLo[k]]) / (bandHi[k] - bandLo[k] + 1);
            double p = presence(meanRatio);
            double n = noise[k] + TINY;
            double post = power[k] / n;
            double prior = Math.max(ddAlpha * previousClean[k] / n + (1 - ddAlpha) * Math.max(post - 1, 0),
                    minPriorSnr);
            double wiener = prior / (1 + prior);
            previousClean[k] = wiener * wiener * power[k];
            double speechGain = wienerExponent == 1 ? wiener
                    : wienerExponent == 0.5 ? Math.sqrt(wiener) : Math.pow(wiener, wienerExponent);
            if (k >= lowCutBins) {
                gain[k] = p * speechGain + (1 - p) * gainFloor;
            } else {
                // the MMSE gain under speech-presence uncertainty: presence times the Wiener gain
                gain[k] = lowBandKeep > 0 ? Math.max(presenceH1(post) * wiener, gainFloor) : gainFloor;
            }
            if (frames > initFrames && k < lowCutBins && lowBandKeep > 0) {
                noise[k] = lowBandNoise(k, power[k], n);
            } else if (frames > initFrames) {
                double w = (1 - noiseKeep) * (1 - p);
                noise[k] += w * (power[k] - noise[k]);
                if (minimumBias > 0 && pastFilled > 0) {
                    noise[k] = Math.max(noise[k], minimumBias * runningMinimum(k));
                }
            }
        }
    }

    /**
     * The logistic presence curve over the log ratio, 1 / (1 + exp(-slope (ln r - ln T))), written as
     * 1 / (1 + (T / r)^slope): the same value without an exp and a log per bin, and for the default integer slope
     * only multiplications (at 48 kHz the transcendental calls were a third of the frame's time).
     */
    private double presence(double meanRatio) {
        double q = threshold / (meanRatio + TINY);
        double qs;
        if (integerSlope > 0) {
            qs = 1;
            double b = q;
            for (int e = integerSlope; e > 0; e >>= 1) {
                if ((e & 1) != 0) {
                    qs *= b;
                }
                b *= b;
            }
        } else {
            qs = Math.pow(q, slope);
        }
        return 1 / (1 + qs);
    }

    /** A-priori SNR of speech where it is present, 15 dB (Gerkmann &amp; Hendriks 2012). */
    private static final double XI_H1 = Math.pow(10, 1.5);

    /** Posterior speech presence from the a-posteriori SNR, with prior 1/2 and xi_H1 (Gerkmann &amp; Hendriks). */
    private static double presenceH1(double post) {
        return 1 / (1 + (1 + XI_H1) * Math.exp(-XI_H1 / (1 + XI_H1) * post));
    }

    /**
     * Gerkmann &amp; Hendriks' tracker for one low-band bin: the posterior presence from the a-posteriori SNR
     * against the previous estimate, the MMSE noise periodogram (1 - P) |Y|^2 + P N, averaged recursively; P is
     * capped at 0.99 while its own mean stays above 0.99, so rumble that rises cannot freeze
     * the estimate (it is followed slowly at the 1 s default).
     */
    private double lowBandNoise(int k, double y, double n) {
        double p = presenceH1(y / n);
        lowBandPresenceMean[k] = 0.9 * lowBandPresenceMean[k] + 0.1 * p;
        if (lowBandPresenceMean[k] > 0.99) {
            p = Math.min(p, 0.99);
        }
        return lowBandKeep * n + (1 - lowBandKeep) * ((1 - p) * y + p * n);
    }

    /** Martin's sub-window scheme: the minimum of the smoothed power over the last U full sub-windows. */
    private void trackMinimum(double[] power) {
        for (int k = 0; k < bins; k++) {
            smoothed[k] = frames == 1 ? power[k]
                    : MINIMUM_SMOOTHING * smoothed[k] + (1 - MINIMUM_SMOOTHING) * power[k];
            subwindowMin[k] = Math.min(subwindowMin[k], smoothed[k]);
        }
        if (++subwindowFill == subwindowFrames) {
            System.arraycopy(subwindowMin, 0, pastMinima[pastNext], 0, bins);
            pastNext = (pastNext + 1) % MINIMUM_SUBWINDOWS;
            pastFilled = Math.min(MINIMUM_SUBWINDOWS, pastFilled + 1);
            subwindowFill = 0;
            java.util.Arrays.fill(subwindowMin, Double.POSITIVE_INFINITY);
        }
    }

    private double runningMinimum(int k) {
        double m = subwindowMin[k];
        for (int u = 0; u < pastFilled; u++) {
            m = Math.min(m, pastMinima[u][k]);
        }
        return m;
    }
}
