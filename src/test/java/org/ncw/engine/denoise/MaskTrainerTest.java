package org.ncw.engine.denoise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

/** Training the band mask on synthetic speech-like bursts in noise: it learns, it is seeded, it refuses bad sets. */
class MaskTrainerTest {
    private static final int N = 2 * SyntheticNoisy.FS;

    private static MaskTrainer.Pair pair(int i, double noiseLevel) {
        double[] clean = SyntheticNoisy.bursts(N);
        double[] noise = SyntheticNoisy.whiteNoise(N, 100 + i);
        double[] x = new double[N];
        for (int t = 0; t < N; t++) {
            clean[t] *= 1 + 0.2 * i;
            x[t] = clean[t] + noiseLevel * noise[t];
        }
        return new MaskTrainer.Pair("p" + i, new Signal(x, SyntheticNoisy.FS), new Signal(clean, SyntheticNoisy.FS));
    }

    private static final MaskTrainer.Options SMALL = MaskTrainer.Options.defaults().withAugment(1).withEpochs(6)
            .withHidden(16, 8);

    @Test
    void theTrainedMaskPredictsTheIdealMaskOfItsExamples() {
        List<MaskTrainer.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pairs.add(pair(i, 0.02 + 0.03 * i));
        }
        MaskNetwork net = MaskTrainer.fit(pairs, SMALL, TaskMonitor.none());
        double error = 0;
        double variance = 0;
        int cells = 0;
        for (int i = 0; i < 4; i++) {
            MaskTrainer.Example e = MaskTrainer.example(pairs, i, 0, SMALL);
            int n = e.frames() * BandMask.BANDS;
            double[] x = new double[n * BandMask.INPUTS];
            double mean = 0;
            for (int c = 0; c < n; c++) {
                BandMask.input(e.channels(), e.frames(), c / BandMask.BANDS, c % BandMask.BANDS, x, c * BandMask.INPUTS);
                mean += e.target()[c] / n;
            }
            double[] y = net.predict(x, n);
            for (int c = 0; c < n; c++) {
                error += (y[c] - e.target()[c]) * (y[c] - e.target()[c]);
                variance += (e.target()[c] - mean) * (e.target()[c] - mean);
            }
            cells += n;
        }
        assertTrue(error < 0.5 * variance, "squared error " + error / cells + " against the targets' variance "
                + variance / cells);
        MaskNetwork again = MaskTrainer.fit(pairs, SMALL, TaskMonitor.none());
        assertArrayEquals(net.weights()[0], again.weights()[0], 0, "seeded: the same network again");
    }

    private static double[] sine(double hz, int n) {
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = Math.sin(2 * Math.PI * hz * t / SyntheticNoisy.FS);
        }
        return x;
    }

    /** Power of x at one frequency (a single DFT coefficient, normalised). */
    private static double powerAt(double[] x, double hz) {
        double re = 0;
        double im = 0;
        for (int t = 0; t < x.length; t++) {
            re += x[t] * Math.cos(2 * Math.PI * hz * t / SyntheticNoisy.FS);
            im += x[t] * Math.sin(2 * Math.PI * hz * t / SyntheticNoisy.FS);
        }
        return (re * re + im * im) / ((double) x.length * x.length);
    }

    @Test
    void madeNoisesAreBabbleOfOtherPairsAndSeededColouredNoise() {
        int n = SyntheticNoisy.FS; // 1 s: 300 and 700 Hz fall on whole DFT bins
        List<MaskTrainer.Pair> pairs = List.of(
                new MaskTrainer.Pair("self", new Signal(sine(300, n), SyntheticNoisy.FS), new Signal(sine(300, n),
                        SyntheticNoisy.FS)),
                new MaskTrainer.Pair("other", new Signal(sine(700, n), SyntheticNoisy.FS), new Signal(sine(700, n),
                        SyntheticNoisy.FS)));
        double[] babble = MaskTrainer.babble(pairs, 0, n, new java.util.Random(4));
        assertTrue(powerAt(babble, 700) > 1e6 * powerAt(babble, 300), "only the other pair's speech talks");
        double[] a = MaskTrainer.colouredNoise(n, SyntheticNoisy.FS, new java.util.Random(8));
        double[] b = MaskTrainer.colouredNoise(n, SyntheticNoisy.FS, new java.util.Random(8));
        assertArrayEquals(a, b, 0, "seeded");
        for (double v : a) {
            assertTrue(Double.isFinite(v));
        }
        MaskTrainer.Options withMade = SMALL.withSyntheticShare(0.5);
        MaskTrainer.Example e = MaskTrainer.example(List.of(pair(0, 0.05), pair(1, 0.05)), 0, 1, withMade);
        assertTrue(e.frames() > 0 && e.target().length == e.frames() * BandMask.BANDS);
        assertThrows(InvalidParameterException.class, () -> SMALL.withSyntheticShare(1.5));
    }

    @Test
    void badTrainingSetsAreRefusedWithAReason() {
        assertThrows(InvalidParameterException.class, () -> MaskTrainer.fit(List.of(), SMALL, TaskMonitor.none()));
        InvalidParameterException one = assertThrows(InvalidParameterException.class,
                () -> MaskTrainer.fit(List.of(pair(0, 0.1)), SMALL, TaskMonitor.none()));
        assertTrue(one.getMessage().contains("two pairs"), one.getMessage());
        InvalidParameterException rate = assertThrows(InvalidParameterException.class, () -> MaskTrainer.fit(
                List.of(pair(0, 0.1), new MaskTrainer.Pair("r", new Signal(new double[8000], 8000),
                        new Signal(new double[8000], 8000))), SMALL, TaskMonitor.none()));
        assertTrue(rate.getMessage().contains("r: sample rate 8000"), rate.getMessage());
        assertThrows(InvalidParameterException.class, () -> new MaskTrainer.Pair("x",
                new Signal(new double[10], 16000), new Signal(new double[11], 16000)));
        assertThrows(InvalidParameterException.class, () -> SMALL.withEpochs(0));
    }
}
