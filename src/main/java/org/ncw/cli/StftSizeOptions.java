package org.ncw.cli;

import org.ncw.engine.dsp.StftOptions;
import picocli.CommandLine.Option;

/** Mixin: --n-fft / --hop / --win, completed with librosa's rules (win = n_fft, hop = win / 4). */
public final class StftSizeOptions {
    @Option(names = "--n-fft", paramLabel = "N", description = "FFT size in samples (default 2048).")
    Integer nFft;

    @Option(names = "--hop", paramLabel = "N", description = "Hop between frames in samples (default win / 4).")
    Integer hop;

    @Option(names = "--win", paramLabel = "N", description = "Hann window length in samples (default n_fft).")
    Integer win;

    boolean anyGiven() {
        return nFft != null || hop != null || win != null;
    }

    /** Hann window, centred frames, reflect padding, sizes from the options and librosa's defaults. */
    StftOptions toStftOptions() {
        int n = nFft != null ? nFft : StftOptions.DEFAULT_N_FFT;
        int w = win != null ? win : n;
        int h = hop != null ? hop : Math.max(1, w / 4);
        try {
            return StftOptions.of(n, h, w);
        } catch (org.ncw.engine.core.InvalidParameterException e) {
            throw new org.ncw.engine.core.InvalidParameterException("bad STFT sizes (--n-fft " + n + ", --hop " + h
                    + ", --win " + w + "): " + e.getMessage());
        }
    }
}
