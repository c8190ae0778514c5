package org.ncw.engine.denoise;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;

/**
 * Parameters of the {@link BlindDenoiser}. Times are in seconds and widths in Hz so the same defaults fit any
 * sample rate; they are converted to odd numbers of STFT frames/bins.
 *
 * @param frameSeconds          STFT frame length; the FFT size is the power of two nearest to it (2048 at 16 kHz)
 * @param hopFraction           hop as a fraction of the frame (0.25: 75 % overlap)
 * @param clusterBands          log-spaced bands whose energies are clustered to find noise-only frames
 * @param absenceThreshold      a cell is taken as noise-only while its locally averaged SNR (power over noise
 *                              estimate) is below this ratio
 * @param absenceSmoothHz       frequency width of that local average
 * @param absenceSmoothSeconds  time width of that local average
 * @param trackingSeconds       time window over which the noise-only cells of each bin are averaged
 * @param trackingIterations    re-estimations of the noise-only cells against the refined noise spectrum
 * @param snrSmoothHz           frequency width of the a-priori-SNR average (Wiener gain)
 * @param snrSmoothSeconds      time width of the a-priori-SNR average
 * @param presenceSmoothHz      least frequency width of the speech-presence statistic
 * @param presenceSmoothFraction the presence statistic's width grows with frequency: max(presenceSmoothHz,
 *                              presenceSmoothFraction * f) around a bin at f (1: an octave-wide band); 0 keeps
 *                              presenceSmoothHz everywhere
 * @param presenceSmoothSeconds time width of the speech-presence statistic
 * @param presenceThreshold     averaged SNR ratio at which speech presence is 1/2
 * @param presenceSlope         slope of the logistic presence curve over the log SNR ratio
 * @param gainFloorDb           gain where speech is absent (limits musical noise and speech damage), dB
 * @param lowCutHz              below this frequency every cell gets the floor gain: no voice fundamental lies there,
 *                              but pink, traffic and handling noise put most of their energy there; 0 disables
 * @param transientThreshold    short broadband noise transients (clatter, knocks) are cut down before denoising
 *                              ({@link TransientSuppressor}): a 32 ms frame is one when the median over 300-7000 Hz
 *                              of its power over the +-150 ms running median exceeds this ratio (and it passes
 *                              the spike test); 0 disables
 * @param transientSpikeRatio   ... and when in each of four bands its power stands this many times above the
 *                              louder of the frames 40 ms before and after (a syllable onset rises and stays)
 * @param sppTrackingSeconds    time constant of the speech-presence-probability noise tracker (Gerkmann &amp; Hendriks
 *                              2012) run forward and backward from the clustered noise spectrum; the noise power of a
 *                              cell is the mean of both passes. 0 keeps the sliding-window mean of noise-only cells
 * @param maskModel             the learned band mask combined with the analytic gain (geometric mean): "builtin"
 *                              (shipped, see docs/quality.md), "none" (analytic gain only) or the path of a network
 *                              written by {@code ncw train-mask}
 */
public record BlindDenoiserOptions(double frameSeconds, double hopFraction, int clusterBands,
                                   double absenceThreshold, double absenceSmoothHz, double absenceSmoothSeconds,
                                   double trackingSeconds, int trackingIterations,
                                   double snrSmoothHz, double snrSmoothSeconds,
                                   double presenceSmoothHz, double presenceSmoothFraction,
                                   double presenceSmoothSeconds,
                                   double presenceThreshold, double presenceSlope, double gainFloorDb,
                                   double lowCutHz, double transientThreshold, double transientSpikeRatio,
                                   double sppTrackingSeconds, String maskModel) {
    /** {@link #maskModel} value for the network shipped with the project. */
    public static final String BUILTIN_MASK = "builtin";
    /** {@link #maskModel} value for the analytic gain alone. */
    public static final String NO_MASK = "none";

    public BlindDenoiserOptions {
        Checks.inRange("frameSeconds", frameSeconds, 0.004, 1.0);
        Checks.inRange("hopFraction", hopFraction, 0.0625, 0.5);
        Checks.inRange("clusterBands", clusterBands, 2, 128);
        Checks.inRange("absenceThreshold", absenceThreshold, 1.0, 100.0);
        Checks.inRange("absenceSmoothHz", absenceSmoothHz, 0, 2000);
        Checks.inRange("absenceSmoothSeconds", absenceSmoothSeconds, 0, 2);
        Checks.inRange("trackingSeconds", trackingSeconds, 0.05, 60);
        Checks.inRange("trackingIterations", trackingIterations, 0, 10);
        Checks.inRange("snrSmoothHz", snrSmoothHz, 0, 2000);
        Checks.inRange("snrSmoothSeconds", snrSmoothSeconds, 0, 2);
        Checks.inRange("presenceSmoothHz", presenceSmoothHz, 0, 2000);
        Checks.inRange("presenceSmoothFraction", presenceSmoothFraction, 0, 4);
        Checks.inRange("presenceSmoothSeconds", presenceSmoothSeconds, 0, 2);
        Checks.inRange("presenceThreshold", presenceThreshold, 1.0, 100.0);
        Checks.inRange("presenceSlope", presenceSlope, 0.1, 100);
        Checks.inRange("gainFloorDb", gainFloorDb, -80, 0);
        Checks.inRange("lowCutHz", lowCutHz, 0, 500);
        if (transientThreshold != 0 && !(transientThreshold >= 1 && transientThreshold <= 1000)) {
            throw new InvalidParameterException("transientThreshold must be 0 (off) or in [1.0, 1000.0], got "
                    + transientThreshold);
        }
        Checks.inRange("transientSpikeRatio", transientSpikeRatio, 1.0, 1000);
        Checks.inRange("sppTrackingSeconds", sppTrackingSeconds, 0, 10);
        if (maskModel == null || maskModel.isBlank()) {
            maskModel = BUILTIN_MASK; // experiment files from before the learned mask
        }
    }

    /** The documented defaults (chosen on the whole dev set, never per file; see docs/quality.md). */
    public static BlindDenoiserOptions defaults() {
        return new BlindDenoiserOptions(0.128, 0.25, 24, 2.0, 25, 0.16, 2.0, 2, 40, 0, 60, 1.0, 0, 1.5, 8.0, -15, 0,
                0, 1.3, 0.08, BUILTIN_MASK);
    }

    /** Whether a learned band mask is combined with the analytic gain. */
    public boolean usesMask() {
        return !NO_MASK.equals(maskModel);
    }

    /** The network {@link #maskModel} names: the built-in one or a file written by {@code ncw train-mask}. */
    public MaskNetwork maskNetwork() throws java.io.IOException {
        return BUILTIN_MASK.equals(maskModel) ? MaskNetwork.builtin() : MaskNetwork.read(java.nio.file.Path.of(maskModel));
    }

    public BlindDenoiserOptions withMaskModel(String v) {
        return new BlindDenoiserOptions(frameSeconds, hopFraction, clusterBands, absenceThreshold, absenceSmoothHz,
                absenceSmoothSeconds, trackingSeconds, trackingIterations, snrSmoothHz, snrSmoothSeconds,
                presenceSmoothHz, presenceSmoothFraction, presenceSmoothSeconds, presenceThreshold, presenceSlope,
                gainFloorDb, lowCutHz, transientThreshold, transientSpikeRatio, sppTrackingSeconds, v);
    }

    /** FFT size at a sample rate: the power of two nearest to frameSeconds * rate. */
    public int nFft(int sampleRate) {
        double target = frameSeconds * sampleRate;
        int p = Integer.highestOneBit((int) Math.max(2, Math.round(target)));
        return (target / p > (2.0 * p) / target) ? 2 * p : p;
    }

    public int hop(int sampleRate) {
        return Math.max(1, (int) Math.round(nFft(sampleRate) * hopFraction));
    }

    /** An odd count nearest to {@code width / step} (at least 1): a symmetric smoothing window. */
    static int oddCount(double width, double step) {
        return Math.max(1, 2 * (int) Math.floor(width / step / 2) + 1);
    }

    public BlindDenoiserOptions withFrameSeconds(double v) {
        return new BlindDenoiserOptions(v, hopFraction, clusterBands, absenceThreshold, absenceSmoothHz,
                absenceSmoothSeconds, trackingSeconds, trackingIterations, snrSmoothHz, snrSmoothSeconds,
                presenceSmoothHz, presenceSmoothFraction, presenceSmoothSeconds, presenceThreshold, presenceSlope,
                gainFloorDb, lowCutHz, transientThreshold, transientSpikeRatio, sppTrackingSeconds, maskModel);
    }

    public BlindDenoiserOptions withTrackingIterations(int v) {
        return new BlindDenoiserOptions(frameSeconds, hopFraction, clusterBands, absenceThreshold, absenceSmoothHz,
                absenceSmoothSeconds, trackingSeconds, v, snrSmoothHz, snrSmoothSeconds, presenceSmoothHz,
                presenceSmoothFraction, presenceSmoothSeconds, presenceThreshold, presenceSlope, gainFloorDb,
                lowCutHz, transientThreshold, transientSpikeRatio, sppTrackingSeconds, maskModel);
    }

    public BlindDenoiserOptions withGainFloorDb(double v) {
        return new BlindDenoiserOptions(frameSeconds, hopFraction, clusterBands, absenceThreshold, absenceSmoothHz,
                absenceSmoothSeconds, trackingSeconds, trackingIterations, snrSmoothHz, snrSmoothSeconds,
                presenceSmoothHz, presenceSmoothFraction, presenceSmoothSeconds, presenceThreshold, presenceSlope, v,
                lowCutHz, transientThreshold, transientSpikeRatio, sppTrackingSeconds, maskModel);
    }

    public BlindDenoiserOptions withLowCutHz(double v) {
        return new BlindDenoiserOptions(frameSeconds, hopFraction, clusterBands, absenceThreshold, absenceSmoothHz,
                absenceSmoothSeconds, trackingSeconds, trackingIterations, snrSmoothHz, snrSmoothSeconds,
                presenceSmoothHz, presenceSmoothFraction, presenceSmoothSeconds, presenceThreshold, presenceSlope,
                gainFloorDb, v, transientThreshold, transientSpikeRatio, sppTrackingSeconds, maskModel);
    }

    public BlindDenoiserOptions withPresenceThreshold(double v) {
        return new BlindDenoiserOptions(frameSeconds, hopFraction, clusterBands, absenceThreshold, absenceSmoothHz,
                absenceSmoothSeconds, trackingSeconds, trackingIterations, snrSmoothHz, snrSmoothSeconds,
                presenceSmoothHz, presenceSmoothFraction, presenceSmoothSeconds, v, presenceSlope, gainFloorDb,
                lowCutHz, transientThreshold, transientSpikeRatio, sppTrackingSeconds, maskModel);
    }

    public BlindDenoiserOptions withSppTrackingSeconds(double v) {
        return new BlindDenoiserOptions(frameSeconds, hopFraction, clusterBands, absenceThreshold, absenceSmoothHz,
                absenceSmoothSeconds, trackingSeconds, trackingIterations, snrSmoothHz, snrSmoothSeconds,
                presenceSmoothHz, presenceSmoothFraction, presenceSmoothSeconds, presenceThreshold, presenceSlope,
                gainFloorDb, lowCutHz, transientThreshold, transientSpikeRatio, v, maskModel);
    }

    public BlindDenoiserOptions withTransientThreshold(double v) {
        return new BlindDenoiserOptions(frameSeconds, hopFraction, clusterBands, absenceThreshold, absenceSmoothHz,
                absenceSmoothSeconds, trackingSeconds, trackingIterations, snrSmoothHz, snrSmoothSeconds,
                presenceSmoothHz, presenceSmoothFraction, presenceSmoothSeconds, presenceThreshold, presenceSlope,
                gainFloorDb, lowCutHz, v, transientSpikeRatio, sppTrackingSeconds, maskModel);
    }
}
