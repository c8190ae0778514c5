package org.ncw.engine.denoise;

import org.junit.jupiter.api.Test;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransientSuppressorTest {
    private static final int FS = SyntheticNoisy.FS;
    private static final int N = 4 * FS;
    /** Clicks: 10 ms of loud white noise at these times (s), each with a 30 ms exponential decay. */
    private static final double[] CLICKS = {0.7, 1.55, 2.3, 3.35};

    private static double[] clicks(long seed) {
        Random r = new Random(seed);
        double[] x = new double[N];
        for (double at : CLICKS) {
            int start = (int) (at * FS);
            for (int i = 0; i < FS / 10; i++) {
                double envelope = i < FS / 100 ? 1 : Math.exp(-(i - FS / 100) / (0.03 * FS));
                x[start + i] += 2 * envelope * r.nextGaussian();
            }
        }
        return x;
    }

    private static double energy(double[] x, int from, int to) {
        double e = 0;
        for (int i = Math.max(0, from); i < Math.min(x.length, to); i++) {
            e += x[i] * x[i];
        }
        return e;
    }

    @Test
    void clicksInStationaryNoiseAreCutDownToTheBackground() {
        double[] background = SyntheticNoisy.whiteNoise(N, 11);
        double[] click = clicks(12);
        double[] in = new double[N];
        for (int i = 0; i < N; i++) {
            in[i] = 0.05 * background[i] + click[i];
        }
        TransientSuppressor.Result r = TransientSuppressor.fit(new Signal(in, FS), 3, 1.3, TaskMonitor.none());
        double[] out = r.output().samples();
        assertEquals(N, out.length);
        for (double at : CLICKS) {
            int from = (int) (at * FS);
            int to = from + FS / 20;
            double before = energy(in, from, to);
            double after = energy(out, from, to);
            double backgroundOnly = energy(background, from, to) * 0.05 * 0.05;
            assertTrue(10 * Math.log10(before / after) > 15,
                    "click at " + at + " s: " + 10 * Math.log10(before / after) + " dB removed");
            // cut down to about the background, not to silence
            assertTrue(after > 0.1 * backgroundOnly && after < 10 * backgroundOnly,
                    "click at " + at + " s: " + after + " vs background " + backgroundOnly);
        }
        // Frames far from every click pass unchanged, sample for sample (the inverse STFT reconstructs them).
        int hop = r.stft().hopLength();
        boolean[] frames = r.transientFrames();
        int flagged = 0;
        for (int t = 0; t < frames.length; t++) {
            if (frames[t]) {
                flagged++;
                double seconds = (double) t * hop / FS;
                assertTrue(Arrays.stream(CLICKS).anyMatch(c -> seconds > c - 0.05 && seconds < c + 0.3),
                        "frame at " + seconds + " s flagged, no click there");
            }
        }
        assertTrue(flagged >= CLICKS.length * 3, "flagged frames " + flagged);
        int quietFrom = (int) (1.0 * FS);
        int quietTo = (int) (1.4 * FS);
        for (int i = quietFrom; i < quietTo; i++) {
            assertEquals(in[i], out[i], 1e-9, "sample " + i);
        }
    }

    /**
     * A knock inside a short syllable (120 ms, shorter than the running median's window): the knock goes, the vowel
     * keeps its level, which is in the frame before the knock (not in the median, which is the pauses' noise).
     */
    @Test
    void aVowelHeldThroughAKnockKeepsItsLevel() {
        double[] vowel = new double[N];
        double phase = 0;
        int at = 2 * FS;
        for (int i = at - 3 * FS / 50; i < at + 3 * FS / 50; i++) {
            phase += 2 * Math.PI * (130 + 10 * Math.sin(2 * Math.PI * 2 * i / FS)) / FS;
            for (int k = 1; k <= 10; k++) {
                vowel[i] += 0.1 * Math.sin(k * phase) / k;
            }
        }
        double[] noise = SyntheticNoisy.whiteNoise(N, 21);
        double[] knock = SyntheticNoisy.whiteNoise(N, 22);
        double[] in = new double[N];
        int len = FS / 50;
        for (int i = 0; i < N; i++) {
            in[i] = vowel[i] + 0.003 * noise[i] + (i >= at && i < at + len ? 2 * knock[i] : 0);
        }
        TransientSuppressor.Result r = TransientSuppressor.fit(new Signal(in, FS), 3, 1.3, TaskMonitor.none());
        assertTrue(r.transientCount() > 0, "the knock is found");
        double[] out = r.output().samples();
        double kept = energy(out, at, at + len);
        double vowelThere = energy(vowel, at, at + len);
        assertTrue(energy(in, at, at + len) > 50 * vowelThere, "the knock dominates the input");
        assertTrue(kept > 0.5 * vowelThere && kept < 2 * vowelThere,
                "vowel energy under the knock " + vowelThere + ", output " + kept);
    }

    /** Harmonic tone bursts switched on abruptly (syllable-like onsets that rise and stay) are not transients. */
    @Test
    void sustainedOnsetsPassUntouched() {
        double[] bursts = SyntheticNoisy.bursts(N);
        double[] noise = SyntheticNoisy.whiteNoise(N, 3);
        double[] in = new double[N];
        for (int i = 0; i < N; i++) {
            in[i] = bursts[i] + 0.01 * noise[i];
        }
        Signal signal = new Signal(in, FS);
        TransientSuppressor.Result r = TransientSuppressor.fit(signal, 3, 1.3, TaskMonitor.none());
        assertEquals(0, r.transientCount());
        assertSame(signal, r.output());
        assertEquals(0, r.suppressedSeconds());
    }

    @Test
    void silenceAndLowRatesPassUnchanged() {
        Signal silence = new Signal(new double[FS], FS);
        TransientSuppressor.Result r = TransientSuppressor.fit(silence, 3, 1.3, TaskMonitor.none());
        assertEquals(0, r.transientCount());
        assertArrayEquals(silence.samples(), r.output().samples());
        // 8 kHz: three bands below Nyquist still make the broadband test; 2 kHz: too few, the input passes.
        assertEquals(4, TransientSuppressor.bandBins(8000.0 / 256, 129).length);
        Signal low = new Signal(new double[2000], 2000);
        assertSame(low, TransientSuppressor.fit(low, 3, 1.3, TaskMonitor.none()).output());
    }

    @Test
    void clicksAtEightKilohertzAreFoundToo() {
        int fs = 8000;
        double[] in = new double[2 * fs];
        Random r = new Random(5);
        for (int i = 0; i < in.length; i++) {
            in[i] = 0.05 * r.nextGaussian();
        }
        int at = fs;
        for (int i = 0; i < fs / 100; i++) {
            in[at + i] += 2 * r.nextGaussian();
        }
        TransientSuppressor.Result result = TransientSuppressor.fit(new Signal(in, fs), 3, 1.3, TaskMonitor.none());
        assertTrue(result.transientCount() > 0);
        assertTrue(energy(result.output().samples(), at, at + fs / 100) < 0.1 * energy(in, at, at + fs / 100));
    }

    @Test
    void runningMedianEqualsTheSortedWindowMedian() {
        Random r = new Random(9);
        int bins = 3;
        int frames = 40;
        double[] v = new double[bins * frames];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(7); // many ties
        }
        int half = 4;
        double[] fast = TransientSuppressor.runningMedianAlongTime(v, bins, frames, half, TaskMonitor.none());
        for (int k = 0; k < bins; k++) {
            for (int t = 0; t < frames; t++) {
                int a = Math.max(0, t - half);
                int b = Math.min(frames - 1, t + half);
                double[] w = new double[b - a + 1];
                for (int j = a; j <= b; j++) {
                    w[j - a] = v[j * bins + k];
                }
                Arrays.sort(w);
                assertEquals(w[w.length / 2], fast[t * bins + k], "bin " + k + " frame " + t);
            }
        }
    }

    @Test
    void badParametersAreNamed() {
        Signal s = new Signal(new double[FS], FS);
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> TransientSuppressor.fit(s, 0.5, 1.3, TaskMonitor.none()));
        assertTrue(e.getMessage().contains("transientThreshold"), e.getMessage());
        e = assertThrows(InvalidParameterException.class,
                () -> TransientSuppressor.fit(s, 3, 0.9, TaskMonitor.none()));
        assertTrue(e.getMessage().contains("transientSpikeRatio"), e.getMessage());
        assertFalse(BlindDenoiserOptions.defaults().withTransientThreshold(0).transientThreshold() > 0);
        assertThrows(InvalidParameterException.class,
                () -> BlindDenoiserOptions.defaults().withTransientThreshold(0.5));
    }
}
