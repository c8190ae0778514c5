package org.ncw.engine.dsp;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.dsp.TfAxes;

/**
 * The time-frequency resolution of an STFT grid: FFT size, hop and window length (Hann, centred, reflect padding).
 * The study clusters on the coarse {@link #LOW} grid and masks on the {@link #REGULAR} one.
 */
public record Resolution(int nFft, int hopLength, int winLength) {
    /** The study's low-resolution grid: 683 bins x 70 frames for an 11.4 s clip at 22050 Hz. */
    public static final Resolution LOW = new Resolution(1364, 3600, 1364);
    /** The study's regular grid: 2049 bins x 1960 frames for an 11.4 s clip at 22050 Hz. */
    public static final Resolution REGULAR = new Resolution(4096, 128, 4096);

    public Resolution {
        Checks.atLeast("nFft", nFft, 2);
        Checks.positive("hopLength", hopLength);
        Checks.positive("winLength", winLength);
        if (winLength > nFft) {
            throw new InvalidParameterException("winLength must be <= nFft (" + nFft + "), got " + winLength);
        }
    }

    public StftOptions toStftOptions() {
        return StftOptions.of(nFft, hopLength, winLength);
    }

    public static Resolution of(StftOptions options) {
        return new Resolution(options.nFft(), options.hopLength(), options.winLength());
    }

    /** The axes of this grid for a signal of the given length and sample rate (without computing the STFT). */
    public TfAxes axes(int signalLength, int sampleRate) {
        StftOptions o = toStftOptions();
        int frames = o.frameCount(signalLength);
        return TfAxes.uniform(o.bins(), frames, 0, hopLength / (double) sampleRate, sampleRate / (double) nFft);
    }

    /** "low", "regular" or null for other sizes. */
    public String presetName() {
        return equals(LOW) ? "low" : equals(REGULAR) ? "regular" : null;
    }
}
