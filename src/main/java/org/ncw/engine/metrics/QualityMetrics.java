package org.ncw.engine.metrics;

import org.ncw.engine.audio.Resampler;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.Signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        Estoi.Intelligibility i = Estoi.both(c, e, rate);
        return new QualityScores(Snr.compute(c, e), SegmentalSnr.compute(c, e, rate), SiSdr.compute(c, e),
                i.stoi(), i.estoi());
    }

    /**
     * Scores after aligning: an estimate at another rate is resampled to the reference's rate, and signals of
     * different lengths are compared over their common length. The notes say what was done (empty when nothing).
     */
    public static AlignedScores scoreAligned(Signal clean, Signal estimate) {
        Checks.notNull("clean", clean);
        Checks.notNull("estimate", estimate);
        List<String> notes = new ArrayList<>();
        Signal aligned = estimate;
        if (estimate.sampleRate() != clean.sampleRate()) {
            aligned = alignRate(estimate, clean.sampleRate());
            notes.add("estimate resampled from " + estimate.sampleRate() + " Hz to the reference's "
                    + clean.sampleRate() + " Hz");
        }
        int common = Math.min(clean.length(), aligned.length());
        if (clean.length() != aligned.length()) {
            notes.add(String.format(Locale.ROOT, "lengths differ (reference %.3f s, estimate %.3f s): scored over the "
                    + "common %.3f s", clean.durationSeconds(), aligned.durationSeconds(),
                    common / (double) clean.sampleRate()));
        }
        return new AlignedScores(score(clean, aligned), common, List.copyOf(notes));
    }

    /** Scores with the alignment that was needed to compute them. */
    public record AlignedScores(QualityScores scores, int commonLength, List<String> notes) {
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
