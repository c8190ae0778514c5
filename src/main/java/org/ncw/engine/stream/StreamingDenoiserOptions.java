package org.ncw.engine.stream;

import org.ncw.engine.core.Checks;

/**
 * Parameters of the {@link StreamingDenoiser}. Times are in seconds and widths in Hz so the defaults fit any
 * sample rate.
 *
 * @param hopSeconds             frame advance (8 ms); the frame is {@code 4 * hop} (75 % overlap, 32 ms), which
 *                               with {@code lookaheadHops} makes the algorithmic latency
 * @param analysisSeconds        length of the asymmetric analysis window (rounded to whole hops, at least four):
 *                               longer resolves speech harmonics better without adding latency, which is set by
 *                               the synthesis window of four hops
 * @param initSeconds            the noise spectrum starts as the mean periodogram of the frames of this first span
 *                               (the input is taken to start with noise; 0.1 s fits before speech at 0.15 s)
 * @param noiseSeconds           time constant of the noise spectrum's update in cells judged noise-only
 * @param minimumSeconds         span of the running minimum of the smoothed power that bounds the noise estimate
 *                               from below (minimum statistics, Martin 2001), so noise that rises while speech is
 *                               judged present is still followed after this long
 * @param minimumBias            the bound is this many times that minimum (the minimum of a smoothed
 *                               periodogram underestimates the mean); 0 disables the bound
 * @param presenceSmoothHz       least width of the band over which the speech-presence statistic (power over
 *                               noise) is averaged
 * @param presenceSmoothFraction ... which grows with frequency: max(presenceSmoothHz, fraction * f) around a bin at
 *                               f (1.0: about an octave, constant-Q like the ear's bands), so presence is decided
 *                               for a band region at a time and the average has little variance
 * @param presenceThreshold      averaged power-over-noise ratio at which speech presence is 1/2
 * @param presenceSlope          slope of the logistic presence curve over the log of that ratio
 * @param ddAlpha                decision-directed a-priori SNR: weight of the previous frame's clean estimate
 *                               (Ephraim-Malah 1984); 0 uses the current frame's max(post - 1, min) alone
 * @param minPriorSnrDb          lower bound of the a-priori SNR
 * @param wienerExponent         where speech is present the gain is the Wiener gain to this power (0.5: its square
 *                               root, the amplitude-domain Wiener rule, which removes less of the weak speech)
 * @param gainFloorDb            gain where speech is absent, dB
 * @param lowCutHz               the low band: below this frequency no voice fundamental lies, but rumble, wind
 *                               and traffic do; 0 treats it like the rest
 * @param lowBandTrackingSeconds time constant of the low band's own noise tracker, a speech-presence-probability
 *                               tracker (Gerkmann &amp; Hendriks 2012) that follows slowly changing rumble; the
 *                               low band then gets the Wiener gain against it times its presence probability
 *                               (the MMSE gain under presence uncertainty), which removes rumble where it
 *                               dominates and keeps the recording's own low end at high SNR. 0 gives the low band
 *                               the floor gain always (costs up to 3 dB SI-SDR at +20 dB SNR)
 * @param maskModel              the learned causal band mask combined with the analytic gain: "builtin" (the
 *                               network shipped with the project, the default; null or blank in older experiment
 *                               files means it too), "none" (the analytic gain alone) or a network file written by
 *                               {@code ncw train-mask --streaming}
 * @param lookaheadHops          0 or 1: with 1 a frame is output one hop later, when the next frame's gain is
 *                               known: its analytic gain becomes the geometric mean of its own and the next frame's,
 *                               and a frame between two mask measurements takes the geometric mean of both masks
 *                               instead of the older one. Adds one hop (8 ms) of latency, 40 ms in all; 0 keeps the
 *                               32 ms of four hops
 */
public record StreamingDenoiserOptions(double hopSeconds, double analysisSeconds, double initSeconds, double noiseSeconds,
                                       double minimumSeconds, double minimumBias,
                                       double presenceSmoothHz, double presenceSmoothFraction,
                                       double presenceThreshold, double presenceSlope,
                                       double ddAlpha, double minPriorSnrDb, double wienerExponent,
                                       double gainFloorDb, double lowCutHz,
                                       double lowBandTrackingSeconds, String maskModel, int lookaheadHops) {
    /** {@link #maskModel} value for the causal network shipped with the project. */
    public static final String BUILTIN_MASK = "builtin";
    /** {@link #maskModel} value for the analytic gain alone. */
    public static final String NO_MASK = "none";

    public StreamingDenoiserOptions {
        Checks.inRange("hopSeconds", hopSeconds, 0.001, 0.01);
        Checks.inRange("analysisSeconds", analysisSeconds, 0.004, 0.5);
        Checks.inRange("initSeconds", initSeconds, 0, 2);
        Checks.inRange("noiseSeconds", noiseSeconds, 0.001, 60);
        Checks.inRange("minimumSeconds", minimumSeconds, 0.1, 10);
        Checks.inRange("minimumBias", minimumBias, 0, 10);
        Checks.inRange("presenceSmoothHz", presenceSmoothHz, 0, 2000);
        Checks.inRange("presenceSmoothFraction", presenceSmoothFraction, 0, 4);
        Checks.inRange("presenceThreshold", presenceThreshold, 1.0, 100.0);
        Checks.inRange("presenceSlope", presenceSlope, 0.1, 100);
        Checks.inRange("ddAlpha", ddAlpha, 0, 0.999);
        Checks.inRange("minPriorSnrDb", minPriorSnrDb, -60, 0);
        Checks.inRange("wienerExponent", wienerExponent, 0.1, 2);
        Checks.inRange("gainFloorDb", gainFloorDb, -80, 0);
        Checks.inRange("lowCutHz", lowCutHz, 0, 500);
        Checks.inRange("lowBandTrackingSeconds", lowBandTrackingSeconds, 0, 10);
        Checks.inRange("lookaheadHops", lookaheadHops, 0, 1);
        if (maskModel == null || maskModel.isBlank()) {
            maskModel = BUILTIN_MASK; // experiment files from before the learned mask
        }
    }

    /** "learned causal mask (builtin)", "... (FILE)" or "analytic gain only", for a run's details. */
    public String describeMask() {
        return usesMask() ? "learned causal mask (" + maskModel + ")" : "analytic gain only";
    }

    /** Whether the learned causal band mask is combined with the analytic gain. */
    public boolean usesMask() {
        return !NO_MASK.equals(maskModel);
    }

    /**
     * The causal network {@link #maskModel} names: the built-in one or a file of {@code ncw train-mask --streaming};
     * one line naming the parameter when the file cannot be read or holds a network of the blind denoiser.
     */
    public org.ncw.engine.denoise.MaskNetwork maskNetwork() {
        org.ncw.engine.denoise.MaskNetwork net;
        try {
            net = BUILTIN_MASK.equals(maskModel) ? org.ncw.engine.denoise.MaskNetwork.builtinStreaming()
                    : org.ncw.engine.denoise.MaskNetwork.read(java.nio.file.Path.of(maskModel));
        } catch (java.io.IOException | RuntimeException e) {
            throw new org.ncw.engine.core.InvalidParameterException("maskModel " + maskModel
                    + ": cannot read the mask network: " + e.getMessage());
        }
        if (net.context() != org.ncw.engine.denoise.BandMask.CAUSAL) {
            throw new org.ncw.engine.core.InvalidParameterException("maskModel " + maskModel
                    + ": a network of the blind denoiser; the streaming denoiser needs one from"
                    + " `ncw train-mask --streaming`");
        }
        return net;
    }

    /** The documented defaults (tuned on the even-numbered corpus mixtures only; see docs/realtime.md). */
    public static StreamingDenoiserOptions defaults() {
        return new StreamingDenoiserOptions(0.008, 0.032, 0.1, 0.15, 1.5, 0, 60, 1.0, 1.5, 8, 0.9, -25, 0.5, -30, 60, 1.0,
                BUILTIN_MASK, 1);
    }

    /**
     * The hop in samples at a rate: the 5-smooth number (factors 2, 3, 5 only, so the FFT of 4 hops stays fast)
     * nearest below {@code hopSeconds * rate}; at least 2.
     */
    public int hop(int sampleRate) {
        int target = Math.max(2, (int) Math.floor(hopSeconds * sampleRate + 1e-9));
        for (int h = target; h > 2; h--) {
            int r = h;
            for (int p : new int[] {2, 3, 5}) {
                while (r % p == 0) {
                    r /= p;
                }
            }
            if (r == 1) {
                return h;
            }
        }
        return 2;
    }

    /** The algorithmic latency in samples: the synthesis window of four hops plus the look-ahead hops. */
    public int latencySamples(int sampleRate) {
        return (4 + lookaheadHops) * hop(sampleRate);
    }

    /** Analysis window (= FFT) length in samples: whole hops nearest to analysisSeconds, at least four. */
    public int analysisFrame(int sampleRate) {
        int h = hop(sampleRate);
        return h * Math.max(4, (int) Math.round(analysisSeconds * sampleRate / h));
    }

    public StreamingDenoiserOptions withGainFloorDb(double v) {
        return new StreamingDenoiserOptions(hopSeconds, analysisSeconds, initSeconds, noiseSeconds, minimumSeconds, minimumBias,
                presenceSmoothHz, presenceSmoothFraction, presenceThreshold, presenceSlope, ddAlpha, minPriorSnrDb,
                wienerExponent, v, lowCutHz, lowBandTrackingSeconds, maskModel, lookaheadHops);
    }

    public StreamingDenoiserOptions withMaskModel(String v) {
        return new StreamingDenoiserOptions(hopSeconds, analysisSeconds, initSeconds, noiseSeconds, minimumSeconds, minimumBias,
                presenceSmoothHz, presenceSmoothFraction, presenceThreshold, presenceSlope, ddAlpha, minPriorSnrDb,
                wienerExponent, gainFloorDb, lowCutHz, lowBandTrackingSeconds, v, lookaheadHops);
    }

    public StreamingDenoiserOptions withLookaheadHops(int v) {
        return new StreamingDenoiserOptions(hopSeconds, analysisSeconds, initSeconds, noiseSeconds, minimumSeconds, minimumBias,
                presenceSmoothHz, presenceSmoothFraction, presenceThreshold, presenceSlope, ddAlpha, minPriorSnrDb,
                wienerExponent, gainFloorDb, lowCutHz, lowBandTrackingSeconds, maskModel, v);
    }
}
