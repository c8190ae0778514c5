package org.ncw.bench;

import org.ncw.engine.core.Signal;

import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * A denoiser on 60 s of synthetic 16 kHz audio, held to a real-time factor (run time / audio duration) of 0.05;
 * the note reports the factor measured in the last run. Subclasses make the input and time the work.
 */
abstract class RealTimeDenoiseBench implements BenchCase {
    static final int SAMPLE_RATE = 16000;
    static final int SECONDS = 60;
    private Signal input;
    private double lastSeconds = Double.NaN;

    /** The {@code SECONDS * SAMPLE_RATE} input samples. */
    /** The input: harmonic bursts (a 140 Hz voice, 2 Hz syllables) in white noise, seeded. */
    double[] synthesise(int n) {
        Random random = new Random(7);
        double[] x = new double[n];
        for (int i = 0; i < x.length; i++) {
            double t = (double) i / SAMPLE_RATE;
            double env = Math.max(0, Math.sin(2 * Math.PI * 2 * t));
            double voice = 0;
            for (int k = 1; k <= 8; k++) {
                voice += Math.sin(2 * Math.PI * 140 * k * t) / k;
            }
            x[i] = 0.1 * env * voice + 0.03 * random.nextGaussian();
        }
        return x;
    }

    final Signal input() {
        return input;
    }

    /** Runs {@code work}, recording its duration for the real-time factor. */
    final <T> T timed(Callable<T> work) throws Exception {
        long start = System.nanoTime();
        T result = work.call();
        lastSeconds = (System.nanoTime() - start) / 1e9;
        return result;
    }

    @Override
    public final String size() {
        return SECONDS + " s @ " + SAMPLE_RATE + " Hz";
    }

    @Override
    public final String group() {
        return "denoise";
    }

    @Override
    public final String target() {
        return "RTF <= 0.05 (<= 3 s)";
    }

    @Override
    public final double targetSeconds() {
        return 0.05 * SECONDS;
    }

    @Override
    public final void setUp() {
        input = new Signal(synthesise(SECONDS * SAMPLE_RATE), SAMPLE_RATE);
    }

    @Override
    public final String notes() {
        return String.format(Locale.ROOT, "rtf=%.4f", lastSeconds / SECONDS);
    }
}
