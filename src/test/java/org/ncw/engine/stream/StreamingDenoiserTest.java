package org.ncw.engine.stream;

import org.junit.jupiter.api.Test;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.metrics.SiSdr;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamingDenoiserTest {
    private static final int RATE = 16000;

    /** Feeds {@code x} in blocks of {@code block} samples and collects the whole output. */
    static double[] run(StreamingDenoiser.Processor p, double[] x, int block) throws IOException {
        double[] y = new double[x.length];
        int[] at = {0};
        SampleSink sink = (s, off, len) -> {
            System.arraycopy(s, off, y, at[0], len);
            at[0] += len;
        };
        for (int i = 0; i < x.length; i += block) {
            p.process(x, i, Math.min(block, x.length - i), sink);
        }
        p.flush(sink);
        assertEquals(x.length, at[0], "output length");
        return y;
    }

    static double[] noise(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.1 * r.nextGaussian();
        }
        return x;
    }

    /** 0.15 s of noise, then harmonic "syllables" (4 per second) in white noise at about 0 dB. */
    static double[] speechLikeInNoise(int n, long seed) {
        double[] x = noise(n, seed);
        double[] s = speechLike(n);
        for (int i = 0; i < n; i++) {
            x[i] += s[i];
        }
        return x;
    }

    static double[] speechLike(int n) {
        double[] s = new double[n];
        int start = (int) (0.15 * RATE);
        for (int i = start; i < n; i++) {
            double t = (double) (i - start) / RATE;
            double env = Math.max(0, Math.sin(2 * Math.PI * 2 * t));
            double f0 = 140 + 20 * Math.sin(2 * Math.PI * 0.7 * t);
            double v = 0;
            for (int k = 1; k <= 12; k++) {
                v += Math.sin(2 * Math.PI * f0 * k * t) / k;
            }
            s[i] = 0.15 * env * v;
        }
        return s;
    }

    @Test
    void anyBlockSizesGiveBitIdenticalOutput() throws IOException {
        double[] x = speechLikeInNoise(2 * RATE + 333, 3);
        StreamingDenoiserOptions o = StreamingDenoiserOptions.defaults();
        double[] reference = run(StreamingDenoiser.open(RATE, o), x, 4096);
        for (int block : new int[] {1, 37, 160}) {
            assertArrayEquals(reference, run(StreamingDenoiser.open(RATE, o), x, block), "blocks of " + block);
        }
        assertArrayEquals(reference, StreamingDenoiser.fit(new Signal(x, RATE), o, TaskMonitor.none()).enhanced()
                .samples(), "fit");
    }

    @Test
    void outputBeforeTheLatencyDoesNotDependOnLaterInput() throws IOException {
        double[] x = speechLikeInNoise(RATE, 4);
        double[] changed = x.clone();
        int s = 9000;
        for (int i = s; i < x.length; i++) {
            changed[i] += 0.5;
        }
        // the default with one hop of look-ahead (40 ms), and without it (32 ms)
        int[] expected = {512, 640};
        for (int ahead = 0; ahead <= 1; ahead++) {
            StreamingDenoiserOptions o = StreamingDenoiserOptions.defaults().withLookaheadHops(ahead);
            double[] a = run(StreamingDenoiser.open(RATE, o), x, 500);
            double[] b = run(StreamingDenoiser.open(RATE, o), changed, 500);
            int latency = StreamingDenoiser.open(RATE, o).latencySamples();
            assertEquals(expected[ahead], latency, "4 + " + ahead + " hops of 8 ms at 16 kHz");
            assertEquals(o.latencySamples(RATE), latency);
            for (int t = 0; t <= s - latency; t++) {
                assertEquals(a[t], b[t], 0.0, "output " + t + " saw input " + s + " with look-ahead " + ahead);
            }
            // the first output the change may reach does change: the latency is not overstated
            int first = s - latency + 1;
            boolean reached = false;
            for (int t = first; t < first + o.hop(RATE); t++) {
                reached |= a[t] != b[t];
            }
            assertTrue(reached, "outputs from " + first + " on see input " + s + " (look-ahead " + ahead + ")");
        }
    }

    @Test
    void outputScalesWithTheInputLevel() throws IOException {
        double[] x = speechLikeInNoise(2 * RATE, 5);
        double[] y = run(StreamingDenoiser.open(RATE, StreamingDenoiserOptions.defaults()), x, 256);
        for (double scale : new double[] {0.001, 37.0}) {
            double[] xs = x.clone();
            for (int i = 0; i < xs.length; i++) {
                xs[i] *= scale;
            }
            double[] ys = run(StreamingDenoiser.open(RATE, StreamingDenoiserOptions.defaults()), xs, 256);
            for (int i = 0; i < y.length; i++) {
                assertEquals(y[i], ys[i] / scale, 1e-9 * (1 + Math.abs(y[i])), "sample " + i + " at scale " + scale);
            }
        }
    }

    /**
     * The low band (under lowCutHz) has its own tracker and gain: a 40 Hz component of the recording itself is
     * kept when it stands well above the noise (high SNR), and steady 40 Hz rumble under the speech is removed.
     * With the old rule (lowBandTrackingSeconds 0) the band always got the floor gain and lost the first.
     */
    @Test
    void lowBandKeepsTheRecordingsOwnLowEndAndRemovesRisingRumble() throws IOException {
        int n = 4 * RATE;
        double[] speech = speechLike(n);
        // low-frequency energy that comes with the speech (as a voice's F0 leaks into the lowest bins)
        double[] low = new double[n];
        int start = (int) (0.15 * RATE);
        for (int i = start; i < n; i++) {
            double t = (double) (i - start) / RATE;
            low[i] = 0.05 * Math.max(0, Math.sin(2 * Math.PI * 2 * t)) * Math.sin(2 * Math.PI * 40 * i / RATE);
        }
        java.util.Random rng = new java.util.Random(3);
        double[] faint = new double[n];
        for (int i = 0; i < n; i++) {
            faint[i] = 1e-4 * rng.nextGaussian();
        }
        // high SNR, the 40 Hz tone belongs to the clean recording
        double[] clean = new double[n];
        double[] noisy = new double[n];
        for (int i = 0; i < n; i++) {
            clean[i] = speech[i] + low[i];
            noisy[i] = clean[i] + faint[i];
        }
        // the low band's own rule, which the learned mask leaves alone
        StreamingDenoiserOptions o = StreamingDenoiserOptions.defaults().withMaskModel(StreamingDenoiserOptions.NO_MASK);
        double kept = SiSdr.compute(clean, fit(noisy, o));
        double floored = SiSdr.compute(clean, fit(noisy, withoutLowBandTracker(o)));
        assertTrue(kept > 20, "a 40 Hz part of the recording at high SNR is kept: SI-SDR " + kept);
        assertTrue(kept > floored + 6, "tracker " + kept + " dB vs floor-only " + floored + " dB");
        // steady 40 Hz rumble from the start and under the speech
        double[] rumbly = new double[n];
        for (int i = 0; i < n; i++) {
            rumbly[i] = speech[i] + faint[i] + 0.2 * Math.sin(2 * Math.PI * 40 * i / RATE);
        }
        double[] y = fit(rumbly, o);
        double lowBefore = bandPower(rumbly, 2 * RATE, n, 40);
        double lowAfter = bandPower(y, 2 * RATE, n, 40);
        assertTrue(lowAfter < lowBefore / 100, "40 Hz rumble " + lowBefore + " -> " + lowAfter);
    }

    private static double[] fit(double[] x, StreamingDenoiserOptions o) {
        return StreamingDenoiser.fit(new Signal(x, RATE), o, TaskMonitor.none()).enhanced().samples();
    }

    private static StreamingDenoiserOptions withoutLowBandTracker(StreamingDenoiserOptions o) {
        return new StreamingDenoiserOptions(o.hopSeconds(), o.analysisSeconds(), o.initSeconds(), o.noiseSeconds(),
                o.minimumSeconds(), o.minimumBias(), o.presenceSmoothHz(), o.presenceSmoothFraction(),
                o.presenceThreshold(), o.presenceSlope(), o.ddAlpha(), o.minPriorSnrDb(), o.wienerExponent(),
                o.gainFloorDb(), o.lowCutHz(), 0, o.maskModel(), o.lookaheadHops());
    }

    /** Power of x's projection on a sinusoid at f Hz over [from, to) (a one-bin DFT, so speech elsewhere is out). */
    private static double bandPower(double[] x, int from, int to, double f) {
        double c = 0;
        double s = 0;
        for (int i = from; i < to; i++) {
            c += x[i] * Math.cos(2 * Math.PI * f * i / RATE);
            s += x[i] * Math.sin(2 * Math.PI * f * i / RATE);
        }
        return (c * c + s * s) / (to - from);
    }

    @Test
    void removesNoiseWhenSpeechStartsAfterOnlyAShortNoiseLead() throws IOException {
        int n = 4 * RATE;
        double[] clean = speechLike(n);
        double[] noisy = speechLikeInNoise(n, 6);
        double[] y = StreamingDenoiser.fit(new Signal(noisy, RATE), StreamingDenoiserOptions.defaults(),
                TaskMonitor.none()).enhanced().samples();
        double before = SiSdr.compute(clean, noisy);
        double after = SiSdr.compute(clean, y);
        assertTrue(after > before + 6, "SI-SDR " + before + " -> " + after);
        // the first speech second alone also gains: the noise estimate is usable from the start
        double[] c1 = Arrays.copyOfRange(clean, RATE / 10, RATE + RATE / 10);
        double gainFirst = SiSdr.compute(c1, Arrays.copyOfRange(y, RATE / 10, RATE + RATE / 10))
                - SiSdr.compute(c1, Arrays.copyOfRange(noisy, RATE / 10, RATE + RATE / 10));
        assertTrue(gainFirst > 4, "first second gains " + gainFirst + " dB");
    }

    @Test
    void silenceGivesSilence() throws IOException {
        double[] y = run(StreamingDenoiser.open(48000, StreamingDenoiserOptions.defaults()), new double[48000], 999);
        for (double v : y) {
            assertEquals(0.0, v, 0.0);
        }
    }

    @Test
    void optionsValidateAndRoundTripThroughJson() {
        StreamingDenoiserOptions o = StreamingDenoiserOptions.defaults().withGainFloorDb(-21);
        assertEquals(o, Json.read(Json.write(o), StreamingDenoiserOptions.class));
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> StreamingDenoiserOptions.defaults().withGainFloorDb(3));
        assertTrue(e.getMessage().startsWith("gainFloorDb"), e.getMessage());
        assertEquals(1920, StreamingDenoiserOptions.defaults().latencySamples(48000), "5 hops of 384 = 2^7 * 3 at 48 kHz");
        assertEquals(1536, StreamingDenoiserOptions.defaults().withLookaheadHops(0).latencySamples(48000));
        assertThrows(InvalidParameterException.class, () -> StreamingDenoiserOptions.defaults().withLookaheadHops(2));
        assertEquals(324, StreamingDenoiserOptions.defaults().hop(44100), "352 = 2^5 * 11 is not 5-smooth, 324 = 4 * 81");
    }

    @Test
    void unitGainReconstructsTheInputExactlyAligned() throws IOException {
        double[] x = noise(RATE + 77, 1);
        StreamingDenoiser.Processor p = StreamingDenoiser.open(RATE, StreamingDenoiserOptions.defaults(),
                n -> (power, share, gain) -> Arrays.fill(gain, 1.0));
        double[] y = run(p, x, 100);
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], y[i], 1e-12, "sample " + i);
        }
    }
}
