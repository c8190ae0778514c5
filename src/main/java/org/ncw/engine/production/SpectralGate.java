package org.ncw.engine.production;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dsp.ComplexSpectrogram;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Spectral gating with a noise profile, after noisereduce. Each STFT bin is compared with a per-frequency noise
 * threshold; bins below it are attenuated. The 0/1 mask is smoothed with triangular kernels over
 * {@code timeSmoothingMs} and {@code freqSmoothingHz} (full widths), then applied as gain
 * {@code 1 - amount * (1 - mask)} and resynthesised.
 *
 * <ul>
 *   <li>{@link Mode#STATIONARY}: the noise profile is the mean and standard deviation, per frequency, of the dB
 *   spectrum over {@code noiseSpan} if given, else over the quietest {@code quietestFraction} of frames (by frame
 *   energy). Threshold = mean + {@code thresholdStd} * std + {@code thresholdDb}.</li>
 *   <li>{@link Mode#NONSTATIONARY}: a running noise floor, per frequency, is the minimum over a centred window of
 *   {@code floorWindowSeconds} of the power smoothed over 5 frames x 3 bins; threshold = floor +
 *   {@code thresholdDb} ({@code thresholdStd} is not used). It follows noise whose level changes over
 *   seconds.</li>
 * </ul>
 */
public record SpectralGate(Mode mode,
                           @JsonInclude(JsonInclude.Include.NON_NULL) TimeSpan noiseSpan,
                           double quietestFraction, double thresholdStd, double thresholdDb, double amount,
                           double timeSmoothingMs, double freqSmoothingHz, double floorWindowSeconds,
                           int nFft, int hop) implements SpectralStage {

    /** How the noise floor is estimated; JSON names {@code stationary}, {@code nonstationary}. */
    public enum Mode {
        STATIONARY, NONSTATIONARY;

        @JsonValue
        public String jsonName() {
            return Stages.jsonName(this);
        }

        @JsonCreator
        public static Mode parse(String name) {
            return Stages.parseJsonName(values(), name.replace("-", ""), "gate mode", name);
        }
    }

    private static final int FLOOR_SMOOTH_FRAMES = 2;
    private static final int FLOOR_SMOOTH_BINS = 1;

    public SpectralGate {
        Checks.notNull("gate mode", mode);
        Checks.inRange("gate quietestFraction", quietestFraction, 0.01, 1);
        Checks.inRange("gate thresholdStd", thresholdStd, 0, 10);
        Checks.inRange("gate thresholdDb", thresholdDb, -30, 60);
        Checks.inRange("gate amount", amount, 0, 1);
        Checks.inRange("gate timeSmoothingMs", timeSmoothingMs, 0, 2000);
        Checks.inRange("gate freqSmoothingHz", freqSmoothingHz, 0, 5000);
        Checks.inRange("gate floorWindowSeconds", floorWindowSeconds, 0.05, 60);
        SpectralFrames.checkFft(nFft, hop);
    }

    /** Stationary gate on the quietest 10% of frames: 1.5 std above the noise mean, full amount, 50 ms x 500 Hz smoothing. */
    public static SpectralGate stationary() {
        return new SpectralGate(Mode.STATIONARY, null, 0.1, 1.5, 0, 1.0, 50, 500, 1.0, 1024, 256);
    }

    /** Non-stationary gate: 9 dB above a 1 s running minimum floor, full amount, 50 ms x 500 Hz smoothing. */
    public static SpectralGate nonStationary() {
        return new SpectralGate(Mode.NONSTATIONARY, null, 0.1, 0, 9, 1.0, 50, 500, 1.0, 1024, 256);
    }

    /** The defaults of a mode. */
    public static SpectralGate defaults(Mode mode) {
        return mode == Mode.STATIONARY ? stationary() : nonStationary();
    }

    @JsonCreator
    static SpectralGate fromJson(@JsonProperty("mode") Mode mode, @JsonProperty("noiseSpan") TimeSpan noiseSpan,
                                 @JsonProperty("quietestFraction") Double quietestFraction,
                                 @JsonProperty("thresholdStd") Double thresholdStd,
                                 @JsonProperty("thresholdDb") Double thresholdDb,
                                 @JsonProperty("amount") Double amount,
                                 @JsonProperty("timeSmoothingMs") Double timeSmoothingMs,
                                 @JsonProperty("freqSmoothingHz") Double freqSmoothingHz,
                                 @JsonProperty("floorWindowSeconds") Double floorWindowSeconds,
                                 @JsonProperty("nFft") Integer nFft, @JsonProperty("hop") Integer hop) {
        SpectralGate d = defaults(Stages.or(mode, Mode.STATIONARY));
        return new SpectralGate(d.mode, noiseSpan, Stages.or(quietestFraction, d.quietestFraction),
                Stages.or(thresholdStd, d.thresholdStd), Stages.or(thresholdDb, d.thresholdDb),
                Stages.or(amount, d.amount), Stages.or(timeSmoothingMs, d.timeSmoothingMs),
                Stages.or(freqSmoothingHz, d.freqSmoothingHz), Stages.or(floorWindowSeconds, d.floorWindowSeconds),
                Stages.or(nFft, d.nFft), Stages.or(hop, d.hop));
    }

    public SpectralGate withMode(Mode v) {
        return new SpectralGate(v, noiseSpan, quietestFraction, thresholdStd, thresholdDb, amount, timeSmoothingMs,
                freqSmoothingHz, floorWindowSeconds, nFft, hop);
    }

    public SpectralGate withNoiseSpan(TimeSpan v) {
        return new SpectralGate(mode, v, quietestFraction, thresholdStd, thresholdDb, amount, timeSmoothingMs,
                freqSmoothingHz, floorWindowSeconds, nFft, hop);
    }

    @Override
    public SpectralGate withAmount(double v) {
        return new SpectralGate(mode, noiseSpan, quietestFraction, thresholdStd, thresholdDb, v, timeSmoothingMs,
                freqSmoothingHz, floorWindowSeconds, nFft, hop);
    }

    /** Both threshold terms at once (std-devs above the noise mean, plus dB). */
    public SpectralGate withThreshold(double std, double db) {
        return new SpectralGate(mode, noiseSpan, quietestFraction, std, db, amount, timeSmoothingMs,
                freqSmoothingHz, floorWindowSeconds, nFft, hop);
    }

    public SpectralGate withSmoothing(double ms, double hz) {
        return new SpectralGate(mode, noiseSpan, quietestFraction, thresholdStd, thresholdDb, amount, ms, hz,
                floorWindowSeconds, nFft, hop);
    }

    public SpectralGate withStft(int newNFft, int newHop) {
        return new SpectralGate(mode, noiseSpan, quietestFraction, thresholdStd, thresholdDb, amount, timeSmoothingMs,
                freqSmoothingHz, floorWindowSeconds, newNFft, newHop);
    }

    @Override
    public Signal apply(Signal input, TaskMonitor monitor) {
        ComplexSpectrogram x = SpectralFrames.analyse(input, nFft, hop, monitor.sub(0, 0.4));
        int bins = x.bins();
        int frames = x.frames();
        double[] db = SpectralFrames.decibels(x);
        double[] threshold = mode == Mode.STATIONARY
                ? stationaryThreshold(x, db)
                : nonStationaryThreshold(x, db);
        monitor.step(1, 2);
        int perFrame = threshold.length == bins ? 0 : bins;
        double[] mask = new double[db.length];
        boolean[] sure = new boolean[db.length];
        for (int t = 0; t < frames; t++) {
            for (int b = 0; b < bins; b++) {
                double excess = db[t * bins + b] - threshold[t * perFrame + b];
                mask[t * bins + b] = excess > 0 ? 1 : 0;
                sure[t * bins + b] = excess > SpectralFrames.SURE_MARGIN_DB;
            }
        }
        mask = SpectralFrames.smoothKeepingSure(mask, sure, bins, frames,
                SpectralFrames.halfWidthFrames(timeSmoothingMs, input.sampleRate(), hop),
                SpectralFrames.halfWidthBins(freqSmoothingHz, input.sampleRate(), nFft));
        return SpectralFrames.applyMask(x, mask, amount, monitor.sub(0.6, 1));
    }

    /** Per-bin threshold (length bins) from the noise frames' dB mean and standard deviation. */
    double[] stationaryThreshold(ComplexSpectrogram x, double[] db) {
        int bins = x.bins();
        int[] noiseFrames = noiseFrames(x);
        double[] threshold = new double[bins];
        for (int b = 0; b < bins; b++) {
            double sum = 0;
            double sumSq = 0;
            for (int t : noiseFrames) {
                double v = db[t * bins + b];
                sum += v;
                sumSq += v * v;
            }
            double mean = sum / noiseFrames.length;
            double std = Math.sqrt(Math.max(0, sumSq / noiseFrames.length - mean * mean));
            threshold[b] = mean + thresholdStd * std + thresholdDb;
        }
        return threshold;
    }

    /** The frames of the noise profile: those centred inside {@code noiseSpan}, else the quietest ones. */
    int[] noiseFrames(ComplexSpectrogram x) {
        int frames = x.frames();
        if (noiseSpan != null) {
            int[] inside = IntStream.range(0, frames)
                    .filter(t -> noiseSpan.contains(x.frameTimeSeconds(t))).toArray();
            if (inside.length == 0) {
                throw new InvalidParameterException("gate noiseSpan " + noiseSpan + " contains no STFT frame of a "
                        + String.format(Locale.ROOT, "%.3f", x.signalLength() / (double) x.sampleRate())
                        + " s signal (frames every " + hop + " samples)");
            }
            return inside;
        }
        double[] energy = new double[frames];
        double[] re = x.re();
        double[] im = x.im();
        int bins = x.bins();
        for (int t = 0; t < frames; t++) {
            double e = 0;
            for (int i = t * bins; i < (t + 1) * bins; i++) {
                e += re[i] * re[i] + im[i] * im[i];
            }
            energy[t] = e;
        }
        int count = Math.max(1, (int) Math.ceil(quietestFraction * frames));
        Integer[] order = new Integer[frames];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(energy[a], energy[b]));
        return Arrays.stream(order, 0, count).mapToInt(Integer::intValue).toArray();
    }

    /** Per-bin, per-frame threshold (frame-major) from the running minimum of the smoothed power. */
    double[] nonStationaryThreshold(ComplexSpectrogram x, double[] db) {
        int bins = x.bins();
        int frames = x.frames();
        double[] power = x.power().values();
        double[] smoothed = SpectralFrames.smooth(power, bins, frames, FLOOR_SMOOTH_FRAMES, FLOOR_SMOOTH_BINS);
        int half = (int) Math.round(floorWindowSeconds * x.sampleRate() / hop / 2);
        double[] floor = SpectralFrames.runningMinimum(smoothed, bins, frames, half);
        double[] threshold = new double[floor.length];
        for (int i = 0; i < floor.length; i++) {
            threshold[i] = 10 * Math.log10(floor[i] + SpectralFrames.EPS * SpectralFrames.EPS) + thresholdDb;
        }
        return threshold;
    }

    @Override
    public String describe(int sampleRate) {
        String profile = mode == Mode.NONSTATIONARY
                ? String.format(Locale.ROOT, "running floor over %.2g s, threshold %+.1f dB", floorWindowSeconds, thresholdDb)
                : (noiseSpan != null ? "noise profile " + noiseSpan : String.format(Locale.ROOT,
                "noise profile from quietest %.0f%% of frames", 100 * quietestFraction))
                + String.format(Locale.ROOT, ", threshold %.2g std %+.1f dB", thresholdStd, thresholdDb);
        return String.format(Locale.ROOT, "%s spectral gate (%s, amount %.2f, smoothing %.0f ms x %.0f Hz, n_fft %d hop %d)",
                mode.jsonName(), profile, amount, timeSmoothingMs, freqSmoothingHz, nFft, hop);
    }
}
