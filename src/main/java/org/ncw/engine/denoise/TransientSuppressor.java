package org.ncw.engine.denoise;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dsp.ComplexSpectrogram;
import org.ncw.engine.dsp.Stft;
import org.ncw.engine.dsp.StftOptions;

import java.util.Arrays;

/**
 * Removes short broadband noise transients (a clatter of dishes, a knock, a click) before the long-frame denoiser
 * runs. In 128 ms frames a 20 ms click is smeared over the whole frame and the noise tracker never averages it in;
 * in 32 ms frames with an 8 ms hop it is a vertical line that can be found and cut down to its surroundings.
 * <ol>
 *   <li>STFT with ~32 ms Hann frames, 75 % overlap; each bin's running median power over +-150 ms is the local
 *       background (a transient is too short to move a median).</li>
 *   <li>A frame is a transient when (a) the median over 300-7000 Hz of power / background exceeds
 *       {@code threshold}, and (b) in every one of four bands (300-1000, 1000-2500, 2500-4500, 4500-7000 Hz, those
 *       below Nyquist) the median of power / max(power 40 ms before, power 40 ms after) exceeds {@code spikeRatio}.
 *       (b) is what keeps speech: a syllable onset rises and stays, a plosive or fricative is not broadband, while
 *       a clatter jumps in every band at once and falls back.</li>
 *   <li>The decaying tail after a transient (up to 200 ms, while the median ratio stays above 2) and 16 ms either
 *       side are included.</li>
 *   <li>In those frames each cell is scaled down to the larger of its background and its level in the frame just
 *       before the event (so a vowel held through a knock keeps its level); every other frame passes unchanged, so
 *       the inverse STFT gives back the input sample for sample elsewhere.</li>
 * </ol>
 */
public final class TransientSuppressor {
    static final double FRAME_SECONDS = 0.032;
    static final double BACKGROUND_HALF_SECONDS = 0.15;
    static final double SPIKE_GAP_SECONDS = 0.04;
    static final double TAIL_SECONDS = 0.2;
    static final double TAIL_RATIO = 2.0;
    static final double MARGIN_SECONDS = 0.016;
    static final double LOW_HZ = 300;
    static final double HIGH_HZ = 7000;
    static final double[] BAND_EDGES_HZ = {300, 1000, 2500, 4500, 7000};

    private TransientSuppressor() {
    }

    /**
     * @param output          the input with its transients cut down (same length and rate)
     * @param transientFrames frames of {@code stft} that were suppressed
     * @param stft            the short STFT used
     */
    public record Result(Signal output, boolean[] transientFrames, StftOptions stft) {
        public Result {
            transientFrames = transientFrames.clone();
        }

        @Override
        public boolean[] transientFrames() {
            return transientFrames.clone();
        }

        public int transientCount() {
            int n = 0;
            for (boolean b : transientFrames) {
                n += b ? 1 : 0;
            }
            return n;
        }

        /** Seconds of audio that were suppressed (transient frames times the hop). */
        public double suppressedSeconds() {
            return (double) transientCount() * stft.hopLength() / output.sampleRate();
        }
    }

    /** The STFT used at a sample rate: the power of two nearest to 32 ms, hop a quarter of it. */
    public static StftOptions stftOptions(int sampleRate) {
        double target = FRAME_SECONDS * sampleRate;
        int p = Integer.highestOneBit((int) Math.max(16, Math.round(target)));
        int n = (target / p > (2.0 * p) / target) ? 2 * p : p;
        return StftOptions.of(n, n / 4, n);
    }

    /**
     * @param threshold  median power over background (300-7000 Hz) a transient frame exceeds; must be &gt; 1
     * @param spikeRatio ratio to the frames 40 ms before and after that a transient exceeds in every band; &gt;= 1
     */
    public static Result fit(Signal in, double threshold, double spikeRatio, TaskMonitor monitor) {
        Checks.notNull("in", in);
        Checks.notNull("monitor", monitor);
        Checks.inRange("transientThreshold", threshold, 1.0, 1000);
        Checks.inRange("transientSpikeRatio", spikeRatio, 1.0, 1000);
        int rate = in.sampleRate();
        StftOptions so = stftOptions(rate);
        ComplexSpectrogram spec = Stft.forward(in, so, monitor.sub(0, 0.2));
        int bins = spec.bins();
        int frames = spec.frames();
        double binHz = (double) rate / so.nFft();
        int hop = so.hopLength();
        double[] re = spec.re().clone();
        double[] im = spec.im().clone();
        double[] power = new double[re.length];
        double mean = 0;
        for (int i = 0; i < power.length; i++) {
            power[i] = re[i] * re[i] + im[i] * im[i];
            mean += power[i] / power.length;
        }
        // Keeps ratios finite on digital silence.
        double floor = 1e-12 * mean + 1e-30;
        for (int i = 0; i < power.length; i++) {
            power[i] += floor;
        }
        int[] bands = bandBins(binHz, bins);
        if (bands.length < 4) { // under ~2 kHz sample rate there is no broadband test to make
            return new Result(in, new boolean[frames], so);
        }
        double[] background = runningMedianAlongTime(power, bins, frames,
                (int) Math.round(BACKGROUND_HALF_SECONDS * rate / hop), monitor.sub(0.2, 0.7));
        int k0 = bands[0];
        int k1 = bands[bands.length - 1];
        int gap = Math.max(1, (int) Math.round(SPIKE_GAP_SECONDS * rate / hop));
        double[] scratch = new double[k1 - k0 + 2];
        // Each frame's median power over background across 300-7000 Hz: the onset test and the tail test both use it.
        double[] level = new double[frames];
        for (int t = 0; t < frames; t++) {
            level[t] = medianRatio(power, background, t * bins, k0, k1, scratch);
        }
        boolean[] onset = new boolean[frames];
        for (int t = 0; t < frames; t++) {
            if (level[t] <= threshold) {
                continue;
            }
            int before = Math.max(0, t - gap) * bins;
            int after = Math.min(frames - 1, t + gap) * bins;
            boolean spike = true;
            for (int b = 0; b + 1 < bands.length && spike; b++) {
                int n = 0;
                for (int k = bands[b]; k <= bands[b + 1]; k++) {
                    scratch[n++] = power[t * bins + k] / Math.max(power[before + k], power[after + k]);
                }
                Arrays.sort(scratch, 0, n);
                spike = scratch[n / 2] > spikeRatio;
            }
            onset[t] = spike;
        }
        monitor.step(8, 10);
        boolean[] flagged = onset.clone();
        int tail = (int) Math.round(TAIL_SECONDS * rate / hop);
        for (int t = 0; t < frames; t++) {
            if (!onset[t]) {
                continue;
            }
            for (int u = t + 1; u < Math.min(frames, t + tail) && !onset[u] && level[u] >= TAIL_RATIO; u++) {
                flagged[u] = true;
            }
        }
        int margin = (int) Math.round(MARGIN_SECONDS * rate / hop);
        boolean[] suppressed = new boolean[frames];
        for (int t = 0; t < frames; t++) {
            if (flagged[t]) {
                for (int u = Math.max(0, t - margin); u <= Math.min(frames - 1, t + margin); u++) {
                    suppressed[u] = true;
                }
            }
        }
        boolean any = false;
        for (int start = 0; start < frames; start++) {
            if (!suppressed[start]) {
                continue;
            }
            any = true;
            int end = start;
            while (end + 1 < frames && suppressed[end + 1]) {
                end++;
            }
            // Speech that goes on through the event is in the frame just before it: keep up to that frame's level
            // (never cutting below the running median). Not the frame after: a stop closure or a pause may follow.
            int before = start > 0 ? (start - 1) * bins : -1;
            for (int t = start; t <= end; t++) {
                for (int k = 0; k < bins; k++) {
                    int i = t * bins + k;
                    double keep = Math.max(background[i], before >= 0 ? power[before + k] : 0);
                    double g = Math.min(1, Math.sqrt(keep / power[i]));
                    re[i] *= g;
                    im[i] *= g;
                }
            }
            start = end;
        }
        if (!any) {
            monitor.done();
            return new Result(in, suppressed, so);
        }
        Signal out = Stft.inverse(spec.withValues(re, im), in.length(), monitor.sub(0.8, 1.0));
        monitor.done();
        return new Result(out, suppressed, so);
    }

    /** Bin indices of the band edges that lie below Nyquist, lowest first (bands include both edge bins). */
    static int[] bandBins(double binHz, int bins) {
        int[] out = new int[BAND_EDGES_HZ.length];
        int n = 0;
        for (double edge : BAND_EDGES_HZ) {
            int k = Math.min(bins - 1, (int) Math.ceil(edge / binHz));
            if (n > 0 && k - out[n - 1] < 4) { // a band needs a few bins for a median
                break;
            }
            out[n++] = k;
        }
        return Arrays.copyOf(out, n);
    }

    private static double medianRatio(double[] power, double[] background, int offset, int k0, int k1,
                                      double[] scratch) {
        int n = 0;
        for (int k = k0; k <= k1; k++) {
            scratch[n++] = power[offset + k] / background[offset + k];
        }
        Arrays.sort(scratch, 0, n);
        return scratch[n / 2];
    }

    /**
     * Each bin's median over frames t-half..t+half (clipped at the ends), on a frame-major grid. The window is kept
     * sorted as it slides (binary search, one insert and one removal per step): O(frames * half) per bin instead of
     * a sort per frame.
     */
    static double[] runningMedianAlongTime(double[] v, int bins, int frames, int half, TaskMonitor monitor) {
        double[] out = new double[v.length];
        double[] window = new double[Math.min(frames, 2 * half + 1)];
        for (int k = 0; k < bins; k++) {
            if ((k & 31) == 0) {
                monitor.step(k, bins);
            }
            int n = 0;
            int last = Math.min(frames - 1, half);
            for (int j = 0; j <= last; j++) {
                n = insertSorted(window, n, v[j * bins + k]);
            }
            for (int t = 0; t < frames; t++) {
                out[t * bins + k] = window[n / 2];
                int add = t + half + 1;
                int drop = t - half;
                if (drop >= 0) {
                    n = removeSorted(window, n, v[drop * bins + k]);
                }
                if (add < frames) {
                    n = insertSorted(window, n, v[add * bins + k]);
                }
            }
        }
        return out;
    }

    private static int insertSorted(double[] a, int n, double x) {
        int i = Arrays.binarySearch(a, 0, n, x);
        int at = i >= 0 ? i : -i - 1;
        System.arraycopy(a, at, a, at + 1, n - at);
        a[at] = x;
        return n + 1;
    }

    private static int removeSorted(double[] a, int n, double x) {
        int at = Arrays.binarySearch(a, 0, n, x);
        System.arraycopy(a, at + 1, a, at, n - at - 1);
        return n - 1;
    }
}
