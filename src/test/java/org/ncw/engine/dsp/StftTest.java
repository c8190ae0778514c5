package org.ncw.engine.dsp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ncw.engine.core.CancellationToken;
import org.ncw.engine.core.CancelledException;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.ProgressListener;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dsp.TfMatrix;

import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StftTest {

    static Signal noise(int n, int sampleRate, long seed) {
        return new Signal(new Random(seed).doubles(n, -0.5, 0.5).toArray(), sampleRate);
    }

    @ParameterizedTest(name = "n_fft {0}, hop {1}, win {2}, {3}, center {4}, {5}")
    @CsvSource({
            "2048, 512, 2048, HANN, true, REFLECT",
            "4096, 128, 4096, HANN, true, REFLECT",
            "512, 128, 400, HAMMING, true, CONSTANT",
            "255, 64, 255, HANN, true, EDGE",
            "1024, 256, 1024, BLACKMAN, false, REFLECT",
            "1364, 3600, 1364, HANN, true, REFLECT",
            "256, 300, 200, RECTANGULAR, true, REFLECT",
    })
    void inverseOfForwardReconstructsWhereverAWindowCovers(int nFft, int hop, int win, WindowType window,
                                                           boolean center, PadMode pad) {
        StftOptions o = new StftOptions(nFft, hop, win, window, center, pad);
        Signal x = noise(30011, 16000, nFft + hop);
        ComplexSpectrogram spec = Stft.forward(x, o);
        Signal y = Stft.inverse(spec);
        assertEquals(x.length(), y.length());
        assertEquals(x.sampleRate(), y.sampleRate());

        // Coverage computed independently: a sample is covered if some frame's window is clearly non-zero on it.
        double[] w = window.centredIn(win, nFft);
        boolean[] covered = new boolean[x.length()];
        int origin = center ? -(nFft / 2) : 0;
        for (int t = 0; t < spec.frames(); t++) {
            for (int i = 0; i < nFft; i++) {
                int s = origin + t * hop + i;
                if (s >= 0 && s < covered.length && w[i] > 1e-3) {
                    covered[s] = true;
                }
            }
        }
        double err = 0;
        double ref = 0;
        int coveredCount = 0;
        for (int s = 0; s < covered.length; s++) {
            if (covered[s]) {
                coveredCount++;
                err += sq(y.samples()[s] - x.samples()[s]);
                ref += sq(x.samples()[s]);
            } else if (hop <= win && s > nFft && s < covered.length - nFft) {
                throw new AssertionError("sample " + s + " not covered although hop <= win");
            }
        }
        assertTrue(coveredCount > covered.length / 10, "covered " + coveredCount);
        assertTrue(Math.sqrt(err / ref) < 1e-6, "relative error " + Math.sqrt(err / ref));
        if (hop > win) {
            // Gaps between windows are not in the spectrogram: istft leaves them at exactly zero (as librosa).
            int gaps = 0;
            for (int s = 0; s < covered.length; s++) {
                boolean anyWindow = false;
                for (int t = 0; t < spec.frames(); t++) {
                    int i = s - origin - t * hop;
                    anyWindow |= i >= 0 && i < nFft && w[i] != 0;
                }
                if (!anyWindow) {
                    gaps++;
                    assertEquals(0.0, y.samples()[s], "gap sample " + s);
                }
            }
            assertTrue(gaps > 0, "hop > win must leave gaps");
        }
    }

    @Test
    void sineOnABinCentrePeaksThereWithHannGain() {
        int sr = 16000;
        int nFft = 1024;
        int k0 = 100;
        double amplitude = 0.7;
        double f = k0 * (double) sr / nFft;
        double[] x = new double[sr];
        for (int i = 0; i < x.length; i++) {
            x[i] = amplitude * Math.cos(2 * Math.PI * f * i / sr + 0.3);
        }
        ComplexSpectrogram spec = Stft.forward(new Signal(x, sr), StftOptions.of(nFft, 256, nFft));
        TfMatrix mag = spec.magnitude();
        int frame = spec.frames() / 2;
        int peak = 0;
        for (int k = 1; k < spec.bins(); k++) {
            if (mag.get(k, frame) > mag.get(peak, frame)) {
                peak = k;
            }
        }
        assertEquals(k0, peak);
        assertEquals(f, spec.binFrequencyHz(peak), 1e-9);
        // Periodic Hann sums to N/2; a real cosine puts half its amplitude in the positive bin: A*N/4.
        assertEquals(amplitude * nFft / 4, mag.get(k0, frame), 1e-9);
        // Hann leaks -1/4 of the peak's window gain into each neighbour and nothing further.
        assertEquals(amplitude * nFft / 8, mag.get(k0 + 1, frame), 1e-9);
        assertEquals(amplitude * nFft / 8, mag.get(k0 - 1, frame), 1e-9);
        assertEquals(0.0, mag.get(k0 + 2, frame), 1e-9);
        TfMatrix power = spec.power();
        assertEquals(sq(amplitude * nFft / 4), power.get(k0, frame), 1e-6);
    }

    @Test
    void impulseAtAFrameCentreHasAFlatSpectrum() {
        int nFft = 512;
        int hop = 128;
        double[] x = new double[8192];
        int frame = 20;
        x[frame * hop] = 1.0; // centred frame t covers samples around t * hop
        ComplexSpectrogram spec = Stft.forward(new Signal(x, 8000), StftOptions.of(nFft, hop, nFft));
        for (int k = 0; k < spec.bins(); k++) {
            // Window value 1 at the frame centre; a delay of N/2 samples gives phase (-1)^k.
            assertEquals(k % 2 == 0 ? 1.0 : -1.0, spec.real(k, frame), 1e-12, "re bin " + k);
            assertEquals(0.0, spec.imag(k, frame), 1e-12, "im bin " + k);
        }
    }

    @Test
    void shapesAndAxesFollowLibrosa() {
        // The study's 11.4 s clip at 22050 Hz: 250800 samples.
        Signal clip = new Signal(new double[250800], 22050);
        assertEquals(70, StftOptions.of(1364, 3600, 1364).frameCount(clip.length()));
        assertEquals(1960, StftOptions.of(4096, 128, 4096).frameCount(clip.length()));
        ComplexSpectrogram spec = Stft.forward(noise(22050, 22050, 1), StftOptions.defaults());
        assertEquals(1025, spec.bins());
        assertEquals(1 + 22050 / 512, spec.frames());
        assertEquals(512 * 3 / 22050.0, spec.frameTimeSeconds(3), 1e-12);
        assertEquals(11025.0, spec.binFrequencyHz(1024), 1e-9);
        assertEquals(spec.frames(), spec.frameTimesSeconds().length);
        assertEquals(spec.bins(), spec.binFrequenciesHz().length);
    }

    @Test
    void optionsDefaultsValidationAndJson() {
        StftOptions d = StftOptions.defaults();
        assertEquals(new StftOptions(2048, 512, 2048, WindowType.HANN, true, PadMode.REFLECT), d);
        StftOptions custom = d.withWinLength(1000).withNFft(1364).withHopLength(3600).withWindow(WindowType.HAMMING)
                .withCenter(false).withPadMode(PadMode.CONSTANT);
        assertEquals(custom, Json.read(Json.write(custom), StftOptions.class));
        assertTrue(assertThrows(InvalidParameterException.class, () -> d.withHopLength(0))
                .getMessage().contains("hopLength"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> d.withWinLength(4096))
                .getMessage().contains("winLength must be <= nFft (2048), got 4096"));
        assertTrue(assertThrows(InvalidParameterException.class,
                () -> Json.read("{\"nFft\":0,\"hopLength\":1,\"winLength\":1,\"window\":\"HANN\",\"center\":true,"
                        + "\"padMode\":\"REFLECT\"}", StftOptions.class)).getMessage().contains("nFft"));
        assertThrows(InvalidParameterException.class,
                () -> Stft.forward(new Signal(new double[100], 8000), d.withCenter(false)));
        assertThrows(InvalidParameterException.class, () -> Stft.forward(new Signal(new double[0], 8000), d));
    }

    @Test
    void cancellationStopsTheTransformAndProgressReachesOne() {
        Signal x = noise(100000, 16000, 3);
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThrows(CancelledException.class,
                () -> Stft.forward(x, StftOptions.defaults(), TaskMonitor.of(ProgressListener.NONE, token)));
        AtomicReference<Double> last = new AtomicReference<>(0.0);
        ProgressListener listener = (fraction, stage) -> last.accumulateAndGet(fraction, Math::max);
        Stft.forward(x, StftOptions.defaults(), TaskMonitor.of(listener, new CancellationToken()));
        assertEquals(1.0, last.get(), 1e-12);
    }

    @Test
    void inverseToAnotherLengthCutsOrZeroPads() {
        Signal x = noise(5000, 8000, 4);
        ComplexSpectrogram spec = Stft.forward(x, StftOptions.of(256, 64, 256));
        Signal shorter = Stft.inverse(spec, 1000, TaskMonitor.none());
        assertEquals(1000, shorter.length());
        assertEquals(x.samples()[999], shorter.samples()[999], 1e-9);
        Signal longer = Stft.inverse(spec, 6000, TaskMonitor.none());
        assertEquals(6000, longer.length());
        assertEquals(0.0, longer.samples()[5999]);
        assertNotEquals(0.0, longer.samples()[4999]);
        assertEquals(0, Stft.inverse(spec, 0, TaskMonitor.none()).length());
    }

    @Test
    void paddingMatchesNumpyPadEvenBeyondOneReflection() {
        double[] x = {1, 2, 3, 4};
        // np.pad([1,2,3,4], (7,7), mode='reflect') and mode='edge' with (3,3); np.pad([5], (2,2), 'reflect').
        double[] reflect = {2, 1, 2, 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1, 2, 3, 4, 3};
        for (int i = 0; i < reflect.length; i++) {
            assertEquals(reflect[i], PadMode.REFLECT.sampleAt(x, i - 7), "reflect index " + (i - 7));
        }
        double[] edge = {1, 1, 1, 1, 2, 3, 4, 4, 4, 4};
        for (int i = 0; i < edge.length; i++) {
            assertEquals(edge[i], PadMode.EDGE.sampleAt(x, i - 3), "edge index " + (i - 3));
        }
        assertEquals(5.0, PadMode.REFLECT.sampleAt(new double[] {5}, -2));
        assertEquals(0.0, PadMode.CONSTANT.sampleAt(x, -1));
        // A signal shorter than n_fft/2 still transforms (numpy reflects repeatedly).
        assertEquals(1 + 100 / 16, Stft.forward(new Signal(new double[100], 8000), StftOptions.of(512, 16, 512))
                .frames());
    }

    private static double sq(double v) {
        return v * v;
    }
}
