package org.ncw.engine.denoise;

import org.ncw.engine.core.Checks;

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
 * @param presenceSmoothHz      frequency width of the speech-presence statistic
 * @param presenceSmoothSeconds time width of the speech-presence statistic
 * @param presenceThreshold     averaged SNR ratio at which speech presence is 1/2
 * @param presenceSlope         slope of the logistic presence curve over the log SNR ratio
 * @param gainFloorDb           gain where speech is absent (limits musical noise and speech damage), dB
 * @param lowCutHz              below this frequency every cell gets the floor gain: no voice fundamental lies there,
 *                              but pink, traffic and handling noise put most of their energy there; 0 disables
 * @param burstThreshold        a frame is a noise burst (a clatter, a knock) when the median over 300-7000 Hz of
 *                              its power over the tracked noise exceeds this ratio: a broadband jump that speech,
 *                              with its energy in harmonics and formants, does not make; 0 disables
 * @param burstNoiseFactor      in burst frames each bin's noise is raised to at least this multiple of the median
 *                              power over a 500 Hz neighbourhood, so only peaks standing well above the burst
 *                              (voiced harmonics) keep their gain
 */
public record BlindDenoiserOptions(double frameSeconds, double hopFraction, int clusterBands,
                                   double absenceThreshold, double absenceSmoothHz, double absenceSmoothSeconds,
                                   double trackingSeconds, int trackingIterations,
                                   double snrSmoothHz, double snrSmoothSeconds,
                                   double presenceSmoothHz, double presenceSmoothSeconds,
                                   double presenceThreshold, double presenceSlope, double gainFloorDb,
                                   double lowCutHz, double burstThreshold, double burstNoiseFactor) {

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
        Checks.inRange("presenceSmoothSeconds", presenceSmoothSeconds, 0, 2);
        Checks.inRange("presenceThreshold", presenceThreshold, 1.0, 100.0);
        Checks.inRange("presenceSlope", presenceSlope, 0.1, 100);
        Checks.inRange("gainFloorDb", gainFloorDb, -80, 0);
        Checks.inRange("lowCutHz", lowCutHz, 0, 500);
        Checks.inRange("burstThreshold", burstThreshold, 0, 1000);
        Checks.inRange("burstNoiseFactor", burstNoiseFactor, 0, 100);
    }

    /** The documented defaults (chosen by a sweep over the whole dev set, see docs/quality.md). */
    public static BlindDenoiserOptions defaults() {
        return new BlindDenoiserOptions(0.128, 0.25, 24, 2.0, 25, 0.16, 2.0, 2, 40, 0.1, 130, 0.1, 2.0, 4.0, -20, 60, 6.0, 4.0);
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
                presenceSmoothHz, presenceSmoothSeconds, presenceThreshold, presenceSlope, gainFloorDb, lowCutHz,
                burstThreshold, burstNoiseFactor);
    }

    public BlindDenoiserOptions withTrackingIterations(int v) {
        return new BlindDenoiserOptions(frameSeconds, hopFraction, clusterBands, absenceThreshold, absenceSmoothHz,
                absenceSmoothSeconds, trackingSeconds, v, snrSmoothHz, snrSmoothSeconds,
                presenceSmoothHz, presenceSmoothSeconds, presenceThreshold, presenceSlope, gainFloorDb, lowCutHz,
                burstThreshold, burstNoiseFactor);
    }

    public BlindDenoiserOptions withGainFloorDb(double v) {
        return new BlindDenoiserOptions(frameSeconds, hopFraction, clusterBands, absenceThreshold, absenceSmoothHz,
                absenceSmoothSeconds, trackingSeconds, trackingIterations, snrSmoothHz, snrSmoothSeconds,
                presenceSmoothHz, presenceSmoothSeconds, presenceThreshold, presenceSlope, v, lowCutHz,
                burstThreshold, burstNoiseFactor);
    }

    public BlindDenoiserOptions withLowCutHz(double v) {
        return new BlindDenoiserOptions(frameSeconds, hopFraction, clusterBands, absenceThreshold, absenceSmoothHz,
                absenceSmoothSeconds, trackingSeconds, trackingIterations, snrSmoothHz, snrSmoothSeconds,
                presenceSmoothHz, presenceSmoothSeconds, presenceThreshold, presenceSlope, gainFloorDb, v,
                burstThreshold, burstNoiseFactor);
    }

    public BlindDenoiserOptions withPresenceThreshold(double v) {
        return new BlindDenoiserOptions(frameSeconds, hopFraction, clusterBands, absenceThreshold, absenceSmoothHz,
                absenceSmoothSeconds, trackingSeconds, trackingIterations, snrSmoothHz, snrSmoothSeconds,
                presenceSmoothHz, presenceSmoothSeconds, v, presenceSlope, gainFloorDb, lowCutHz,
                burstThreshold, burstNoiseFactor);
    }
}
