package org.ncw.bench;

import org.ncw.engine.core.Signal;
import org.ncw.engine.production.ProductionChain;
import org.ncw.engine.production.ProductionDenoiser;

import java.util.Locale;
import java.util.Random;

/**
 * A production chain on 60 s of 16 kHz noisy audio (white noise plus 1 kHz tone bursts); the note reports the
 * real-time factor (run time / audio duration).
 */
public final class ProductionBench implements BenchCase {
    private static final int SAMPLE_RATE = 16000;
    private static final int SECONDS = 60;
    private final String preset;
    private Signal input;
    private double lastSeconds = Double.NaN;

    public ProductionBench(String preset) {
        this.preset = preset;
    }

    @Override
    public String name() {
        return "production chain '" + preset + "'";
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
        Random random = new Random(42);
        double[] x = new double[SECONDS * SAMPLE_RATE];
        for (int i = 0; i < x.length; i++) {
            boolean burst = (i % SAMPLE_RATE) < SAMPLE_RATE / 3;
            x[i] = 0.05 * random.nextGaussian() + (burst ? 0.3 * Math.sin(2 * Math.PI * 1000.0 * i / SAMPLE_RATE) : 0);
        }
        input = new Signal(x, SAMPLE_RATE);
    }

    @Override
    public Object run() {
        ProductionChain chain = ProductionChain.preset(preset);
        long start = System.nanoTime();
        Object result = ProductionDenoiser.fit(input, chain).output();
        lastSeconds = (System.nanoTime() - start) / 1e9;
        return result;
    }

    @Override
    public String notes() {
        return String.format(Locale.ROOT, "rtf=%.4f", lastSeconds / SECONDS);
    }
}
