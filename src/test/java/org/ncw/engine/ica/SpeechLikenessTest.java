package org.ncw.engine.ica;

import org.junit.jupiter.api.Test;
import org.ncw.bench.IcaBench;
import org.ncw.engine.core.Signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpeechLikenessTest {
    private static final int RATE = 16000;

    @Test
    void onOffToneAt5HzHasTheAnalyticModulationDepth() {
        // 1 kHz tone switched on/off at 5 Hz for 2 s: the 10 ms frame level is a square wave between P and
        // P - 80 dB (the floor), 20 frames per period. Its only component in 2-8 Hz is the 5 Hz fundamental, whose
        // discrete Fourier coefficient is 4 / sin(pi / 20) dB, so the band RMS is sqrt(2) * 4 / sin(pi / 20).
        double[] x = new double[2 * RATE];
        for (int t = 0; t < x.length; t++) {
            boolean on = (t / (RATE / 10)) % 2 == 0;
            x[t] = on ? 0.5 * Math.sin(2 * Math.PI * 1000 * t / RATE) : 0;
        }
        double expected = Math.sqrt(2) * 4 / Math.sin(Math.PI / 20);
        assertEquals(expected, SpeechLikeness.syllabicModulationDb(new Signal(x, RATE)), 1e-3);
    }

    @Test
    void modulationOutsideTheSyllableBandDoesNotCount() {
        // 25 Hz on/off: fundamental and harmonics all above 8 Hz
        double[] fast = new double[2 * RATE];
        // a 1 Hz sinusoidal swing of +-20 dB in level: all its modulation energy is below 2 Hz
        double[] slow = new double[2 * RATE];
        for (int t = 0; t < fast.length; t++) {
            double carrier = Math.sin(2 * Math.PI * 1000 * t / RATE);
            fast[t] = (t / (RATE / 50)) % 2 == 0 ? 0.5 * carrier : 0;
            slow[t] = 0.05 * Math.pow(10, Math.sin(2 * Math.PI * t / RATE)) * carrier;
        }
        assertEquals(0, SpeechLikeness.syllabicModulationDb(new Signal(fast, RATE)), 1e-6);
        assertEquals(0, SpeechLikeness.syllabicModulationDb(new Signal(slow, RATE)), 0.05);
    }

    @Test
    void speechLikeSignalScoresFarAboveStationaryNoiseAndIsScaleFree() {
        int n = 5 * RATE;
        Signal speech = new Signal(IcaBench.speechLike(n, RATE, 4), RATE);
        Signal noise = new Signal(IcaBench.gaussianNoise(n, 0.1, 5), RATE);
        double s = SpeechLikeness.syllabicModulationDb(speech);
        double q = SpeechLikeness.syllabicModulationDb(noise);
        assertTrue(s > 10 && q < 2, "speech " + s + " dB, noise " + q + " dB");
        double[] louder = speech.samples().clone();
        for (int i = 0; i < louder.length; i++) {
            louder[i] *= 7;
        }
        assertEquals(s, SpeechLikeness.syllabicModulationDb(speech.withSamples(louder)), 1e-9);
    }

    @Test
    void whiteNoiseHasTheFlatnessOfExponentialPowers() {
        // periodogram powers of white Gaussian noise are exponential: E[ln P] = ln E[P] - gamma, so the flatness
        // is exp(-gamma) = -2.507 dB (Euler's gamma 0.5772156649)
        Signal noise = new Signal(IcaBench.gaussianNoise(20 * RATE, 0.1, 7), RATE);
        assertEquals(10 * Math.log10(Math.exp(-0.5772156649)), SpeechLikeness.spectralFlatnessDb(noise), 0.1);
    }

    @Test
    void harmonicSignalsArePeakyAndTheScoreIsScaleFree() {
        double[] tone = new double[RATE];
        for (int t = 0; t < tone.length; t++) {
            tone[t] = 0.5 * Math.sin(2 * Math.PI * 1000 * t / RATE);
        }
        assertTrue(SpeechLikeness.spectralFlatnessDb(new Signal(tone, RATE)) < -30);
        Signal speech = new Signal(IcaBench.speechLike(3 * RATE, RATE, 4), RATE);
        double s = SpeechLikeness.spectralFlatnessDb(speech);
        assertTrue(s < -20, "speech-like " + s + " dB");
        double[] quiet = speech.samples().clone();
        for (int i = 0; i < quiet.length; i++) {
            quiet[i] *= 1e-3;
        }
        assertEquals(s, SpeechLikeness.spectralFlatnessDb(speech.withSamples(quiet)), 1e-6);
    }

    @Test
    void noiseGatedByTheSpeechPausesFoolsModulationButNotFlatness() {
        // what a binary mask's noise track looks like: noise where the speech is quiet, silence where it is loud
        int n = 5 * RATE;
        double[] speech = IcaBench.speechLike(n, RATE, 4);
        double[] noise = IcaBench.gaussianNoise(n, 0.05, 5);
        double[] gated = new double[n];
        for (int t = 0; t < n; t++) {
            double syllable = Math.pow(Math.max(0, Math.sin(2 * Math.PI * 4 * t / (double) RATE)), 2);
            gated[t] = noise[t] * (syllable < 0.1 ? 1 : 0);
        }
        Signal s = new Signal(speech, RATE);
        Signal g = new Signal(gated, RATE);
        assertTrue(SpeechLikeness.syllabicModulationDb(g) > 10, "gated noise is strongly modulated: "
                + SpeechLikeness.syllabicModulationDb(g) + " dB");
        assertTrue(SpeechLikeness.spectralFlatnessDb(g) > -5 && SpeechLikeness.spectralFlatnessDb(s) < -20,
                "flatness: gated noise " + SpeechLikeness.spectralFlatnessDb(g) + " dB, speech "
                        + SpeechLikeness.spectralFlatnessDb(s) + " dB");
    }

    @Test
    void silenceAndTinySignalsScoreZero() {
        assertEquals(0, SpeechLikeness.spectralFlatnessDb(new Signal(new double[RATE], RATE)));
        assertEquals(0, SpeechLikeness.spectralFlatnessDb(new Signal(new double[100], RATE)));
        assertEquals(0, SpeechLikeness.syllabicModulationDb(new Signal(new double[RATE], RATE)));
        assertEquals(0, SpeechLikeness.syllabicModulationDb(new Signal(new double[100], RATE)));
    }

    @Test
    void referenceCorrelationIsPearsonAndChecksLengths() {
        Signal a = new Signal(new double[] {1, 2, 3, 4}, RATE);
        Signal b = new Signal(new double[] {8, 6, 4, 2}, RATE);
        assertEquals(-1, SpeechLikeness.referenceCorrelation(a, b), 1e-12);
        assertEquals(0, SpeechLikeness.referenceCorrelation(a, new Signal(new double[] {1, 1, 1, 1}, RATE)));
        assertThrows(IllegalArgumentException.class,
                () -> SpeechLikeness.referenceCorrelation(a, new Signal(new double[3], RATE)));
    }
}
