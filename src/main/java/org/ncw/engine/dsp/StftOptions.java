package org.ncw.engine.dsp;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;

/**
 * Short-time Fourier transform parameters with librosa's meaning: {@code n_fft} samples per FFT,
 * {@code hop_length} samples between frames, a window of {@code win_length} samples centred in the FFT
 * frame, and with {@code center} the signal padded by n_fft/2 on both sides so frame t is centred at
 * sample t * hop.
 */
public record StftOptions(int nFft, int hopLength, int winLength, WindowType window, boolean center, PadMode padMode) {
    public static final int DEFAULT_N_FFT = 2048;

    public StftOptions {
        Checks.atLeast("nFft", nFft, 2);
        Checks.positive("hopLength", hopLength);
        Checks.positive("winLength", winLength);
        if (winLength > nFft) {
            throw new InvalidParameterException("winLength must be <= nFft (" + nFft + "), got " + winLength);
        }
        Checks.notNull("window", window);
        Checks.notNull("padMode", padMode);
    }

    /** librosa's defaults: n_fft 2048, win_length = n_fft, hop = win/4, periodic Hann, centred, reflect padding. */
    public static StftOptions defaults() {
        return of(DEFAULT_N_FFT, DEFAULT_N_FFT / 4, DEFAULT_N_FFT);
    }

    /** Hann window, centred frames, reflect padding, with the given sizes. */
    public static StftOptions of(int nFft, int hopLength, int winLength) {
        return new StftOptions(nFft, hopLength, winLength, WindowType.HANN, true, PadMode.REFLECT);
    }

    public int bins() {
        return nFft / 2 + 1;
    }

    /** Frames an STFT of a signal of the given length has (librosa's count). */
    public int frameCount(int signalLength) {
        long padded = center ? signalLength + 2L * (nFft / 2) : signalLength;
        if (padded < nFft) {
            throw new InvalidParameterException("signal of " + signalLength + " samples is shorter than nFft = " + nFft
                    + (center ? "" : " (center = false)"));
        }
        return Math.toIntExact(1 + (padded - nFft) / hopLength);
    }

    public StftOptions withNFft(int v) {
        return new StftOptions(v, hopLength, winLength, window, center, padMode);
    }

    public StftOptions withHopLength(int v) {
        return new StftOptions(nFft, v, winLength, window, center, padMode);
    }

    public StftOptions withWinLength(int v) {
        return new StftOptions(nFft, hopLength, v, window, center, padMode);
    }

    public StftOptions withWindow(WindowType v) {
        return new StftOptions(nFft, hopLength, winLength, v, center, padMode);
    }

    public StftOptions withCenter(boolean v) {
        return new StftOptions(nFft, hopLength, winLength, window, v, padMode);
    }

    public StftOptions withPadMode(PadMode v) {
        return new StftOptions(nFft, hopLength, winLength, window, center, v);
    }
}
