package org.ncw.ui.playback;

import org.ncw.engine.core.Signal;

/** Gains that play every result at the loudness (RMS) of the original, so louder never sounds better. */
public final class LevelMatch {
    /** At most +20 dB, so a near-silent residue is not blown up into noise. */
    static final double MAX_GAIN = 10;

    private LevelMatch() {
    }

    public static double rms(Signal s) {
        double sum = 0;
        for (double v : s.samples()) {
            sum += v * v;
        }
        return Math.sqrt(sum / Math.max(1, s.length()));
    }

    /** Gain that brings {@code signal} to the RMS of {@code reference}. */
    public static double gain(Signal signal, Signal reference) {
        double r = rms(signal);
        return r < 1e-12 ? 1 : Math.min(MAX_GAIN, rms(reference) / r);
    }
}
