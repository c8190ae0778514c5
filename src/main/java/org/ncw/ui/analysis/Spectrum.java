package org.ncw.ui.analysis;

import org.ncw.engine.dataset.TfMatrix;
import org.ncw.engine.dsp.ComplexSpectrogram;

/**
 * A spectrogram as the workbench draws and clusters it: dB values on a (bins x frames) grid and the engine's
 * complex STFT it came from (for geometry and masking).
 */
public record Spectrum(TfMatrix db, ComplexSpectrogram complex) {

    public int sampleRate() {
        return complex.sampleRate();
    }

    public int nFft() {
        return complex.options().nFft();
    }

    public int hop() {
        return complex.options().hopLength();
    }

    public double frameSeconds(int frame) {
        return complex.frameTimeSeconds(frame);
    }

    public double binHz(int bin) {
        return complex.binFrequencyHz(bin);
    }

    public double nyquist() {
        return sampleRate() / 2.0;
    }

    /** Nearest frame to a time; may be outside [0, frames). */
    public int frameAt(double seconds) {
        return (int) Math.round((seconds - frameSeconds(0)) * sampleRate() / hop());
    }

    public int binAt(double hz) {
        return (int) Math.round(hz * nFft() / sampleRate());
    }
}
