package org.ncw.bench;

import org.ncw.engine.production.ProductionChain;
import org.ncw.engine.production.ProductionDenoiser;

import java.util.Random;

/**
 * A production chain on 60 s of 16 kHz noisy audio (white noise plus 1 kHz tone bursts); the note reports the
 * real-time factor (run time / audio duration).
 */
public final class ProductionBench extends RealTimeDenoiseBench {
    private final String preset;

    public ProductionBench(String preset) {
        super(16000, 0.05);
        this.preset = preset;
    }

    @Override
    public String name() {
        return "production chain '" + preset + "'";
    }

    @Override
    double[] synthesise(int n) {
        Random random = new Random(42);
        double[] x = new double[n];
        for (int i = 0; i < x.length; i++) {
            boolean burst = (i % sampleRate) < sampleRate / 3;
            x[i] = 0.05 * random.nextGaussian() + (burst ? 0.3 * Math.sin(2 * Math.PI * 1000.0 * i / sampleRate) : 0);
        }
        return x;
    }

    @Override
    public Object run() throws Exception {
        ProductionChain chain = ProductionChain.preset(preset);
        return timed(() -> ProductionDenoiser.fit(input(), chain).output());
    }
}
