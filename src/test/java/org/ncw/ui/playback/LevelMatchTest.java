package org.ncw.ui.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.ncw.engine.core.Signal;

class LevelMatchTest {
    private static Signal sine(double amplitude) {
        double[] x = new double[16000];
        for (int i = 0; i < x.length; i++) {
            x[i] = amplitude * Math.sin(2 * Math.PI * 440 * i / 16000.0);
        }
        return new Signal(x, 16000);
    }

    @Test
    void gainBringsTheResultToTheReferenceRms() {
        assertEquals(0.5 / Math.sqrt(2), LevelMatch.rms(sine(0.5)), 1e-4);
        double g = LevelMatch.gain(sine(0.1), sine(0.4));
        assertEquals(4, g, 1e-6);
        assertEquals(LevelMatch.MAX_GAIN, LevelMatch.gain(sine(1e-4), sine(0.4)), 1e-9, "quiet residue capped at +20 dB");
        assertEquals(1, LevelMatch.gain(new Signal(new double[100], 16000), sine(0.4)), "silence untouched");
    }
}
