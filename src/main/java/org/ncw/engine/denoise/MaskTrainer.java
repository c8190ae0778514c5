package org.ncw.engine.denoise;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dsp.ComplexSpectrogram;
import org.ncw.engine.dsp.Stft;

/**
 * Trains the blind denoiser's band mask ({@link MaskNetwork}) from pairs of noisy recordings and their clean
 * speech: the network learns the ideal ratio mask of each band from the measurements the denoiser already makes
 * ({@link BandMask}). Besides every pair as it is, each clean recording is remixed with the noise of {@code augment}
 * other pairs (noise = noisy - clean, a random circular offset, a random SNR and level), so the network sees far
 * more speech-noise combinations than there are pairs; all of it seeded.
 *
 * <p>Memory: only the five channels and the target per band and frame are kept (about 6 kB per second of audio
 * and remix); the network's inputs are assembled batch by batch.
 */
public final class MaskTrainer {
    private MaskTrainer() {
    }

    /** A noisy recording and its clean speech (same rate and length). */
    public record Pair(String name, Signal noisy, Signal clean) {
        public Pair {
            Checks.notNull("noisy", noisy);
            Checks.notNull("clean", clean);
            if (noisy.sampleRate() != clean.sampleRate() || noisy.length() != clean.length()) {
                throw new InvalidParameterException(name + ": the noisy and clean recordings differ in rate or length");
            }
        }
    }

    /**
     * @param augment      remixes of each clean recording with other pairs' noise
     * @param minSnrDb     lowest SNR of a remix
     * @param maxSnrDb     highest SNR of a remix
     * @param epochs       passes over all samples
     * @param hidden1      units of the first hidden layer
     * @param hidden2      units of the second hidden layer
     * @param batch        samples (band cells) per update
     * @param learningRate Adam step size
     * @param weightDecay  L2 shrinkage per step, relative to the step size
     * @param seed         seeds the remixes, the initialisation and the sample order
     * @param combineWeight the network's share in the denoiser's gain, mask^w x analytic^(1-w), stored with it
     * @param floorDb      the least combined gain, stored with the network
     * @param syntheticShare share of the remixes whose noise is made, not taken from another pair: half of them
     *                     babble of other pairs' speech, half coloured stationary noise with hum or a level swing
     */
    public record Options(int augment, double minSnrDb, double maxSnrDb, int epochs, int hidden1, int hidden2,
                          int batch, double learningRate, double weightDecay, long seed, double combineWeight,
                          double floorDb, double syntheticShare) {
        public Options {
            Checks.inRange("augment", augment, 0, 100);
            Checks.inRange("minSnrDb", minSnrDb, -30, 60);
            Checks.inRange("maxSnrDb", maxSnrDb, minSnrDb, 60);
            Checks.inRange("epochs", epochs, 1, 1000);
            Checks.inRange("hidden1", hidden1, 1, 4096);
            Checks.inRange("hidden2", hidden2, 1, 4096);
            Checks.inRange("batch", batch, 1, 1 << 16);
            Checks.inRange("learningRate", learningRate, 1e-7, 1);
            Checks.inRange("weightDecay", weightDecay, 0, 1);
            Checks.inRange("combineWeight", combineWeight, 0, 1);
            Checks.inRange("floorDb", floorDb, -80, 0);
            Checks.inRange("syntheticShare", syntheticShare, 0, 1);
        }

        /** What trained the built-in network (docs/quality.md). */
        public static Options defaults() {
            return new Options(8, -5, 20, 10, 128, 32, 2048, 1e-3, 1e-4, 1, 0.65, -20, 0);
        }

        public Options withEpochs(int v) {
            return new Options(augment, minSnrDb, maxSnrDb, v, hidden1, hidden2, batch, learningRate, weightDecay, seed,
                    combineWeight, floorDb, syntheticShare);
        }

        public Options withAugment(int v) {
            return new Options(v, minSnrDb, maxSnrDb, epochs, hidden1, hidden2, batch, learningRate, weightDecay, seed,
                    combineWeight, floorDb, syntheticShare);
        }

        public Options withSyntheticShare(double v) {
            return new Options(augment, minSnrDb, maxSnrDb, epochs, hidden1, hidden2, batch, learningRate, weightDecay, seed,
                    combineWeight, floorDb, v);
        }

        public Options withSeed(long v) {
            return new Options(augment, minSnrDb, maxSnrDb, epochs, hidden1, hidden2, batch, learningRate, weightDecay, v,
                    combineWeight, floorDb, syntheticShare);
        }

        /** How the network's mask is combined with the analytic gain (stored with it): the weight and the floor. */
        public Options withCombination(double weight, double floor) {
            return new Options(augment, minSnrDb, maxSnrDb, epochs, hidden1, hidden2, batch, learningRate, weightDecay, seed,
                    weight, floor, syntheticShare);
        }

        public Options withHidden(int h1, int h2) {
            return new Options(augment, minSnrDb, maxSnrDb, epochs, h1, h2, batch, learningRate, weightDecay, seed,
                    combineWeight, floorDb, syntheticShare);
        }
    }

    /**
     * One training recording reduced to what the network sees: channels ([frame][band][channel], {@link BandMask})
     * and the target ([frame][band]).
     */
    public record Example(int frames, double[] channels, double[] target) {
    }

    /** A training mixture: the noisy signal and the speech and noise it is the sum of. */
    public record Remix(Signal noisy, double[] speech, double[] noise) {
    }

    /** Trains the blind denoiser's network (the offline context, measured by the blind denoiser itself). */
    public static MaskNetwork fit(List<Pair> pairs, Options options, TaskMonitor monitor) {
        return fit(pairs, options, BandMask.OFFLINE, MaskTrainer::offlineExample, monitor);
    }

    /**
     * Trains a network for {@code context} on the remixes of {@code pairs}, each reduced to an {@link Example} by
     * {@code measure} (the denoiser the network is for measures its own channels; the target is the ideal mask in
     * the same frames).
     */
    public static MaskNetwork fit(List<Pair> pairs, Options options, BandMask.Context context,
                                  java.util.function.Function<Remix, Example> measure, TaskMonitor monitor) {
        Checks.notNull("pairs", pairs);
        Checks.notNull("options", options);
        if (pairs.isEmpty()) {
            throw new InvalidParameterException("training needs at least one pair of noisy and clean recordings");
        }
        if (options.augment() > 0 && pairs.size() < 2) {
            throw new InvalidParameterException("remixing (augment > 0) needs at least two pairs");
        }
        int rate = pairs.get(0).noisy().sampleRate();
        for (Pair p : pairs) {
            if (p.noisy().sampleRate() != rate) {
                throw new InvalidParameterException(p.name() + ": sample rate " + p.noisy().sampleRate()
                        + " Hz, the others " + rate + " Hz; train on one rate");
            }
        }
        int perPair = 1 + options.augment();
        int total = pairs.size() * perPair;
        Example[] examples = new Example[total];
        AtomicInteger done = new AtomicInteger();
        TaskMonitor features = monitor.stage("measure").sub(0, 0.3);
        IntStream.range(0, total).parallel().forEach(e -> {
            features.checkCancelled();
            examples[e] = measure.apply(remix(pairs, e / perPair, e % perPair, options));
            features.step(done.incrementAndGet(), total);
        });
        Samples samples = new Samples(examples, context);
        double[][] standard = standardisation(samples, context.inputs(), new Random(options.seed()));
        String trainedOn = pairs.size() + " pairs x " + perPair + " (" + options.augment() + " remixes, SNR "
                + options.minSnrDb() + ".." + options.maxSnrDb() + " dB), " + samples.count() + " band cells, "
                + options.epochs() + " epochs, hidden " + options.hidden1() + "+" + options.hidden2()
                + ", seed " + options.seed() + (options.syntheticShare() > 0 ? ", synthetic noise share "
                + options.syntheticShare() : "");
        return MaskNetworkAdapter.train(samples, new int[] {options.hidden1(), options.hidden2()}, standard[0],
                standard[1], new MaskNetworkAdapter.Training(options.epochs(), options.batch(), options.learningRate(),
                        options.weightDecay(), options.seed()), options.combineWeight(), options.floorDb(), trainedOn,
                monitor.stage("train").sub(0.3, 1));
    }

    /** Example {@code j} of pair {@code i} measured by the blind denoiser. */
    static Example example(List<Pair> pairs, int i, int j, Options o) {
        return offlineExample(remix(pairs, i, j, o));
    }

    /** Remix {@code j} of pair {@code i}: 0 is the pair itself, j > 0 its clean speech over another pair's noise. */
    public static Remix remix(List<Pair> pairs, int i, int j, Options o) {
        Signal clean = pairs.get(i).clean();
        Signal noisy = pairs.get(i).noisy();
        double[] noise = minus(noisy.samples(), clean.samples());
        double[] speech = clean.samples();
        if (j > 0) {
            Random rnd = new Random(o.seed() * 1_000_003L + 1000L * i + j);
            double[] source;
            double kind = o.syntheticShare() > 0 ? rnd.nextDouble() : 1;
            if (kind < o.syntheticShare() / 2) {
                source = babble(pairs, i, speech.length, rnd);
            } else if (kind < o.syntheticShare()) {
                source = colouredNoise(speech.length, clean.sampleRate(), rnd);
            } else {
                int other = rnd.nextInt(pairs.size() - 1);
                other = other >= i ? other + 1 : other;
                Pair p = pairs.get(other);
                source = minus(p.noisy().samples(), p.clean().samples());
            }
            double snr = o.minSnrDb() + (o.maxSnrDb() - o.minSnrDb()) * rnd.nextDouble();
            double level = Math.pow(10, (-10 + 20 * rnd.nextDouble()) / 20);
            int offset = rnd.nextInt(source.length);
            double[] n = new double[speech.length];
            for (int t = 0; t < n.length; t++) {
                n[t] = source[(offset + t) % source.length];
            }
            double scale = Math.sqrt(meanSquare(speech) / Math.max(meanSquare(n), 1e-300) * Math.pow(10, -snr / 10));
            double[] s = new double[speech.length];
            for (int t = 0; t < n.length; t++) {
                s[t] = speech[t] * level;
                n[t] *= scale * level;
            }
            speech = s;
            noise = n;
            double[] x = new double[s.length];
            for (int t = 0; t < x.length; t++) {
                x[t] = s[t] + n[t];
            }
            noisy = new Signal(x, clean.sampleRate());
        }
        return new Remix(noisy, speech, noise);
    }

    /** The blind denoiser's channels of a remix and the ideal mask in its frames. */
    static Example offlineExample(Remix remix) {
        Signal noisy = remix.noisy();
        int rate = noisy.sampleRate();
        double[] speech = remix.speech();
        double[] noise = remix.noise();
        BlindDenoiser.Analysis a = new BlindDenoiser.Analysis();
        BlindDenoiser.Result r = BlindDenoiser.fit(noisy, BlindDenoiserOptions.defaults()
                .withMaskModel(BlindDenoiserOptions.NO_MASK), TaskMonitor.none(), a);
        BandMask.Layout layout = BandMask.Layout.of(a.bins, a.binHz);
        double[] channels = BandMask.channels(layout, a.power, a.noise, a.gain, a.frames);
        double[] target = BandMask.idealMask(layout, power(Stft.forward(new Signal(speech, rate), r.stft())),
                power(Stft.forward(new Signal(noise, rate), r.stft())), a.frames);
        return new Example(a.frames, channels, target);
    }

    /** Babble: the clean speech of 3 to 6 other pairs, each at unit power and a random circular offset. */
    static double[] babble(List<Pair> pairs, int self, int length, Random rnd) {
        double[] out = new double[length];
        int talkers = 3 + rnd.nextInt(4);
        for (int k = 0; k < talkers; k++) {
            int other = rnd.nextInt(pairs.size() - 1);
            other = other >= self ? other + 1 : other;
            double[] v = pairs.get(other).clean().samples();
            double g = 1 / Math.sqrt(Math.max(meanSquare(v), 1e-300));
            int offset = rnd.nextInt(v.length);
            for (int t = 0; t < length; t++) {
                out[t] += g * v[(offset + t) % v.length];
            }
        }
        return out;
    }

    /**
     * Stationary noise of a random colour (white through a one-pole low-pass with pole 0..0.99: white to nearly
     * brown), with mains hum (50 or 60 Hz and 7 harmonics) in a third of the cases and a slow level swing in half.
     */
    static double[] colouredNoise(int length, int rate, Random rnd) {
        double pole = 0.99 * rnd.nextDouble();
        double[] out = new double[length];
        double y = 0;
        for (int t = 0; t < length; t++) {
            y = pole * y + rnd.nextGaussian();
            out[t] = y;
        }
        double power = meanSquare(out);
        if (rnd.nextDouble() < 1 / 3.0) {
            double mains = rnd.nextBoolean() ? 50 : 60;
            double level = Math.sqrt(power) * Math.pow(10, (-10 + 20 * rnd.nextDouble()) / 20);
            for (int h = 1; h <= 8; h++) {
                double phase = 2 * Math.PI * rnd.nextDouble();
                for (int t = 0; t < length; t++) {
                    out[t] += level / h * Math.sin(2 * Math.PI * mains * h * t / rate + phase);
                }
            }
        }
        if (rnd.nextBoolean()) {
            double rateHz = 0.1 + 1.9 * rnd.nextDouble();
            double depth = 0.8 * rnd.nextDouble();
            for (int t = 0; t < length; t++) {
                out[t] *= 1 + depth * Math.sin(2 * Math.PI * rateHz * t / rate);
            }
        }
        return out;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static double meanSquare(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s / Math.max(1, x.length);
    }

    private static double[] power(ComplexSpectrogram s) {
        double[] p = new double[s.re().length];
        for (int i = 0; i < p.length; i++) {
            p[i] = s.re()[i] * s.re()[i] + s.im()[i] * s.im()[i];
        }
        return p;
    }

    /** Input mean and standard deviation over up to 200 000 random samples. */
    private static double[][] standardisation(Samples samples, int d, Random rnd) {
        int n = Math.min(samples.count(), 200_000);
        double[] x = new double[d];
        double[] sum = new double[d];
        double[] sq = new double[d];
        for (int i = 0; i < n; i++) {
            samples.input(n == samples.count() ? i : rnd.nextInt(samples.count()), x, 0);
            for (int j = 0; j < d; j++) {
                sum[j] += x[j];
                sq[j] += x[j] * x[j];
            }
        }
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = sum[j] / n;
            sd[j] = Math.sqrt(Math.max(sq[j] / n - mean[j] * mean[j], 0)) + 1e-6;
        }
        return new double[][] {mean, sd};
    }

    /** Every band cell of every example, in order. */
    static final class Samples implements MaskNetworkAdapter.Samples {
        private final Example[] examples;
        private final BandMask.Context context;
        private final long[] start;
        private final int count;

        Samples(Example[] examples, BandMask.Context context) {
            this.examples = examples;
            this.context = context;
            this.start = new long[examples.length + 1];
            for (int e = 0; e < examples.length; e++) {
                start[e + 1] = start[e] + (long) examples[e].frames() * BandMask.BANDS;
            }
            if (start[examples.length] > Integer.MAX_VALUE) {
                throw new InvalidParameterException("too many training cells (" + start[examples.length]
                        + "); use fewer pairs or remixes");
            }
            this.count = (int) start[examples.length];
        }

        private int exampleOf(int sample) {
            int e = java.util.Arrays.binarySearch(start, sample);
            return e >= 0 ? e : -e - 2;
        }

        @Override
        public int count() {
            return count;
        }

        @Override
        public void input(int sample, double[] x, int offset) {
            int e = exampleOf(sample);
            int cell = (int) (sample - start[e]);
            BandMask.input(context, examples[e].channels(), examples[e].frames(), cell / BandMask.BANDS,
                    cell % BandMask.BANDS, x, offset);
        }

        @Override
        public double target(int sample) {
            int e = exampleOf(sample);
            return examples[e].target()[(int) (sample - start[e])];
        }
    }
}
