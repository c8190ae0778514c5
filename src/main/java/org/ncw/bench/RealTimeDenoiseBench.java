package org.ncw.bench;

import org.ncw.engine.core.Signal;

import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * A denoiser on 60 s of synthetic audio at a sample rate, held to a real-time factor (run time / audio duration);
 * the note reports the factor measured in the last run. Subclasses make the input and time the work.
 */
abstract class RealTimeDenoiseBench implements BenchCase {
    static final int SECONDS = 60;
    final int sampleRate;
    private final double targetRtf;
    private Signal input;
    private double lastSeconds = Double.NaN;

    RealTimeDenoiseBench(int sampleRate, double targetRtf) {
        this.sampleRate = sampleRate;
        this.targetRtf = targetRtf;
    }

    /** The input: harmonic bursts (a 140 Hz voice, 2 Hz syllables) in white noise, seeded. */
    double[] synthesise(int n) {
        Random random = new Random(7);
        double[] x = new double[n];
        for (int i = 0; i < x.length; i++) {
            double t = (double) i / sampleRate;
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
        return SECONDS + " s @ " + sampleRate + " Hz";
    }

    @Override
    public final String group() {
        return "denoise";
    }

    @Override
    public final String target() {
        return String.format(Locale.ROOT, "RTF <= %s (<= %.2f s)", targetRtf, targetRtf * SECONDS);
    }

    @Override
    public final double targetSeconds() {
        return targetRtf * SECONDS;
    }

    @Override
    public final void setUp() {
        input = new Signal(synthesise(SECONDS * sampleRate), sampleRate);
    }

    @Override
    public String notes() {
        return String.format(Locale.ROOT, "rtf=%.4f", lastSeconds / SECONDS);
    }
}
