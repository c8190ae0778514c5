package org.ncw.bench;

import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.denoise.BlindDenoiser;
import org.ncw.engine.denoise.BlindDenoiserOptions;

import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/**
 * The blind denoiser (defaults) on 60 s of 16 kHz audio (harmonic bursts in noise) on ONE thread: the run is
 * submitted to a one-thread ForkJoinPool, so the STFT's parallel streams stay on it too. Target: RTF <= 0.05.
 */
public final class DenoiseBench implements BenchCase {
    private static final int SAMPLE_RATE = 16000;
    private static final int SECONDS = 60;
    private Signal input;
    private double lastSeconds = Double.NaN;

    @Override
    public String name() {
        return "blind denoiser (defaults), one thread";
    }

    @Override
    public String size() {
        return SECONDS + " s @ " + SAMPLE_RATE + " Hz";
    }

    @Override
    public String group() {
        return "denoise";
    }

    @Override
    public String target() {
        return "RTF <= 0.05 (<= 3 s)";
    }

    @Override
    public double targetSeconds() {
        return 0.05 * SECONDS;
    }

    @Override
    public void setUp() {
        Random random = new Random(7);
        double[] x = new double[SECONDS * SAMPLE_RATE];
        for (int i = 0; i < x.length; i++) {
            double t = (double) i / SAMPLE_RATE;
            double env = Math.max(0, Math.sin(2 * Math.PI * 2 * t));
            double voice = 0;
            for (int k = 1; k <= 8; k++) {
                voice += Math.sin(2 * Math.PI * 140 * k * t) / k;
            }
            x[i] = 0.1 * env * voice + 0.03 * random.nextGaussian();
        }
        input = new Signal(x, SAMPLE_RATE);
    }

    @Override
    public Object run() throws InterruptedException, ExecutionException {
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            long start = System.nanoTime();
            Signal out = single.submit(() -> BlindDenoiser.fit(input, BlindDenoiserOptions.defaults(),
                    TaskMonitor.none()).enhanced()).get();
            lastSeconds = (System.nanoTime() - start) / 1e9;
            return out.samples()[out.length() / 2];
        } finally {
            single.shutdown();
        }
    }

    @Override
    public String notes() {
        return String.format(Locale.ROOT, "rtf=%.4f", lastSeconds / SECONDS);
    }
}
