package org.ncw.engine.production;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dsp.ComplexSpectrogram;

import java.util.Locale;

/**
 * Centroid-relative noise floor, the study's second noise-floor filter. Per frame:
 * <ol>
 *   <li>the spectral centroid {@code c} (magnitude-weighted mean frequency, DC excluded), smoothed over
 *   {@code timeSmoothingMs} so it follows the voice rather than single frames;</li>
 *   <li>the band kept unconditionally is {@code widthOctaves} wide and centred (in octaves) on {@code c}:
 *   {@code [c / 2^(w/2), c * 2^(w/2)]};</li>
 *   <li>the frame's floor is the band's mean power, in dB, minus {@code thresholdDb} (a power mean, so the
 *   strong components of the band set it, not the many weak bins between them);</li>
 *   <li>bins outside the band and below the floor are noise (mask 0); everything else is kept (mask 1).</li>
 * </ol>
 * So strong out-of-band components (a loud fricative above the band) survive while weak hiss and rumble far from
 * where the frame's energy sits are removed. The mask is smoothed over {@code timeSmoothingMs} x
 * {@code freqSmoothingHz} and applied with {@code amount}.
 */
public record SpectralCentroidFloor(double widthOctaves, double thresholdDb, double amount, double timeSmoothingMs,
                                    double freqSmoothingHz, int nFft, int hop) implements SpectralStage {

    public SpectralCentroidFloor {
        Checks.inRange("centroid-floor widthOctaves", widthOctaves, 0.1, 12);
        Checks.inRange("centroid-floor thresholdDb", thresholdDb, 0, 120);
        Checks.inRange("centroid-floor amount", amount, 0, 1);
        Checks.inRange("centroid-floor timeSmoothingMs", timeSmoothingMs, 0, 2000);
        Checks.inRange("centroid-floor freqSmoothingHz", freqSmoothingHz, 0, 5000);
        SpectralFrames.checkFft(nFft, hop);
    }

    /** A 4-octave band around the centroid, floor 20 dB below its mean level, full amount, n_fft 1024, hop 256. */
    public static SpectralCentroidFloor defaults() {
        return new SpectralCentroidFloor(4, 20, 1.0, 50, 250, 1024, 256);
    }

    @JsonCreator
    static SpectralCentroidFloor fromJson(@JsonProperty("widthOctaves") Double widthOctaves,
                                          @JsonProperty("thresholdDb") Double thresholdDb,
                                          @JsonProperty("amount") Double amount,
                                          @JsonProperty("timeSmoothingMs") Double timeSmoothingMs,
                                          @JsonProperty("freqSmoothingHz") Double freqSmoothingHz,
                                          @JsonProperty("nFft") Integer nFft, @JsonProperty("hop") Integer hop) {
        SpectralCentroidFloor d = defaults();
        return new SpectralCentroidFloor(Stages.or(widthOctaves, d.widthOctaves), Stages.or(thresholdDb, d.thresholdDb),
                Stages.or(amount, d.amount), Stages.or(timeSmoothingMs, d.timeSmoothingMs),
                Stages.or(freqSmoothingHz, d.freqSmoothingHz), Stages.or(nFft, d.nFft), Stages.or(hop, d.hop));
    }

    @Override
    public SpectralCentroidFloor withAmount(double v) {
        return new SpectralCentroidFloor(widthOctaves, thresholdDb, v, timeSmoothingMs, freqSmoothingHz, nFft, hop);
    }

    /** Spectral centroid in Hz of every frame (DC excluded), then smoothed in time with a triangular kernel. */
    static double[] centroids(ComplexSpectrogram x, double[] magnitude, int timeHalf) {
        int bins = x.bins();
        int frames = x.frames();
        double binHz = x.binFrequencyHz(1);
        double[] c = new double[frames];
        for (int t = 0; t < frames; t++) {
            double weighted = 0;
            double total = 0;
            for (int b = 1; b < bins; b++) {
                double m = magnitude[t * bins + b];
                weighted += b * binHz * m;
                total += m;
            }
            c[t] = total > 0 ? weighted / total : x.sampleRate() / 4.0;
        }
        return SpectralFrames.smooth(c, 1, frames, timeHalf, 0);
    }

    @Override
    public Signal apply(Signal input, TaskMonitor monitor) {
        ComplexSpectrogram x = SpectralFrames.analyse(input, nFft, hop, monitor.sub(0, 0.4));
        int bins = x.bins();
        int frames = x.frames();
        double[] magnitude = x.magnitude().values();
        double[] db = SpectralFrames.decibels(x);
        int timeHalf = SpectralFrames.halfWidthFrames(timeSmoothingMs, input.sampleRate(), hop);
        double[] centroid = centroids(x, magnitude, timeHalf);
        double halfWidth = Math.pow(2, widthOctaves / 2);
        double binHz = x.binFrequencyHz(1);
        double[] mask = new double[db.length];
        boolean[] sure = new boolean[db.length];
        for (int t = 0; t < frames; t++) {
            int lo = Math.max(1, (int) Math.ceil(centroid[t] / halfWidth / binHz));
            int hi = Math.min(bins - 1, (int) Math.floor(centroid[t] * halfWidth / binHz));
            double bandPower = 0;
            for (int b = lo; b <= hi; b++) {
                double m = magnitude[t * bins + b];
                bandPower += m * m;
            }
            double floor = hi >= lo
                    ? 10 * Math.log10(bandPower / (hi - lo + 1) + SpectralFrames.EPS * SpectralFrames.EPS) - thresholdDb
                    : Double.NEGATIVE_INFINITY;
            for (int b = 0; b < bins; b++) {
                boolean inBand = b >= lo && b <= hi;
                mask[t * bins + b] = inBand || db[t * bins + b] >= floor ? 1 : 0;
                sure[t * bins + b] = db[t * bins + b] >= floor + SpectralFrames.SURE_MARGIN_DB;
            }
        }
        monitor.step(1, 2);
        mask = SpectralFrames.smoothKeepingSure(mask, sure, bins, frames, timeHalf,
                SpectralFrames.halfWidthBins(freqSmoothingHz, input.sampleRate(), nFft));
        return SpectralFrames.applyMask(x, mask, amount, monitor.sub(0.6, 1));
    }

    @Override
    public String describe(int sampleRate) {
        return String.format(Locale.ROOT, "spectral centroid floor (%.1f octaves around the centroid, floor %.0f dB below,"
                + " amount %.2f, smoothing %.0f ms x %.0f Hz, n_fft %d hop %d)", widthOctaves, thresholdDb, amount,
                timeSmoothingMs, freqSmoothingHz, nFft, hop);
    }
}
