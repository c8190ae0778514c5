package org.ncw.engine.denoise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.WriteMode;

/** The network's forward pass against a plain loop, its training on a known target, its file. */
class MaskNetworkTest {
    @TempDir
    Path dir;

    private static MaskNetwork random(long seed, int... hidden) {
        Random r = new Random(seed);
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = BandMask.INPUTS;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = 1;
        double[][] w = new double[sizes.length - 1][];
        double[][] b = new double[sizes.length - 1][];
        for (int l = 0; l < w.length; l++) {
            w[l] = r.doubles(sizes[l] * sizes[l + 1], -0.3, 0.3).toArray();
            b[l] = r.doubles(sizes[l + 1], -0.1, 0.1).toArray();
        }
        double[] mean = r.doubles(sizes[0], -1, 1).toArray();
        double[] sd = r.doubles(sizes[0], 0.5, 2).toArray();
        return new MaskNetwork(sizes, w, b, mean, sd, 0.65, -20, "test");
    }

    /** The textbook forward pass, one sample at a time (an independent reference for the BLAS products). */
    private static double plain(MaskNetwork net, double[] x) {
        double[] a = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            a[j] = (x[j] - net.mean()[j]) / net.sd()[j];
        }
        for (int l = 0; l < net.weights().length; l++) {
            int in = net.sizes()[l];
            int out = net.sizes()[l + 1];
            double[] z = new double[out];
            for (int o = 0; o < out; o++) {
                double s = net.biases()[l][o];
                for (int i = 0; i < in; i++) {
                    s += net.weights()[l][i * out + o] * a[i]; // column-major: column i, row o
                }
                z[o] = l == net.weights().length - 1 ? 1 / (1 + Math.exp(-s)) : Math.max(0, s);
            }
            a = z;
        }
        return a[0];
    }

    @Test
    void batchedPredictionEqualsThePlainForwardPass() {
        MaskNetwork net = random(5, 16, 8);
        int n = 37;
        double[] x = new Random(6).doubles((long) n * BandMask.INPUTS, -2, 2).toArray();
        double[] y = net.predict(x, n);
        for (int i = 0; i < n; i++) {
            double[] one = java.util.Arrays.copyOfRange(x, i * BandMask.INPUTS, (i + 1) * BandMask.INPUTS);
            assertEquals(plain(net, one), y[i], 1e-12, "sample " + i);
        }
        // the reusable predictor (standardisation folded into the first layer, single precision) gives the same to
        // float's precision, call after call
        MaskNetwork.Predictor p = net.predictor(n);
        for (int call = 0; call < 2; call++) {
            double[] again = p.predict(x, n);
            for (int i = 0; i < n; i++) {
                assertEquals(y[i], again[i], 1e-5, "predictor, sample " + i);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> p.predict(x, n - 1));
    }

    /** Samples whose target is a known smooth function of two inputs. */
    private static MaskNetworkAdapter.Samples synthetic(int n, long seed) {
        double[] x = new Random(seed).doubles((long) n * BandMask.INPUTS, -1, 1).toArray();
        return new MaskNetworkAdapter.Samples() {
            public int count() {
                return n;
            }

            public void input(int s, double[] out, int offset) {
                System.arraycopy(x, s * BandMask.INPUTS, out, offset, BandMask.INPUTS);
            }

            public double target(int s) {
                double a = x[s * BandMask.INPUTS];
                double b = x[s * BandMask.INPUTS + 7];
                return 1 / (1 + Math.exp(-(3 * a - 2 * b * b + 0.5)));
            }
        };
    }

    private static double mse(MaskNetwork net, MaskNetworkAdapter.Samples s) {
        double[] x = new double[s.count() * BandMask.INPUTS];
        for (int i = 0; i < s.count(); i++) {
            s.input(i, x, i * BandMask.INPUTS);
        }
        double[] y = net.predict(x, s.count());
        double e = 0;
        for (int i = 0; i < s.count(); i++) {
            e += (y[i] - s.target(i)) * (y[i] - s.target(i)) / s.count();
        }
        return e;
    }

    @Test
    void trainingLearnsAKnownFunctionAndIsSeeded() {
        MaskNetworkAdapter.Samples train = synthetic(6000, 1);
        MaskNetworkAdapter.Samples test = synthetic(2000, 2);
        double[] mean = new double[BandMask.INPUTS];
        double[] sd = new double[BandMask.INPUTS];
        java.util.Arrays.fill(sd, 1);
        MaskNetworkAdapter.Training t = new MaskNetworkAdapter.Training(30, 64, 3e-3, 0, 7);
        MaskNetwork net = MaskNetworkAdapter.train(train, new int[] {16, 8}, mean, sd, t, 0.65, -20, "synthetic",
                TaskMonitor.none());
        double variance = 0;
        double m = 0;
        for (int i = 0; i < test.count(); i++) {
            m += test.target(i) / test.count();
        }
        for (int i = 0; i < test.count(); i++) {
            variance += (test.target(i) - m) * (test.target(i) - m) / test.count();
        }
        double e = mse(net, test);
        assertTrue(e < 0.1 * variance, "held-out error " + e + " against the target's variance " + variance);
        MaskNetwork again = MaskNetworkAdapter.train(train, new int[] {16, 8}, mean, sd, t, 0.65, -20, "synthetic",
                TaskMonitor.none());
        for (int l = 0; l < net.weights().length; l++) {
            assertArrayEquals(net.weights()[l], again.weights()[l], 0, "same seed, same network");
        }
    }

    @Test
    void aNetworkFileReadsBackAndBadOnesAreRefused() throws Exception {
        MaskNetwork net = random(9, 4, 3);
        Path file = dir.resolve("mask.json");
        net.write(file, WriteMode.FAIL_IF_EXISTS, OutputGuard.none());
        MaskNetwork back = MaskNetwork.read(file);
        double[] x = new Random(1).doubles(3L * BandMask.INPUTS).toArray();
        assertArrayEquals(net.predict(x, 3), back.predict(x, 3), 0);
        assertEquals(0.65, back.combineWeight());
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file).replace("\"sizes\":[" + BandMask.INPUTS,
                "\"sizes\":[12"));
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> MaskNetwork.read(file));
        assertTrue(e.getMessage().contains("inputs"), e.getMessage());
    }

    @Test
    void theBuiltInNetworkLoadsAndGivesGainsInRange() {
        MaskNetwork net = MaskNetwork.builtin();
        assertEquals(BandMask.INPUTS, net.sizes()[0]);
        double[] y = net.predict(new Random(2).doubles(10L * BandMask.INPUTS, -1, 1).toArray(), 10);
        for (double v : y) {
            assertTrue(v > 0 && v < 1, "gain " + v);
        }
    }
}
