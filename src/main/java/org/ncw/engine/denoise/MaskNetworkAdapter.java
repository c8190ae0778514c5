package org.ncw.engine.denoise;

import java.util.Random;
import org.ncw.engine.core.TaskMonitor;
import smile.math.blas.Transpose;
import smile.math.matrix.Matrix;

/**
 * The band-mask network's arithmetic on Smile's BLAS-backed {@link Matrix}: batched forward passes and minibatch
 * training (backpropagation, Adam). Smile's own {@code smile.regression.MLP} predicts one vector at a time (47 us
 * per band cell here, a real-time factor of 0.05 for the mask alone) and trains 200 k samples in about 15 s; the
 * same network as matrix products over a whole batch runs at BLAS speed (about 45 GFLOP/s measured).
 *
 * <p>Activations are column-major matrices with one sample per column, so a row-major array of samples is used as
 * it is.
 */
final class MaskNetworkAdapter {
    private MaskNetworkAdapter() {
    }

    /** Sigmoid outputs of {@code n} samples ({@code inputs} row-major, n x sizes[0]). */
    static double[] predict(MaskNetwork net, double[] inputs, int n) {
        double[] a = standardise(net.mean(), net.sd(), inputs, n);
        for (int l = 0; l < net.weights().length; l++) {
            a = layer(net.sizes(), net.weights(), net.biases(), l, a, n);
        }
        return a;
    }

    /**
     * A forward pass for repeated batches of exactly {@code capacity} samples, in single precision (Smile's fp32
     * BLAS: half the time of the double products at the streaming denoiser's 32 x 152 batches, and a gain needs no
     * more than float's 7 digits): the standardisation folded into the first layer (W / sd, b - W mean / sd, in
     * double before rounding) and every buffer allocated once. Not thread-safe: one per stream.
     */
    static MaskNetwork.Predictor predictor(MaskNetwork net, int capacity) {
        int[] sizes = net.sizes();
        int d = sizes[0];
        int h = sizes[1];
        int layers = net.weights().length;
        double[] w0 = net.weights()[0].clone();
        double[] b0 = net.biases()[0].clone();
        for (int j = 0; j < d; j++) {
            double inv = 1 / net.sd()[j];
            double shift = net.mean()[j] * inv;
            for (int i = 0; i < h; i++) {
                b0[i] -= w0[j * h + i] * shift;
                w0[j * h + i] *= inv;
            }
        }
        smile.math.matrix.fp32.Matrix[] weights = new smile.math.matrix.fp32.Matrix[layers];
        float[][] bias = new float[layers][];
        float[][] out = new float[layers][];
        smile.math.matrix.fp32.Matrix[] outs = new smile.math.matrix.fp32.Matrix[layers];
        for (int l = 0; l < layers; l++) {
            weights[l] = new smile.math.matrix.fp32.Matrix(sizes[l + 1], sizes[l], sizes[l + 1],
                    toFloat(l == 0 ? w0 : net.weights()[l]));
            bias[l] = toFloat(l == 0 ? b0 : net.biases()[l]);
            out[l] = new float[sizes[l + 1] * capacity];
            outs[l] = new smile.math.matrix.fp32.Matrix(sizes[l + 1], capacity, sizes[l + 1], out[l]);
        }
        float[] in = new float[d * capacity];
        smile.math.matrix.fp32.Matrix input = new smile.math.matrix.fp32.Matrix(d, capacity, d, in);
        double[] result = new double[capacity];
        return (inputs, n) -> {
            if (n != capacity) {
                throw new IllegalArgumentException("this predictor takes batches of " + capacity + ", not " + n);
            }
            for (int i = 0; i < in.length; i++) {
                in[i] = (float) inputs[i];
            }
            smile.math.matrix.fp32.Matrix a = input;
            for (int l = 0; l < layers; l++) {
                outs[l].mm(Transpose.NO_TRANSPOSE, weights[l], Transpose.NO_TRANSPOSE, a, 1f, 0f);
                float[] z = out[l];
                float[] b = bias[l];
                int o = sizes[l + 1];
                if (l < layers - 1) {
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < o; j++) {
                            z[i * o + j] = Math.max(z[i * o + j] + b[j], 0f);
                        }
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        result[i] = 1 / (1 + Math.exp(-(double) (z[i] + b[0])));
                    }
                }
                a = outs[l];
            }
            return result;
        };
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static double[] standardise(double[] mean, double[] sd, double[] inputs, int n) {
        int d = mean.length;
        double[] a = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                a[i * d + j] = (inputs[i * d + j] - mean[j]) / sd[j];
            }
        }
        return a;
    }

    /** One layer: W a + b, then ReLU (hidden) or the sigmoid (output). */
    private static double[] layer(int[] sizes, double[][] weights, double[][] biases, int l, double[] a, int n) {
        int in = sizes[l];
        int out = sizes[l + 1];
        double[] z = new double[out * n];
        new Matrix(out, n, out, z).mm(Transpose.NO_TRANSPOSE, new Matrix(out, in, out, weights[l]),
                Transpose.NO_TRANSPOSE, new Matrix(in, n, in, a), 1.0, 0.0);
        double[] bias = biases[l];
        boolean last = l == weights.length - 1;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < out; j++) {
                double v = z[i * out + j] + bias[j];
                z[i * out + j] = last ? 1 / (1 + Math.exp(-v)) : Math.max(v, 0);
            }
        }
        return z;
    }

    /** Training settings of {@link #train}. */
    record Training(int epochs, int batch, double learningRate, double weightDecay, long seed) {
    }

    /** Where to draw the inputs of a training sample from (the trainer builds them on the fly to save memory). */
    interface Samples {
        int count();

        void input(int sample, double[] x, int offset);

        double target(int sample);
    }

    /**
     * Trains a network of the given hidden sizes on {@code samples} by minibatch Adam on the squared error, He
     * initialisation, L2 weight decay; the learning rate drops by 3 for the last epoch. Seeded: the same samples and
     * seed give the same network. {@code mean} / {@code sd} standardise the inputs.
     */
    static MaskNetwork train(Samples samples, int[] hidden, double[] mean, double[] sd, Training t,
                             double combineWeight, double floorDb, String trainedOn, TaskMonitor monitor) {
        int d = mean.length;
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = d;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = 1;
        int layers = sizes.length - 1;
        Random rnd = new Random(t.seed());
        double[][] w = new double[layers][];
        double[][] b = new double[layers][];
        double[][][] moments = new double[layers][4][];
        for (int l = 0; l < layers; l++) {
            w[l] = new double[sizes[l] * sizes[l + 1]];
            double scale = Math.sqrt(2.0 / sizes[l]);
            for (int i = 0; i < w[l].length; i++) {
                w[l][i] = rnd.nextGaussian() * scale;
            }
            b[l] = new double[sizes[l + 1]];
            moments[l] = new double[][] {new double[w[l].length], new double[w[l].length], new double[b[l].length],
                    new double[b[l].length]};
        }
        int n = samples.count();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] raw = new double[t.batch() * d];
        double[] y = new double[t.batch()];
        double[][] act = new double[layers + 1][];
        long step = 0;
        double lr = t.learningRate();
        for (int epoch = 0; epoch < t.epochs(); epoch++) {
            if (epoch == t.epochs() - 1 && t.epochs() > 1) {
                lr /= 3;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            for (int start = 0; start < n; start += t.batch()) {
                monitor.step((long) epoch * n + start, (long) t.epochs() * n);
                int m = Math.min(t.batch(), n - start);
                for (int i = 0; i < m; i++) {
                    samples.input(order[start + i], raw, i * d);
                    y[i] = samples.target(order[start + i]);
                }
                act[0] = standardise(mean, sd, raw, m);
                for (int l = 0; l < layers; l++) {
                    act[l + 1] = layer(sizes, w, b, l, act[l], m);
                }
                // d(mean squared error)/dz at the sigmoid output
                double[] grad = new double[m];
                double[] out = act[layers];
                for (int i = 0; i < m; i++) {
                    grad[i] = 2 * (out[i] - y[i]) * out[i] * (1 - out[i]) / m;
                }
                step++;
                for (int l = layers - 1; l >= 0; l--) {
                    int in = sizes[l];
                    int o = sizes[l + 1];
                    double[] gw = new double[o * in];
                    new Matrix(o, in, o, gw).mm(Transpose.NO_TRANSPOSE, new Matrix(o, m, o, grad),
                            Transpose.TRANSPOSE, new Matrix(in, m, in, act[l]), 1.0, 0.0);
                    double[] gb = new double[o];
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < o; j++) {
                            gb[j] += grad[i * o + j];
                        }
                    }
                    double[] below = null;
                    if (l > 0) {
                        below = new double[in * m];
                        new Matrix(in, m, in, below).mm(Transpose.TRANSPOSE, new Matrix(o, in, o, w[l]),
                                Transpose.NO_TRANSPOSE, new Matrix(o, m, o, grad), 1.0, 0.0);
                        double[] a = act[l];
                        for (int i = 0; i < below.length; i++) {
                            if (a[i] <= 0) {
                                below[i] = 0;
                            }
                        }
                    }
                    adam(w[l], gw, moments[l][0], moments[l][1], step, lr, t.weightDecay());
                    adam(b[l], gb, moments[l][2], moments[l][3], step, lr, 0);
                    grad = below;
                }
            }
        }
        monitor.done();
        return new MaskNetwork(sizes, w, b, mean, sd, combineWeight, floorDb, trainedOn);
    }

    private static void adam(double[] p, double[] g, double[] m1, double[] m2, long step, double lr, double decay) {
        double c1 = 1 - Math.pow(0.9, step);
        double c2 = 1 - Math.pow(0.999, step);
        for (int i = 0; i < p.length; i++) {
            m1[i] = 0.9 * m1[i] + 0.1 * g[i];
            m2[i] = 0.999 * m2[i] + 0.001 * g[i] * g[i];
            p[i] -= lr * (m1[i] / c1) / (Math.sqrt(m2[i] / c2) + 1e-8) + lr * decay * p[i];
        }
    }
}
