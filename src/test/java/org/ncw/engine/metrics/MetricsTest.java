package org.ncw.engine.metrics;

import org.junit.jupiter.api.Test;
import org.ncw.engine.core.Signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Analytic properties of the metrics. */
class MetricsTest {
    private static final int FS = 16000;

    private static double[] tone(int n, double hz) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(2 * Math.PI * hz * i / FS);
        }
        return x;
    }

    @Test
    void siSdrOfReferencePlusOrthogonalComponentIsTheirEnergyRatio() {
        // 440 Hz and 880 Hz tones over whole periods are orthogonal and zero-mean: SI-SDR = 10 log10(1 / 0.1^2).
        double[] ref = tone(16000, 440);
        double[] other = tone(16000, 880);
        double[] est = new double[ref.length];
        for (int i = 0; i < est.length; i++) {
            est[i] = 3.0 * (ref[i] + 0.1 * other[i]) + 0.25; // gain and offset must not matter
        }
        assertEquals(20.0, SiSdr.compute(ref, est), 1e-6);
        assertEquals(Double.POSITIVE_INFINITY, SiSdr.compute(ref, ref.clone()));
    }

    @Test
    void snrCountsGainErrorsButSiSdrDoesNot() {
        double[] ref = tone(8000, 300);
        double[] half = new double[ref.length];
        for (int i = 0; i < ref.length; i++) {
            half[i] = 0.5 * ref[i];
        }
        assertEquals(10 * Math.log10(4), Snr.compute(ref, half), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, SiSdr.compute(ref, half));
    }

    @Test
    void segmentalSnrIsClampedPerFrame() {
        double[] ref = tone(FS, 500);
        assertEquals(SegmentalSnr.MAX_DB, SegmentalSnr.compute(ref, ref.clone(), FS), 1e-12);
        // an all-zero estimate leaves error == reference in every frame: 0 dB each
        assertEquals(0.0, SegmentalSnr.compute(ref, new double[ref.length], FS), 1e-12);
        // a tiny error is clamped at +35 dB, a huge one at -10 dB
        double[] loud = new double[ref.length];
        for (int i = 0; i < ref.length; i++) {
            loud[i] = ref[i] * 1000;
        }
        assertEquals(SegmentalSnr.MIN_DB, SegmentalSnr.compute(ref, loud, FS), 1e-12);
    }

    @Test
    void stoiIsOneForIdenticalSignalsAndDropsWithNoise() {
        double[] clean = MetricsFixtureSignals.voiced(3 * FS, FS);
        assertEquals(1.0, Stoi.compute(clean, clean.clone(), FS), 1e-9);
        double[] noise = MetricsFixtureSignals.lcgNoise(clean.length, 3);
        double[] light = MetricsFixtureSignals.variant("light", clean, noise);
        double[] heavy = MetricsFixtureSignals.variant("noisy", clean, noise);
        double light1 = Stoi.compute(clean, light, FS);
        double heavy1 = Stoi.compute(clean, heavy, FS);
        assertTrue(light1 > heavy1 && heavy1 > 0.5, "light " + light1 + " heavy " + heavy1);
    }

    @Test
    void stoiOfTooShortSpeechIsThePystoiSentinel() {
        double[] shortClip = tone(FS / 4, 440); // 250 ms < one 384 ms segment
        assertEquals(Stoi.TOO_SHORT, Stoi.compute(shortClip, shortClip.clone(), FS));
    }

    @Test
    void thirdOctaveBandsMatchTaalTable() {
        int[][] bands = Stoi.thirdOctaveBands(10000, 512, 15, 150);
        // 150 Hz centre: edges 133.6..168.4 Hz snap to bins 7..9 (19.53 Hz per bin); the last band ends at bin 219 (4.28 kHz).
        assertEquals(7, bands[0][0]);
        assertEquals(9, bands[0][1]);
        assertEquals(219, bands[14][1]);
        for (int k = 1; k < 15; k++) {
            assertEquals(bands[k - 1][1], bands[k][0], "bands tile the spectrum at band " + k);
        }
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SiSdr.compute(new double[0], new double[3]));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        IllegalArgumentException silent = assertThrows(IllegalArgumentException.class,
                () -> SiSdr.compute(new double[100], new double[100]));
        assertTrue(silent.getMessage().contains("silent"), silent.getMessage());
        IllegalArgumentException rates = assertThrows(IllegalArgumentException.class,
                () -> QualityMetrics.score(new Signal(new double[10], 16000), new Signal(new double[10], 8000)));
        assertTrue(rates.getMessage().contains("sample rates differ"), rates.getMessage());
    }

    @Test
    void alignRateResamplesToTheTargetLength() {
        Signal s = new Signal(tone(16000, 200), 16000);
        Signal r = QualityMetrics.alignRate(s, 8000);
        assertEquals(8000, r.length());
        assertEquals(8000, r.sampleRate());
        // a 200 Hz tone survives resampling: SI-SDR against the analytic tone at 8 kHz is high
        double[] expected = new double[8000];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = Math.sin(2 * Math.PI * 200 * i / 8000.0);
        }
        assertTrue(SiSdr.compute(expected, r.samples()) > 40);
    }
}
