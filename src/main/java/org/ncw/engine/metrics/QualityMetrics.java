package org.ncw.engine.metrics;

import org.ncw.engine.audio.Resampler;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.Signal;

/** Scores an estimate against a clean reference with every measure of this package. */
public final class QualityMetrics {
    private QualityMetrics() {
    }

    /**
     * All scores of {@code estimate} against {@code clean} over their common length. Both signals must have the
     * same sample rate (use {@link #alignRate(Signal, int)} first otherwise).
     */
    public static QualityScores score(Signal clean, Signal estimate) {
        Checks.notNull("clean", clean);
        Checks.notNull("estimate", estimate);
        if (clean.sampleRate() != estimate.sampleRate()) {
            throw new IllegalArgumentException("sample rates differ: clean reference " + clean.sampleRate()
                    + " Hz, estimate " + estimate.sampleRate() + " Hz; resample one of them first");
        }
        double[] c = clean.samples();
        double[] e = estimate.samples();
        int rate = clean.sampleRate();
        return new QualityScores(Snr.compute(c, e), SegmentalSnr.compute(c, e, rate), SiSdr.compute(c, e),
                Stoi.compute(c, e, rate));
    }

    /** The signal at {@code targetRate}: unchanged if already there, else through the project's {@link Resampler}. */
    public static Signal alignRate(Signal signal, int targetRate) {
        Checks.notNull("signal", signal);
        Checks.positive("targetRate", targetRate);
        if (signal.sampleRate() == targetRate) {
            return signal;
        }
        return Resampler.resample(signal, targetRate);
    }
}
