package org.ncw.engine.denoise;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dsp.TfMatrix;
import org.ncw.engine.dsp.ComplexSpectrogram;
import org.ncw.engine.dsp.Stft;
import org.ncw.engine.dsp.StftOptions;

/**
 * Blind single-channel speech denoiser: needs neither the clean reference nor a hand-given noise profile, and
 * has no trained model.
 * <ol>
 *   <li>Short broadband noise transients (clatter, knocks) are cut down to their surroundings first
 *       ({@link TransientSuppressor}, 32 ms frames): long frames would smear them over speech.</li>
 *   <li>STFT (128 ms Hann frames, 75 % overlap at the defaults).</li>
 *   <li>Noise-only frames by clustering band energies ({@link NoiseFrameClustering}); their mean spectrum is
 *       the first noise estimate.</li>
 *   <li>Noise tracking: cells whose locally averaged SNR stays under a threshold are noise-only; each bin's noise
 *       power is the mean of its noise-only cells over a sliding window (seconds), re-estimated against the refined
 *       spectrum. Follows slow changes of the noise level and colour.</li>
 *   <li>At the defaults the tracked noise is then replaced by a speech-presence-probability MMSE tracker
 *       (Gerkmann &amp; Hendriks 2012, 80 ms time constant) run forward and backward from the clustered spectrum:
 *       it follows noise that changes within a second, which the window mean smears.</li>
 *   <li>Gain: a Wiener gain from an a-priori SNR that is averaged over a small time-frequency neighbourhood
 *       (the averaging suppresses the isolated peaks that make musical noise), blended by a speech-presence
 *       probability with a gain floor where speech is absent. The presence statistic is the SNR averaged over a
 *       band about as wide as the frequency itself (an octave; at least 60 Hz): speech is present or absent in a
 *       whole critical-band region at once, and so wide an average has little variance, so presence can switch
 *       sharply. Below the lowest voice fundamental (60 Hz) the floor gain everywhere.</li>
 *   <li>Inverse STFT to the input length.</li>
 * </ol>
 */
public final class BlindDenoiser {
    private static final double XI_MIN = Math.pow(10, -2.5);

    private BlindDenoiser() {
    }

    /**
     * The denoised signal and what the denoiser estimated.
     *
     * @param enhanced    denoised signal, same length and rate as the input
     * @param gain        the real gain applied to every STFT cell (bins x frames)
     * @param noisePower  the tracked noise power of every cell
     * @param noiseFrames frames the clustering found noise-only
     * @param stft        the STFT parameters used
     * @param transientSeconds seconds of audio the transient suppressor cut down (0 when disabled)
     */
    public record Result(Signal enhanced, TfMatrix gain, TfMatrix noisePower, boolean[] noiseFrames,
                         StftOptions stft, BlindDenoiserOptions options, double transientSeconds) {
        public Result {
            noiseFrames = noiseFrames.clone();
        }

        @Override
        public boolean[] noiseFrames() {
            return noiseFrames.clone();
        }

        /** Share of frames the clustering took as noise-only. */
        public double noiseFrameShare() {
            int n = 0;
            for (boolean b : noiseFrames) {
                n += b ? 1 : 0;
            }
            return noiseFrames.length == 0 ? 0 : (double) n / noiseFrames.length;
        }
    }

    public static Signal apply(Signal noisy) {
        return fit(noisy, BlindDenoiserOptions.defaults(), TaskMonitor.none()).enhanced();
    }

    public static Result fit(Signal noisy, BlindDenoiserOptions options, TaskMonitor monitor) {
        return fit(noisy, options, monitor, null);
    }

    /** What the trainer of the learned mask needs from a run: the inputs of the mask, before it is applied. */
    static final class Analysis {
        double[] power;
        double[] noise;
        double[] gain;
        int bins;
        int frames;
        double binHz;
    }

    /** As {@link #fit(Signal, BlindDenoiserOptions, TaskMonitor)}, filling {@code analysis} when it is not null. */
    static Result fit(Signal noisy, BlindDenoiserOptions options, TaskMonitor monitor, Analysis analysis) {
        Checks.notNull("noisy", noisy);
        Checks.notNull("options", options);
        Checks.notNull("monitor", monitor);
        int rate = noisy.sampleRate();
        int nFft = options.nFft(rate);
        int hop = options.hop(rate);
        StftOptions stftOptions = StftOptions.of(nFft, hop, nFft);
        if (noisy.length() == 0) {
            throw new IllegalArgumentException("cannot denoise an empty signal");
        }
        for (double v : noisy.samples()) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("the signal contains NaN or infinite samples");
            }
        }
        double transientSeconds = 0;
        if (options.transientThreshold() > 0) {
            TransientSuppressor.Result transients = TransientSuppressor.fit(noisy, options.transientThreshold(),
                    options.transientSpikeRatio(), monitor.sub(0, 0.15));
            noisy = transients.output();
            transientSeconds = transients.suppressedSeconds();
        }
        ComplexSpectrogram spec = Stft.forward(noisy, stftOptions, monitor.sub(0.15, 0.25));
        int bins = spec.bins();
        int frames = spec.frames();
        double[] re = spec.re();
        double[] im = spec.im();
        double[] power = new double[re.length];
        double meanPower = 0;
        for (int i = 0; i < power.length; i++) {
            power[i] = re[i] * re[i] + im[i] * im[i];
            meanPower += power[i] / power.length;
        }
        // A floor keeps ratios finite on digital silence; far below any real noise.
        double floor = 1e-10 * meanPower + 1e-30;
        double binHz = (double) rate / nFft;
        double frameSeconds = (double) hop / rate;

        NoiseFrameClustering.Result clusters = NoiseFrameClustering.fit(power, bins, frames, options.clusterBands());
        monitor.step(3, 10);
        // one tracker or the other: both start from the clustered noise spectrum only
        double[] noise = options.sppTrackingSeconds() > 0
                ? sppTrack(power, bins, frames, clusters.noisePsd(), floor,
                        Math.exp(-frameSeconds / options.sppTrackingSeconds()))
                : trackNoise(power, bins, frames, clusters.noisePsd(), floor, options, binHz, frameSeconds,
                        monitor.sub(0.3, 0.6));
        monitor.step(6, 10);
        double[] ratio = new double[power.length];
        for (int i = 0; i < power.length; i++) {
            ratio[i] = power[i] / noise[i];
        }
        double[] snr = BoxFilter.mean(ratio, bins, frames,
                BlindDenoiserOptions.oddCount(options.snrSmoothHz(), binHz),
                BlindDenoiserOptions.oddCount(options.snrSmoothSeconds(), frameSeconds));
        double[] presenceStat = BoxFilter.alongTime(
                BoxFilter.alongFrequencyProportional(ratio, bins, frames, binHz, options.presenceSmoothHz(),
                        options.presenceSmoothFraction()),
                bins, frames, BlindDenoiserOptions.oddCount(options.presenceSmoothSeconds(), frameSeconds));
        double gainFloor = Math.pow(10, options.gainFloorDb() / 20);
        double logThreshold = Math.log(options.presenceThreshold());
        int lowCutBins = (int) Math.ceil(options.lowCutHz() / binHz); // bins k with k * binHz < lowCutHz
        double[] gain = new double[power.length];
        for (int i = 0; i < gain.length; i++) {
            double xi = Math.max(snr[i] - 1, XI_MIN);
            double wiener = xi / (1 + xi);
            double p = presenceStat[i] > 0
                    ? 1 / (1 + Math.exp(-options.presenceSlope() * (Math.log(presenceStat[i]) - logThreshold)))
                    : 0;
            // The floor bounds the gain everywhere, also under a speech-present Wiener gain: residual noise at
            // -15 dB costs less intelligibility than holes in weak speech.
            gain[i] = i % bins < lowCutBins ? gainFloor : Math.max(p * wiener + (1 - p) * gainFloor, gainFloor);
        }
        if (analysis != null) {
            analysis.power = power;
            analysis.noise = noise;
            analysis.gain = gain.clone();
            analysis.bins = bins;
            analysis.frames = frames;
            analysis.binHz = binHz;
        }
        if (options.usesMask()) {
            applyMask(network(options), power, noise, gain, bins, frames, binHz, lowCutBins);
        }
        double[] outRe = new double[re.length];
        double[] outIm = new double[im.length];
        for (int i = 0; i < gain.length; i++) {
            outRe[i] = re[i] * gain[i];
            outIm[i] = im[i] * gain[i];
        }
        monitor.step(7, 10);
        Signal enhanced = Stft.inverse(spec.withValues(outRe, outIm), noisy.length(), monitor.sub(0.7, 1.0));
        monitor.done();
        return new Result(enhanced, new TfMatrix(bins, frames, gain), new TfMatrix(bins, frames, noise),
                clusters.noiseFrames(), stftOptions, options, transientSeconds);
    }

    private static MaskNetwork network(BlindDenoiserOptions options) {
        try {
            MaskNetwork net = options.maskNetwork();
            if (net.context() != BandMask.OFFLINE) {
                throw new org.ncw.engine.core.InvalidParameterException("maskModel " + options.maskModel()
                        + ": a streaming (causal) network; the blind denoiser needs one from `ncw train-mask` without"
                        + " --streaming");
            }
            return net;
        } catch (java.io.IOException e) {
            throw new org.ncw.engine.core.InvalidParameterException("maskModel " + options.maskModel()
                    + ": cannot read the mask network: " + e.getMessage());
        }
    }

    /** Frames predicted per network call: 64 frames x 32 bands, one batch of products. */
    private static final int MASK_BLOCK_FRAMES = 64;

    /**
     * Combines the analytic gain with the learned band mask: per cell mask^w x analytic^(1-w) with the network's
     * weight w, bounded by its floor and 1 (the mask is spread from the bands onto the bins by the band triangles).
     * The two err in different ways — the analytic gain knows the tracked noise, the network the shape of speech
     * over +-3 frames and +-2 bands — and the weighted geometric mean beat either alone on both halves of the corpus
     * (docs/quality.md).
     */
    static void applyMask(MaskNetwork net, double[] power, double[] noise, double[] gain, int bins, int frames,
                          double binHz, int lowCutBins) {
        double w = net.combineWeight();
        double gainFloor = Math.pow(10, net.floorDb() / 20);
        BandMask.Layout layout = BandMask.Layout.of(bins, binHz);
        double[] channels = BandMask.channels(layout, power, noise, gain, frames);
        int d = BandMask.INPUTS;
        double[] x = new double[MASK_BLOCK_FRAMES * BandMask.BANDS * d];
        for (int t0 = 0; t0 < frames; t0 += MASK_BLOCK_FRAMES) {
            int block = Math.min(MASK_BLOCK_FRAMES, frames - t0);
            int n = 0;
            for (int t = t0; t < t0 + block; t++) {
                for (int b = 0; b < BandMask.BANDS; b++) {
                    BandMask.input(channels, frames, t, b, x, n++ * d);
                }
            }
            double[] bandGain = net.predict(x, n);
            for (int t = t0; t < t0 + block; t++) {
                int bandRow = (t - t0) * BandMask.BANDS;
                for (int k = lowCutBins; k < bins; k++) {
                    int i = t * bins + k;
                    double learned = layout.binGain(bandGain, bandRow, k, gain[i]);
                    gain[i] = Math.min(1, Math.max(gainFloor, Math.pow(learned, w) * Math.pow(gain[i], 1 - w)));
                }
            }
        }
    }

    /** Fixed a-priori SNR of speech where it is present: 15 dB (Gerkmann &amp; Hendriks 2012). */
    private static final double XI_H1 = Math.pow(10, 1.5);

    /**
     * MMSE noise tracking with a speech-presence probability (Gerkmann &amp; Hendriks 2012), forward and backward in
     * time from the clustered noise spectrum, and the mean of both passes: each pass lags behind a change of the
     * noise in its own direction, the mean follows it from both sides (offline, so the future is available).
     */
    static double[] sppTrack(double[] power, int bins, int frames, double[] initialPsd, double floor, double a) {
        double[] forward = sppPass(power, bins, frames, initialPsd, floor, a, false);
        double[] backward = sppPass(power, bins, frames, initialPsd, floor, a, true);
        for (int i = 0; i < forward.length; i++) {
            forward[i] = 0.5 * (forward[i] + backward[i]);
        }
        return forward;
    }

    /**
     * One pass: per cell the posterior speech presence P = 1 / (1 + (1 + xi) exp(-gamma xi / (1 + xi))) from the
     * a-posteriori SNR gamma against the previous estimate, the noise periodogram's MMSE estimate
     * (1 - P) |Y|^2 + P N, recursively averaged with factor a; P is capped at 0.99 while its own average stays
     * above 0.99, so a sudden rise of the noise cannot freeze the estimate.
     */
    private static double[] sppPass(double[] power, int bins, int frames, double[] initialPsd, double floor,
                                    double a, boolean backward) {
        double[] out = new double[power.length];
        double[] n = new double[bins];
        double[] pbar = new double[bins];
        for (int k = 0; k < bins; k++) {
            n[k] = Math.max(initialPsd[k], floor);
        }
        double c = XI_H1 / (1 + XI_H1);
        for (int s = 0; s < frames; s++) {
            int row = (backward ? frames - 1 - s : s) * bins;
            for (int k = 0; k < bins; k++) {
                double y = power[row + k];
                double p = 1 / (1 + (1 + XI_H1) * Math.exp(-c * y / n[k]));
                pbar[k] = 0.9 * pbar[k] + 0.1 * p;
                if (pbar[k] > 0.99) {
                    p = Math.min(p, 0.99);
                }
                n[k] = Math.max(a * n[k] + (1 - a) * ((1 - p) * y + p * n[k]), floor);
                out[row + k] = n[k];
            }
        }
        return out;
    }

    /** Noise power per cell: the sliding-window mean of each bin's noise-only cells, refined iteratively. */
    static double[] trackNoise(double[] power, int bins, int frames, double[] initialPsd, double floor,
                               BlindDenoiserOptions o, double binHz, double frameSeconds, TaskMonitor monitor) {
        double[] base = new double[bins];
        for (int k = 0; k < bins; k++) {
            base[k] = Math.max(initialPsd[k], floor);
        }
        double[] noise = new double[power.length];
        for (int t = 0; t < frames; t++) {
            System.arraycopy(base, 0, noise, t * bins, bins);
        }
        int smoothBins = BlindDenoiserOptions.oddCount(o.absenceSmoothHz(), binHz);
        int smoothFrames = BlindDenoiserOptions.oddCount(o.absenceSmoothSeconds(), frameSeconds);
        int window = BlindDenoiserOptions.oddCount(o.trackingSeconds(), frameSeconds);
        double[] ratio = new double[power.length];
        double[] absentPower = new double[power.length];
        double[] absent = new double[power.length];
        for (int it = 0; it < o.trackingIterations(); it++) {
            monitor.step(it, o.trackingIterations());
            for (int i = 0; i < power.length; i++) {
                ratio[i] = power[i] / noise[i];
            }
            double[] local = BoxFilter.mean(ratio, bins, frames, smoothBins, smoothFrames);
            for (int i = 0; i < power.length; i++) {
                boolean isAbsent = local[i] < o.absenceThreshold();
                absent[i] = isAbsent ? 1 : 0;
                absentPower[i] = isAbsent ? power[i] : 0;
            }
            double[] sum = BoxFilter.alongTime(absentPower, bins, frames, window);
            double[] share = BoxFilter.alongTime(absent, bins, frames, window);
            for (int t = 0; t < frames; t++) {
                for (int k = 0; k < bins; k++) {
                    int i = t * bins + k;
                    // Too few noise-only cells nearby: keep the clustered estimate.
                    noise[i] = share[i] > 0.05 ? Math.max(sum[i] / share[i], floor) : base[k];
                }
            }
        }
        return noise;
    }
}
