package org.ncw.engine.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.denoise.BandMask;
import org.ncw.engine.denoise.BlindDenoiser;
import org.ncw.engine.denoise.BlindDenoiserOptions;
import org.ncw.engine.denoise.MaskNetwork;
import org.ncw.engine.denoise.MaskTrainer;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.WriteMode;

/** The streaming denoiser's learned causal mask: its targets, its training, and that it stays causal and exact. */
class StreamingMaskTest {
    private static final int RATE = 16000;
    private static final int N = 2 * RATE;
    private static final StreamingDenoiserOptions ANALYTIC = StreamingDenoiserOptions.defaults()
            .withMaskModel(StreamingDenoiserOptions.NO_MASK);

    @TempDir
    Path dir;

    /** 0.25 s bursts of a 150 Hz harmonic complex after 0.25 s pauses (the first pause is noise only). */
    private static double[] bursts(double level) {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            double t = (double) i / RATE;
            if (t % 0.5 < 0.25) {
                continue;
            }
            for (int k = 1; k <= 12; k++) {
                x[i] += level * Math.sin(2 * Math.PI * 150 * k * t) / k;
            }
        }
        return x;
    }

    private static double[] noise(long seed, double level) {
        Random r = new Random(seed);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = level * r.nextGaussian();
        }
        return x;
    }

    private static MaskTrainer.Pair pair(int i) {
        double[] clean = bursts(0.2 * (1 + 0.2 * i));
        double[] n = noise(100 + i, 0.02 + 0.02 * i);
        double[] x = new double[N];
        for (int t = 0; t < N; t++) {
            x[t] = clean[t] + n[t];
        }
        return new MaskTrainer.Pair("p" + i, new Signal(x, RATE), new Signal(clean, RATE));
    }

    private static final MaskTrainer.Options SMALL = MaskTrainer.Options.defaults().withAugment(1).withEpochs(6)
            .withHidden(16, 8);

    private static double[] denoise(double[] x, StreamingDenoiserOptions o, int block) throws IOException {
        return StreamingDenoiserTest.run(StreamingDenoiser.open(RATE, o), x, block);
    }

    @Test
    void theTargetIsTheIdealMaskInTheDenoisersOwnFramesEverySecondFrame() {
        MaskTrainer.Pair p = pair(0);
        double[] noise = new double[N];
        for (int t = 0; t < N; t++) {
            noise[t] = p.noisy().samples()[t] - p.clean().samples()[t];
        }
        MaskTrainer.Example e = StreamingMaskTrainer.example(
                new MaskTrainer.Remix(p.noisy(), p.clean().samples(), noise), ANALYTIC);
        int hop = ANALYTIC.hop(RATE);
        // a frame per hop (and the flush's few), measured every second one
        assertEquals((N / hop + 3) / BandMask.CAUSAL_STRIDE, e.frames(), 2);
        double on = 0;
        double off = 0;
        int onCells = 0;
        int offCells = 0;
        double onSnr = 0;
        double offSnr = 0;
        for (int f = 0; f < e.frames(); f++) {
            // the frame's 32 ms window ends at sample (f * stride + 1) * hop
            double end = (double) (f * BandMask.CAUSAL_STRIDE + 1) * hop / RATE;
            double phase = end % 0.5;
            boolean speech = phase >= 0.25 + 0.032 && end > 0.5;
            boolean pause = phase < 0.25 && phase >= 0.032;
            if (!speech && !pause) {
                continue;
            }
            for (int b = 4; b < 20; b++) { // 150 Hz .. 2 kHz, where the harmonics are
                double m = e.target()[f * BandMask.BANDS + b];
                assertTrue(m >= 0 && m <= 1);
                double snr = e.channels()[(f * BandMask.BANDS + b) * BandMask.CHANNELS];
                if (speech) {
                    on += m;
                    onSnr += snr;
                    onCells++;
                } else {
                    off += m;
                    offSnr += snr;
                    offCells++;
                }
            }
        }
        assertTrue(on / onCells > 0.6, "mean ideal mask in the bursts " + on / onCells);
        assertTrue(off / offCells < 0.05, "mean ideal mask in the pauses " + off / offCells);
        assertTrue(onSnr / onCells > offSnr / offCells + 1, "the a-posteriori SNR channel (dB / 10) is higher in"
                + " the bursts: " + onSnr / onCells + " vs " + offSnr / offCells);
    }

    @Test
    void aTrainedCausalNetworkLearnsItsExamplesAndKeepsTheStreamExactAndCausal() throws IOException {
        List<MaskTrainer.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pairs.add(pair(i));
        }
        MaskNetwork net = StreamingMaskTrainer.fit(pairs, SMALL, ANALYTIC, TaskMonitor.none());
        assertSame(BandMask.CAUSAL, net.context());
        assertEquals(BandMask.CAUSAL.inputs(), net.sizes()[0]);
        // it predicts the ideal mask of its examples far better than their mean does
        double error = 0;
        double variance = 0;
        int d = BandMask.CAUSAL.inputs();
        for (MaskTrainer.Pair p : pairs) {
            double[] noise = new double[N];
            for (int t = 0; t < N; t++) {
                noise[t] = p.noisy().samples()[t] - p.clean().samples()[t];
            }
            MaskTrainer.Example e = StreamingMaskTrainer.example(
                    new MaskTrainer.Remix(p.noisy(), p.clean().samples(), noise), ANALYTIC);
            int n = e.frames() * BandMask.BANDS;
            double[] x = new double[n * d];
            double mean = Arrays.stream(e.target()).average().orElseThrow();
            for (int c = 0; c < n; c++) {
                BandMask.input(BandMask.CAUSAL, e.channels(), e.frames(), c / BandMask.BANDS, c % BandMask.BANDS,
                        x, c * d);
            }
            double[] y = net.predict(x, n);
            for (int c = 0; c < n; c++) {
                error += (y[c] - e.target()[c]) * (y[c] - e.target()[c]);
                variance += (e.target()[c] - mean) * (e.target()[c] - mean);
            }
        }
        assertTrue(error < 0.5 * variance, "squared error " + error + " against the targets' variance " + variance);

        Path file = dir.resolve("causal.json");
        net.write(file, WriteMode.FAIL_IF_EXISTS, OutputGuard.none());
        StreamingDenoiserOptions masked = ANALYTIC.withMaskModel(file.toString());
        double[] x = pair(5).noisy().samples();
        double[] whole = denoise(x, masked, x.length);
        assertFalse(Arrays.equals(whole, denoise(x, ANALYTIC, x.length)), "the network changes the output");
        for (int block : new int[] {1, 37, 160, 4096}) {
            assertArrayEquals(whole, denoise(x, masked, block), "blocks of " + block);
        }
        // causal: changing the input from sample 9000 on leaves every output up to 9000 - latency as it was
        double[] changed = x.clone();
        for (int t = 9000; t < changed.length; t++) {
            changed[t] = -3 * changed[t] + 0.1;
        }
        double[] y = denoise(changed, masked, 160);
        int latency = masked.latencySamples(RATE);
        assertArrayEquals(Arrays.copyOf(whole, 9000 - latency), Arrays.copyOf(y, 9000 - latency));
        assertFalse(Arrays.equals(Arrays.copyOf(whole, 9000), Arrays.copyOf(y, 9000)));
    }

    @Test
    void noMaskIsTheAnalyticGainAloneBitForBit() throws IOException {
        double[] x = pair(1).noisy().samples();
        StreamingDenoiserOptions now = ANALYTIC.withLookaheadHops(0);
        StreamingDenoiser.Processor p = StreamingDenoiser.open(RATE, now,
                n -> new SpectralSuppressor(n, RATE, now.hop(RATE), now));
        assertArrayEquals(StreamingDenoiserTest.run(p, x, x.length), denoise(x, now, 333));

        // one hop of look-ahead: each frame gets sqrt(own gain x next frame's gain), output one hop later
        StreamingDenoiser.Processor ahead = StreamingDenoiser.open(RATE, ANALYTIC, n -> new FrameGain() {
            final SpectralSuppressor rule = new SpectralSuppressor(n, RATE, ANALYTIC.hop(RATE), ANALYTIC);
            double[] previous = new double[n / 2 + 1];

            @Override
            public void next(double[] power, double share, double[] gain) {
                rule.next(power, share, gain);
                double[] newest = gain.clone();
                for (int k = 0; k < gain.length; k++) {
                    gain[k] = Math.sqrt(previous[k] * newest[k]);
                }
                previous = newest;
            }

            @Override
            public int lookahead() {
                return 1;
            }
        });
        double[] want = StreamingDenoiserTest.run(ahead, x, x.length);
        assertArrayEquals(want, denoise(x, ANALYTIC, 333));
        assertFalse(Arrays.equals(want, denoise(x, now, 333)), "the look-ahead changes the output");
    }

    @Test
    void eachDenoiserTakesOnlyItsOwnKindOfNetworkAndSaysWhichItNeeds() throws IOException {
        assertSame(BandMask.CAUSAL, MaskNetwork.builtinStreaming().context());
        assertSame(BandMask.OFFLINE, MaskNetwork.builtin().context());
        assertNotNull(StreamingDenoiserOptions.defaults().maskNetwork());

        Path blind = dir.resolve("blind.json");
        MaskNetwork.builtin().write(blind, WriteMode.FAIL_IF_EXISTS, OutputGuard.none());
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> StreamingDenoiser.open(RATE, ANALYTIC.withMaskModel(blind.toString())));
        assertTrue(e.getMessage().startsWith("maskModel " + blind + ": a network of the blind denoiser"), e.getMessage());

        Path causal = dir.resolve("causal.json");
        MaskNetwork.builtinStreaming().write(causal, WriteMode.FAIL_IF_EXISTS, OutputGuard.none());
        Signal s = pair(0).noisy();
        e = assertThrows(InvalidParameterException.class, () -> BlindDenoiser.fit(s,
                BlindDenoiserOptions.defaults().withMaskModel(causal.toString()), TaskMonitor.none()));
        assertTrue(e.getMessage().contains("a streaming (causal) network"), e.getMessage());

        Path missing = dir.resolve("missing.json");
        e = assertThrows(InvalidParameterException.class,
                () -> StreamingDenoiser.open(RATE, ANALYTIC.withMaskModel(missing.toString())));
        assertTrue(e.getMessage().startsWith("maskModel " + missing + ": cannot read"), e.getMessage());
    }

    @Test
    void theMaskCannotChangeInARunningStreamButItsAnalyticTuningCan() {
        StreamingDenoiserOptions builtin = StreamingDenoiserOptions.defaults();
        String why = StreamingDenoiser.retuneProblem(builtin, builtin.withMaskModel(StreamingDenoiserOptions.NO_MASK));
        assertNotNull(why);
        assertTrue(why.startsWith("maskModel cannot change in a running stream"), why);
        assertEquals(null, StreamingDenoiser.retuneProblem(builtin, builtin.withGainFloorDb(-12)));
    }
}
