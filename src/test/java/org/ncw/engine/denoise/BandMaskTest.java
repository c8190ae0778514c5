package org.ncw.engine.denoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The learned mask's bands, channels and targets, against values worked out by hand. */
class BandMaskTest {
    private static final int BINS = 1025;
    private static final double BIN_HZ = 16000.0 / 2048;

    @Test
    void constantBandGainsSpreadToTheSameGainOnEveryBinUpTo8kHz() {
        BandMask.Layout layout = BandMask.Layout.of(BINS, BIN_HZ);
        double[] bands = new double[BandMask.BANDS];
        java.util.Arrays.fill(bands, 0.37);
        for (int k = 0; k < BINS; k++) {
            assertEquals(0.37, layout.binGain(bands, 0, k, -1), 1e-12, "bin " + k);
        }
        // at 48 kHz the bins above 8 kHz keep the analytic gain
        BandMask.Layout wide = BandMask.Layout.of(2049, 48000.0 / 4096);
        assertEquals(0.37, wide.binGain(bands, 0, 600, -1), 1e-12, "7.0 kHz");
        assertEquals(-1, wide.binGain(bands, 0, 700, -1), 0, "8.2 kHz is in no band");
    }

    @Test
    void aBandGainPeaksAtItsCentreAndFallsLinearlyToTheNeighbours() {
        BandMask.Layout layout = BandMask.Layout.of(BINS, BIN_HZ);
        double[] one = new double[BandMask.BANDS];
        one[BandMask.BANDS - 1] = 1; // the top band: centre 8000 Hz
        double melTop = 2595 * Math.log10(1 + 8000 / 700.0);
        double lowerCentre = 700 * (Math.pow(10, melTop * (BandMask.BANDS - 2) / (BandMask.BANDS - 1) / 2595) - 1);
        for (int k = 0; k < BINS; k++) {
            double f = k * BIN_HZ;
            double expected = f <= lowerCentre ? 0 : (f - lowerCentre) / (8000 - lowerCentre);
            assertEquals(expected, layout.binGain(one, 0, k, -1), 1e-9, "bin " + k + " at " + f + " Hz");
        }
    }

    @Test
    void channelsDoNotDependOnTheInputLevel() {
        int frames = 12;
        Random r = new Random(3);
        double[] power = new double[BINS * frames];
        double[] noise = new double[BINS * frames];
        double[] gain = new double[BINS * frames];
        for (int i = 0; i < power.length; i++) {
            power[i] = Math.exp(3 * r.nextGaussian());
            noise[i] = Math.exp(r.nextGaussian());
            gain[i] = r.nextDouble();
        }
        double[] a = BandMask.channels(BandMask.Layout.of(BINS, BIN_HZ), power, noise, gain, frames);
        for (int i = 0; i < power.length; i++) {
            power[i] *= 1e-4;
            noise[i] *= 1e-4;
        }
        double[] b = BandMask.channels(BandMask.Layout.of(BINS, BIN_HZ), power, noise, gain, frames);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-9, "channel value " + i);
        }
    }

    @Test
    void flatnessIsZeroForAFlatSpectrumAndLowForHarmonics() {
        int frames = 2;
        double[] power = new double[BINS * frames];
        double[] noise = new double[BINS * frames];
        double[] gain = new double[BINS * frames];
        java.util.Arrays.fill(noise, 1);
        for (int k = 0; k < BINS; k++) {
            power[k] = 4; // frame 0: flat, SNR 4 = 6.02 dB everywhere
            power[BINS + k] = (k % 20 == 0) ? 100 : 1e-3; // frame 1: a comb every 156 Hz
        }
        double[] c = BandMask.channels(BandMask.Layout.of(BINS, BIN_HZ), power, noise, gain, frames);
        int mid = 20; // a band of ~ 2.4 kHz, several harmonics wide
        int flat = mid * BandMask.CHANNELS;
        int comb = (BandMask.BANDS + mid) * BandMask.CHANNELS;
        assertEquals(10 * Math.log10(4) / 10, c[flat], 1e-9, "a-posteriori SNR");
        assertEquals(0, c[flat + 1], 1e-9, "no band stands out of a flat frame");
        assertEquals(0, c[flat + 3], 1e-9, "flat power");
        assertEquals(0, c[flat + 4], 1e-9, "flat power over noise");
        assertTrue(c[comb + 3] < -1.5, "harmonic comb: " + c[comb + 3]);
    }

    @Test
    void theTargetIsTheIdealRatioMask() {
        int frames = 1;
        double[] s = new double[BINS];
        double[] n = new double[BINS];
        java.util.Arrays.fill(s, 3);
        java.util.Arrays.fill(n, 1);
        double[] m = BandMask.idealMask(BandMask.Layout.of(BINS, BIN_HZ), s, n, frames);
        for (double v : m) {
            assertEquals(Math.sqrt(0.75), v, 1e-12);
        }
    }

    @Test
    void theInputHoldsTheContextWindowClampedAtTheEdges() {
        int frames = 4;
        double[] channels = new double[frames * BandMask.BANDS * BandMask.CHANNELS];
        for (int i = 0; i < channels.length; i++) {
            channels[i] = i;
        }
        double[] x = new double[BandMask.INPUTS];
        BandMask.input(channels, frames, 0, 0, x, 0);
        // the first cell of the window is frame -3, band -2: clamped to frame 0, band 0
        assertEquals(0, x[0], 0);
        // the centre cell (frame 0, band 0) sits after 3 frames x 5 bands + 2 bands
        int centre = (3 * 5 + 2) * BandMask.CHANNELS;
        assertEquals(0, x[centre], 0);
        BandMask.input(channels, frames, 2, 10, x, 0);
        assertEquals((2 * BandMask.BANDS + 10) * BandMask.CHANNELS + 4, x[centre + 4], 0);
        assertEquals(10.0 / (BandMask.BANDS - 1), x[BandMask.INPUTS - 2], 1e-12, "band position");
    }
}
