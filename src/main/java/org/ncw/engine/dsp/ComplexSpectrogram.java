package org.ncw.engine.dsp;

import org.ncw.engine.core.Checks;
import org.ncw.engine.dsp.DbScale;
import org.ncw.engine.dsp.Intensity;
import org.ncw.engine.dsp.SpectrogramMatrix;
import org.ncw.engine.dsp.TfAxes;
import org.ncw.engine.dsp.TfMatrix;

import java.util.Objects;

/**
 * The complex STFT of a signal: {@code bins = nFft/2 + 1} rows by {@code frames} columns, stored frame-major
 * ({@code re[frame * bins + bin]}) like {@link TfMatrix}. Keeps the sample rate, the options that made it and
 * the original signal length, so the inverse and the physical axes need nothing else.
 * The arrays are owned by the record; do not mutate them after construction.
 */
public record ComplexSpectrogram(int bins, int frames, double[] re, double[] im, int sampleRate,
                                 StftOptions options, int signalLength) {
    public ComplexSpectrogram {
        Checks.notNull("options", options);
        Checks.positive("sampleRate", sampleRate);
        Checks.atLeast("signalLength", signalLength, 0);
        if (bins != options.bins()) {
            throw new IllegalArgumentException("bins must be nFft/2 + 1 = " + options.bins() + ", got " + bins);
        }
        Checks.positive("frames", frames);
        Objects.requireNonNull(re, "re");
        Objects.requireNonNull(im, "im");
        long size = (long) bins * frames;
        if (re.length != size || im.length != size) {
            throw new IllegalArgumentException("re/im must have bins*frames = " + size + " entries, got "
                    + re.length + "/" + im.length);
        }
    }

    public double real(int bin, int frame) {
        return re[frame * bins + bin];
    }

    public double imag(int bin, int frame) {
        return im[frame * bins + bin];
    }

    /** |X|, bins x frames. */
    public TfMatrix magnitude() {
        double[] v = new double[re.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.sqrt(re[i] * re[i] + im[i] * im[i]);
        }
        return new TfMatrix(bins, frames, v);
    }

    /** |X|^2, bins x frames. */
    public TfMatrix power() {
        double[] v = new double[re.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = re[i] * re[i] + im[i] * im[i];
        }
        return new TfMatrix(bins, frames, v);
    }

    /** Centre of frame t in seconds (librosa's {@code frames_to_time}; with center=false, the frame's middle). */
    public double frameTimeSeconds(int frame) {
        return frameTimeSeconds(frame, options, sampleRate);
    }

    static double frameTimeSeconds(int frame, StftOptions options, int sampleRate) {
        double offset = options.center() ? 0 : options.nFft() / 2.0;
        return (frame * (double) options.hopLength() + offset) / sampleRate;
    }

    /** Frequency of bin k in Hz (librosa's {@code fft_frequencies}). */
    public double binFrequencyHz(int bin) {
        return bin * (double) sampleRate / options.nFft();
    }

    public double[] frameTimesSeconds() {
        double[] t = new double[frames];
        for (int f = 0; f < frames; f++) {
            t[f] = frameTimeSeconds(f);
        }
        return t;
    }

    public double[] binFrequenciesHz() {
        double[] hz = new double[bins];
        for (int k = 0; k < bins; k++) {
            hz[k] = binFrequencyHz(k);
        }
        return hz;
    }

    /** Frame centre times and bin frequencies. */
    public TfAxes axes() {
        return new TfAxes(frameTimesSeconds(), binFrequenciesHz());
    }

    /**
     * A real view with axes: magnitude, power, or dB of the magnitude ({@code librosa.amplitude_to_db}); dbScale is
     * only used for {@link Intensity#DB}.
     */
    public SpectrogramMatrix toMatrix(Intensity intensity, DbScale dbScale) {
        TfMatrix values = switch (intensity) {
            case MAGNITUDE -> magnitude();
            case POWER -> power();
            case DB -> dbScale.amplitudeToDb(magnitude());
        };
        return new SpectrogramMatrix(values, axes(), intensity);
    }

    /** The same spectrogram with new coefficients (e.g. a masked copy). */
    public ComplexSpectrogram withValues(double[] newRe, double[] newIm) {
        return new ComplexSpectrogram(bins, frames, newRe, newIm, sampleRate, options, signalLength);
    }
}
