package org.ncw.engine.production;

import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dsp.ComplexSpectrogram;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spectral stages on synthetic noise + tone signals whose noise-only and tone spans are known. */
class SpectralStagesTest {
    private static final int FS = 16000;
    private static final double TONE_HZ = 1000;

    /** 4 s of white noise (std 0.05) with a 1 kHz tone burst (amplitude 0.5) from 1.5 s to 2.5 s. */
    static Signal noiseWithToneBurst(long seed) {
        Random random = new Random(seed);
        double[] x = new double[4 * FS];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.05 * random.nextGaussian();
            if (i >= 1.5 * FS && i < 2.5 * FS) {
                x[i] += 0.5 * Math.sin(2 * Math.PI * TONE_HZ * i / FS);
            }
        }
        return new Signal(x, FS);
    }

    @Test
    void stationaryGateRemovesNoiseAndKeepsTheTone() {
        Signal in = noiseWithToneBurst(1);
        for (SpectralGate gate : new SpectralGate[] {SpectralGate.stationary(),
                SpectralGate.stationary().withNoiseSpan(new TimeSpan(0, 1.2))}) {
            Signal out = gate.apply(in, TaskMonitor.none());
            double noiseReductionDb = energyDb(in, 0.2, 1.2) - energyDb(out, 0.2, 1.2);
            double lateNoiseReductionDb = energyDb(in, 2.8, 3.8) - energyDb(out, 2.8, 3.8);
            assertTrue(noiseReductionDb > 15, gate.describe(FS) + ": noise down by " + noiseReductionDb + " dB");
            assertTrue(lateNoiseReductionDb > 15, "after the burst: " + lateNoiseReductionDb + " dB");
            assertEquals(0, toneLevelDb(out, 1.7, 2.3) - toneLevelDb(in, 1.7, 2.3), 1.0, "tone level change");
        }
    }

    @Test
    void amountScalesTheReductionAndZeroAmountReturnsTheInput() {
        Signal in = noiseWithToneBurst(2);
        Signal none = SpectralGate.stationary().withAmount(0).apply(in, TaskMonitor.none());
        for (int i = 0; i < in.length(); i++) {
            assertEquals(in.samples()[i], none.samples()[i], 1e-9);
        }
        // amount 0.5 leaves half the noise amplitude in gated bins: about -6 dB.
        Signal half = SpectralGate.stationary().withAmount(0.5).apply(in, TaskMonitor.none());
        assertEquals(-6.0, energyDb(half, 0.2, 1.2) - energyDb(in, 0.2, 1.2), 1.0);
    }

    @Test
    void nonStationaryFloorTracksAStepInNoiseLevel() {
        // Noise 20 dB louder after 3 s; 0.3 s tone bursts every second, like syllables over a changing background.
        Random random = new Random(3);
        double[] x = new double[6 * FS];
        for (int i = 0; i < x.length; i++) {
            double inSecond = (i % FS) / (double) FS;
            boolean burst = inSecond >= 0.35 && inSecond < 0.65;
            x[i] = (i < 3 * FS ? 0.01 : 0.1) * random.nextGaussian()
                    + (burst ? 0.3 * Math.sin(2 * Math.PI * TONE_HZ * i / FS) : 0);
        }
        Signal in = new Signal(x, FS);
        SpectralGate gate = SpectralGate.nonStationary();
        ComplexSpectrogram spec = SpectralFrames.analyse(in, gate.nFft(), gate.hop(), TaskMonitor.none());
        double[] threshold = gate.nonStationaryThreshold(spec, SpectralFrames.decibels(spec));
        int frameQuiet = (int) Math.round(1.5 * FS / gate.hop());
        int frameLoud = (int) Math.round(4.5 * FS / gate.hop());
        double step = medianOverBins(threshold, spec, frameLoud) - medianOverBins(threshold, spec, frameQuiet);
        assertEquals(20, step, 2, "the floor follows the 20 dB noise step");

        Signal out = gate.apply(in, TaskMonitor.none());
        Signal stationaryOut = SpectralGate.stationary().apply(in, TaskMonitor.none());
        double quietReduction = energyDb(in, 1.75, 2.25) - energyDb(out, 1.75, 2.25);
        double loudReduction = energyDb(in, 4.75, 5.25) - energyDb(out, 4.75, 5.25);
        assertTrue(quietReduction > 15, "quiet noise down by " + quietReduction + " dB");
        assertTrue(loudReduction > 15, "loud noise down by " + loudReduction + " dB");
        assertTrue(energyDb(in, 4.75, 5.25) - energyDb(stationaryOut, 4.75, 5.25) < 3,
                "a stationary profile from the quietest frames misses the loud noise (so the test discriminates)");
        assertEquals(0, toneLevelDb(out, 1.4, 1.6) - toneLevelDb(in, 1.4, 1.6), 1.0, "tone in the quiet part");
        assertEquals(0, toneLevelDb(out, 4.4, 4.6) - toneLevelDb(in, 4.4, 4.6), 1.0, "tone in the loud part");
    }

    @Test
    void runningMinimumMatchesABruteForceMinimum() {
        Random random = new Random(4);
        int bins = 3;
        int frames = 57;
        double[] v = new double[bins * frames];
        Arrays.setAll(v, i -> random.nextDouble());
        for (int half : new int[] {0, 1, 4, 30, 100}) {
            double[] fast = SpectralFrames.runningMinimum(v, bins, frames, half);
            for (int b = 0; b < bins; b++) {
                for (int t = 0; t < frames; t++) {
                    double m = Double.POSITIVE_INFINITY;
                    for (int u = Math.max(0, t - half); u <= Math.min(frames - 1, t + half); u++) {
                        m = Math.min(m, v[u * bins + b]);
                    }
                    assertEquals(m, fast[t * bins + b], 0, "half " + half + " bin " + b + " frame " + t);
                }
            }
        }
    }

    @Test
    void smoothingKeepsConstantsAndSpreadsAnImpulseAsATriangle() {
        double[] ones = new double[5 * 7];
        Arrays.fill(ones, 1);
        for (double v : SpectralFrames.smooth(ones, 5, 7, 2, 3)) {
            assertEquals(1, v, 1e-12);
        }
        double[] impulse = new double[9];
        impulse[4] = 1;
        double[] s = SpectralFrames.smooth(impulse, 9, 1, 0, 2);
        // Kernel 1/3, 2/3, 1, 2/3, 1/3 normalised by 3.
        assertEquals(1 / 3.0, s[4], 1e-12);
        assertEquals(2 / 9.0, s[3], 1e-12);
        assertEquals(1 / 9.0, s[6], 1e-12);
        assertEquals(0, s[1], 0);
    }

    @Test
    void medianFloorRemovesStationaryNoiseAndKeepsABriefTone() {
        Signal in = noiseWithToneBurst(5);
        for (SpectralMedianFloor.Mode mode : SpectralMedianFloor.Mode.values()) {
            SpectralMedianFloor stage = new SpectralMedianFloor(mode, mode == SpectralMedianFloor.Mode.GATE ? 6 : 3,
                    1, 50, 250, 1024, 256);
            Signal out = stage.apply(in, TaskMonitor.none());
            double reduction = energyDb(in, 0.2, 1.2) - energyDb(out, 0.2, 1.2);
            assertTrue(reduction > 8, mode + ": noise down by " + reduction + " dB");
            assertEquals(0, toneLevelDb(out, 1.7, 2.3) - toneLevelDb(in, 1.7, 2.3), 1.0, mode + " tone");
        }
        double[] magnitudes = {5, 1, 3, 2, 4, 9};
        assertEquals(3.5, SpectralMedianFloor.medianFloor(magnitudes, 1, 6)[0], 0);
    }

    @Test
    void centroidFloorRemovesWeakHissFarFromTheToneAndKeepsTheTone() {
        Random random = new Random(6);
        double[] x = new double[3 * FS];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.5 * Math.sin(2 * Math.PI * TONE_HZ * i / FS) + 0.003 * random.nextGaussian();
        }
        Signal in = new Signal(x, FS);
        SpectralCentroidFloor stage = SpectralCentroidFloor.defaults();
        ComplexSpectrogram spec = SpectralFrames.analyse(in, stage.nFft(), stage.hop(), TaskMonitor.none());
        double[] centroids = SpectralCentroidFloor.centroids(spec, spec.magnitude().values(), 0);
        assertEquals(TONE_HZ, centroids[centroids.length / 2], 300, "the centroid sits near the dominant tone");

        Signal out = stage.apply(in, TaskMonitor.none());
        HighPass above6k = new HighPass(6000, 8, true);
        double hissIn = energyDb(above6k.apply(in, TaskMonitor.none()), 0.5, 2.5);
        double hissOut = energyDb(above6k.apply(out, TaskMonitor.none()), 0.5, 2.5);
        assertTrue(hissIn - hissOut > 20, "hiss above 6 kHz down by " + (hissIn - hissOut) + " dB");
        assertEquals(0, toneLevelDb(out, 0.5, 2.5) - toneLevelDb(in, 0.5, 2.5), 0.5);
    }

    @Test
    void badSpectralOptionsNameTheProblem() {
        assertTrue(assertThrows(InvalidParameterException.class, () -> SpectralGate.stationary().withAmount(1.5))
                .getMessage().contains("gate amount"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> SpectralGate.stationary().withStft(1024, 1000))
                .getMessage().contains("hop must be <= nFft/2"));
        Signal in = noiseWithToneBurst(7);
        assertTrue(assertThrows(InvalidParameterException.class,
                () -> SpectralGate.stationary().withNoiseSpan(new TimeSpan(10, 11)).apply(in, TaskMonitor.none()))
                .getMessage().contains("contains no STFT frame"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> TimeSpan.parse("0.9"))
                .getMessage().contains("START:END"));
        assertEquals(new TimeSpan(0, 0.9), TimeSpan.parse("0:0.9"));
    }

    private static double medianOverBins(double[] threshold, ComplexSpectrogram spec, int frame) {
        int bins = spec.bins();
        double[] values = new double[bins];
        for (int b = 0; b < bins; b++) {
            values[b] = threshold[frame * bins + b];
        }
        Arrays.sort(values);
        return values[bins / 2];
    }

    static double energyDb(Signal s, double fromSeconds, double toSeconds) {
        double e = 0;
        for (int i = (int) (fromSeconds * s.sampleRate()); i < (int) (toSeconds * s.sampleRate()); i++) {
            e += s.samples()[i] * s.samples()[i];
        }
        return 10 * Math.log10(e);
    }

    /** Level of the 1 kHz component over a span: projection onto sine and cosine. */
    static double toneLevelDb(Signal s, double fromSeconds, double toSeconds) {
        double c = 0;
        double q = 0;
        for (int i = (int) (fromSeconds * s.sampleRate()); i < (int) (toSeconds * s.sampleRate()); i++) {
            double phase = 2 * Math.PI * TONE_HZ * i / s.sampleRate();
            c += s.samples()[i] * Math.cos(phase);
            q += s.samples()[i] * Math.sin(phase);
        }
        return 10 * Math.log10(c * c + q * q);
    }
}
