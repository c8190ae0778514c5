package org.ncw.engine.core;

import java.util.Objects;

/**
 * A mono signal: samples (nominally in [-1, 1]) at a sample rate. The array is owned by the record;
 * callers that mutate must {@link #copy()} first.
 */
public record Signal(double[] samples, int sampleRate) {
    public Signal {
        Objects.requireNonNull(samples, "samples");
        Checks.positive("sampleRate", sampleRate);
    }

    public int length() {
        return samples.length;
    }

    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }

    public Signal copy() {
        return new Signal(samples.clone(), sampleRate);
    }

    public Signal withSamples(double[] newSamples) {
        return new Signal(newSamples, sampleRate);
    }
}
