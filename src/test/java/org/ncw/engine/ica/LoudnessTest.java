package org.ncw.engine.ica;

import org.junit.jupiter.api.Test;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoudnessTest {
    private static double rmsDb(double[] x) {
        double e = 0;
        for (double v : x) {
            e += v * v;
        }
        return 10 * Math.log10(e / x.length);
    }

    private static double peakDb(double[] x) {
        double p = 0;
        for (double v : x) {
            p = Math.max(p, Math.abs(v));
        }
        return 20 * Math.log10(p);
    }

    @Test
    void sineReachesTheTargetRms() {
        // a sine's crest factor is 3 dB: RMS -20 dBFS puts the peak at -17 dBFS, under the ceiling
        double[] x = new double[8000];
        for (int t = 0; t < x.length; t++) {
            x[t] = 37 * Math.sin(2 * Math.PI * 440 * t / 8000.0);
        }
        Loudness.Normalized out = Loudness.normalize(new Signal(x, 8000), LoudnessOptions.defaults());
        assertEquals(-20, rmsDb(out.signal().samples()), 1e-9);
        assertEquals(-20 + 3.0103, peakDb(out.signal().samples()), 1e-3);
        assertEquals(Math.pow(10, -1) * Math.sqrt(2) / 37, out.gain(), 1e-12);
    }

    @Test
    void spikyOutputIsLimitedByThePeakCeilingWithoutClipping() {
        // one full-scale click in near silence: reaching -20 dBFS RMS would need a peak far above 0 dBFS
        double[] x = new double[10000];
        x[5000] = 250;
        x[10] = -3;
        Loudness.Normalized out = Loudness.normalize(new Signal(x, 8000), LoudnessOptions.defaults());
        double[] y = out.signal().samples();
        assertEquals(-1, peakDb(y), 1e-9);
        assertTrue(rmsDb(y) < -20);
        assertEquals(-3.0 / 250, y[10] / y[5000], 1e-15); // one gain: shape kept
    }

    @Test
    void silenceStaysSilent() {
        Loudness.Normalized out = Loudness.normalize(new Signal(new double[5], 8000), LoudnessOptions.defaults());
        assertArrayEquals(new double[5], out.signal().samples());
        assertEquals(1, out.gain());
    }

    @Test
    void optionsValidateAndRoundTrip() {
        LoudnessOptions o = LoudnessOptions.defaults().withTargetRmsDbfs(-23).withCeilingDbfs(-2);
        assertEquals(o, Json.read(Json.write(o), LoudnessOptions.class));
        assertTrue(assertThrows(InvalidParameterException.class, () -> o.withCeilingDbfs(3)).getMessage()
                .startsWith("ceilingDbfs"));
    }
}
