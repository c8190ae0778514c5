package org.ncw.engine.ica;

import org.junit.jupiter.api.Test;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlignedPairTest {
    private static Signal tone(double hz, int rate, double seconds) {
        double[] x = new double[(int) Math.round(rate * seconds)];
        for (int t = 0; t < x.length; t++) {
            x[t] = 0.5 * Math.sin(2 * Math.PI * hz * t / rate);
        }
        return new Signal(x, rate);
    }

    @Test
    void resamplesToTheLowestRateAndCutsToTheShortest() {
        Signal a = tone(300, 22050, 1.0);
        Signal b = tone(300, 16000, 1.5);
        AlignedPair p = AlignedPair.align(a, b, null, TaskMonitor.none());
        assertEquals(16000, p.sampleRate());
        assertEquals(16000, p.length());
        assertNull(p.reference());
        assertEquals(List.of("resampled first from 22050 to 16000 Hz", "cut second from 24000 to 16000 samples"),
                p.changes());
        // the resampled 300 Hz tone still lines up with the native one (away from the filter's edge transient)
        double r = SpeechLikeness.referenceCorrelation(
                p.first().withSamples(java.util.Arrays.copyOfRange(p.first().samples(), 1000, 15000)),
                p.second().withSamples(java.util.Arrays.copyOfRange(p.second().samples(), 1000, 15000)));
        assertTrue(r > 0.999, "r = " + r);
    }

    @Test
    void matchingInputsAreLeftAlone() {
        Signal a = tone(300, 8000, 0.5);
        AlignedPair p = AlignedPair.align(a, tone(500, 8000, 0.5), tone(700, 8000, 0.5), TaskMonitor.none());
        assertTrue(p.changes().isEmpty());
        assertEquals(a.samples(), p.first().samples());
    }

    @Test
    void constructorRefusesMismatchedSignals() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new AlignedPair(tone(300, 8000, 0.5), tone(300, 8000, 0.6), null, List.of())).getMessage()
                .contains("use AlignedPair.align"));
    }
}
