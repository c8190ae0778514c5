package org.ncw.ui.analysis;

import org.ncw.engine.dsp.TfAxes;
import org.ncw.engine.dsp.TfMatrix;

/**
 * A spectrogram as the workbench draws it: dB values on a (bins x frames) grid with its physical axes
 * (uniform: frame centres every hop, bins every sampleRate / nFft).
 */
public record Spectrum(TfMatrix db, TfAxes axes, int sampleRate) {

    public double frameSeconds(int frame) {
        return axes.timeSeconds(frame);
    }

    public double binHz(int bin) {
        return axes.frequencyHz(bin);
    }

    public double secondsPerFrame() {
        return axes.frames() > 1 ? axes.timeSeconds(1) - axes.timeSeconds(0) : 1;
    }

    public double hzPerBin() {
        return axes.bins() > 1 ? axes.frequencyHz(1) - axes.frequencyHz(0) : sampleRate / 2.0;
    }

    public double nyquist() {
        return sampleRate / 2.0;
    }

    /** Nearest frame to a time; may be outside [0, frames). */
    public int frameAt(double seconds) {
        return (int) Math.round((seconds - axes.timeSeconds(0)) / secondsPerFrame());
    }

    /** Nearest bin to a frequency; may be outside [0, bins). */
    public int binAt(double hz) {
        return (int) Math.round(hz / hzPerBin());
    }
}
