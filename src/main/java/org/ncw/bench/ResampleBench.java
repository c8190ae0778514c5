package org.ncw.bench;

import org.ncw.engine.audio.Resampler;
import org.ncw.engine.audio.ResamplerOptions;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

import java.util.Locale;
import java.util.Random;

/** Resampling 11.4 s of noise with the default quality, filter design included (it is redone on every call). */
public final class ResampleBench implements BenchCase {
    private static final double SECONDS = 11.4;
    private final int from;
    private final int to;
    private Signal input;
    private double lastSeconds = Double.NaN;

    public ResampleBench(int from, int to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public String name() {
        return "resample " + from + " -> " + to + " Hz, 11.4 s, default quality";
    }

    @Override
    public String group() {
        return "audio";
    }

    @Override
    public String size() {
        return input.length() + " samples";
    }

    @Override
    public String target() {
        return "<= 0.25 s";
    }

    @Override
    public double targetSeconds() {
        return 0.25;
    }

    @Override
    public void setUp() {
        input = new Signal(new Random(7).doubles((long) Math.round(SECONDS * from), -0.5, 0.5).toArray(), from);
    }

    @Override
    public Object run() {
        long t0 = System.nanoTime();
        Signal out = Resampler.resample(input, to, ResamplerOptions.defaults(), TaskMonitor.none());
        lastSeconds = (System.nanoTime() - t0) / 1e9;
        return out.samples()[out.length() / 2];
    }

    @Override
    public String notes() {
        return String.format(Locale.ROOT, "%.0fx real time", SECONDS / lastSeconds);
    }
}
