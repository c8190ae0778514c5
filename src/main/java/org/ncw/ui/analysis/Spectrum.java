package org.ncw.ui.analysis;

import org.ncw.engine.dataset.TfMatrix;

/**
 * A spectrogram as the workbench draws and clusters it: dB values on a (bins x frames) grid and the geometry
 * that maps that grid to seconds and hertz. {@code complex} is the engine's complex STFT, kept for masking.
 */
public record Spectrum(TfMatrix db, int sampleRate, int nFft, int hop, Object complex) {

    public double frameSeconds(int frame) {
        return frame * (double) hop / sampleRate;
    }

    public double binHz(int bin) {
        return bin * (double) sampleRate / nFft;
    }

    public double nyquist() {
        return sampleRate / 2.0;
    }

    /** Nearest frame to a time; may be outside [0, frames). */
    public int frameAt(double seconds) {
        return (int) Math.round(seconds * sampleRate / hop);
    }

    public int binAt(double hz) {
        return (int) Math.round(hz * nFft / sampleRate);
    }
}
