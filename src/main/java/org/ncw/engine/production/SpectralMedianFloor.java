package org.ncw.engine.production;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dsp.ComplexSpectrogram;

import java.util.Arrays;
import java.util.Locale;

/**
 * Noise floor from the per-frequency median magnitude over the whole recording (robust as long as each frequency
 * is free of speech at least half of the time). The floor, raised by {@code thresholdDb}, is either
 * <ul>
 *   <li>{@link Mode#SUBTRACT}: subtracted from the magnitude (spectral subtraction; mask
 *   {@code max(0, 1 - floor / |X|)}), or</li>
 *   <li>{@link Mode#GATE}: a gate (mask 1 above the floor, 0 below).</li>
 * </ul>
 * The mask is smoothed over {@code timeSmoothingMs} x {@code freqSmoothingHz} and applied with {@code amount}.
 */
public record SpectralMedianFloor(Mode mode, double thresholdDb, double amount, double timeSmoothingMs,
                                  double freqSmoothingHz, int nFft, int hop) implements SpectralStage {

    /** JSON names {@code subtract}, {@code gate}. */
    public enum Mode {
        SUBTRACT, GATE;

        @JsonValue
        public String jsonName() {
            return Stages.jsonName(this);
        }

        @JsonCreator
        public static Mode parse(String name) {
            return Stages.parseJsonName(values(), name, "median-floor mode", name);
        }
    }

    public SpectralMedianFloor {
        Checks.notNull("median-floor mode", mode);
        Checks.inRange("median-floor thresholdDb", thresholdDb, -30, 60);
        Checks.inRange("median-floor amount", amount, 0, 1);
        Checks.inRange("median-floor timeSmoothingMs", timeSmoothingMs, 0, 2000);
        Checks.inRange("median-floor freqSmoothingHz", freqSmoothingHz, 0, 5000);
        SpectralFrames.checkFft(nFft, hop);
    }

    /** Subtract the median floor raised by 3 dB, full amount, 50 ms x 250 Hz smoothing, n_fft 1024, hop 256. */
    public static SpectralMedianFloor defaults() {
        return new SpectralMedianFloor(Mode.SUBTRACT, 3, 1.0, 50, 250, 1024, 256);
    }

    @JsonCreator
    static SpectralMedianFloor fromJson(@JsonProperty("mode") Mode mode, @JsonProperty("thresholdDb") Double thresholdDb,
                                        @JsonProperty("amount") Double amount,
                                        @JsonProperty("timeSmoothingMs") Double timeSmoothingMs,
                                        @JsonProperty("freqSmoothingHz") Double freqSmoothingHz,
                                        @JsonProperty("nFft") Integer nFft, @JsonProperty("hop") Integer hop) {
        SpectralMedianFloor d = defaults();
        return new SpectralMedianFloor(Stages.or(mode, d.mode), Stages.or(thresholdDb, d.thresholdDb),
                Stages.or(amount, d.amount), Stages.or(timeSmoothingMs, d.timeSmoothingMs),
                Stages.or(freqSmoothingHz, d.freqSmoothingHz), Stages.or(nFft, d.nFft), Stages.or(hop, d.hop));
    }

    @Override
    public SpectralMedianFloor withAmount(double v) {
        return new SpectralMedianFloor(mode, thresholdDb, v, timeSmoothingMs, freqSmoothingHz, nFft, hop);
    }

    /** Median magnitude of every frequency over all frames. */
    static double[] medianFloor(double[] magnitude, int bins, int frames) {
        double[] floor = new double[bins];
        double[] column = new double[frames];
        for (int b = 0; b < bins; b++) {
            for (int t = 0; t < frames; t++) {
                column[t] = magnitude[t * bins + b];
            }
            Arrays.sort(column);
            floor[b] = frames % 2 == 1 ? column[frames / 2] : (column[frames / 2 - 1] + column[frames / 2]) / 2;
        }
        return floor;
    }

    @Override
    public Signal apply(Signal input, TaskMonitor monitor) {
        ComplexSpectrogram x = SpectralFrames.analyse(input, nFft, hop, monitor.sub(0, 0.4));
        int bins = x.bins();
        int frames = x.frames();
        double[] magnitude = x.magnitude().values();
        double[] floor = medianFloor(magnitude, bins, frames);
        double raise = Math.pow(10, thresholdDb / 20);
        double sureFactor = Math.pow(10, SpectralFrames.SURE_MARGIN_DB / 20);
        double[] mask = new double[magnitude.length];
        boolean[] sure = new boolean[magnitude.length];
        for (int t = 0; t < frames; t++) {
            for (int b = 0; b < bins; b++) {
                int i = t * bins + b;
                double level = floor[b] * raise;
                mask[i] = mode == Mode.GATE
                        ? (magnitude[i] > level ? 1 : 0)
                        : Math.max(0, 1 - level / Math.max(magnitude[i], SpectralFrames.EPS));
                sure[i] = magnitude[i] > level * sureFactor;
            }
        }
        monitor.step(1, 2);
        mask = SpectralFrames.smoothKeepingSure(mask, sure, bins, frames,
                SpectralFrames.halfWidthFrames(timeSmoothingMs, input.sampleRate(), hop),
                SpectralFrames.halfWidthBins(freqSmoothingHz, input.sampleRate(), nFft));
        return SpectralFrames.applyMask(x, mask, amount, monitor.sub(0.6, 1));
    }

    @Override
    public String describe(int sampleRate) {
        return String.format(Locale.ROOT, "spectral median floor (%s at median %+.1f dB, amount %.2f, smoothing %.0f ms x %.0f Hz,"
                + " n_fft %d hop %d)", mode.jsonName(), thresholdDb, amount, timeSmoothingMs, freqSmoothingHz, nFft, hop);
    }
}
