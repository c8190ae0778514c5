package org.ncw.engine.ica;

import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

import java.util.Objects;

/**
 * The study's pair separation: two signals of one recording (original, production-filtered, clustered speech or
 * noise of any strategy, or an earlier ICA output — chaining is just feeding an output back in), optionally mixed
 * with a 2 x 2 matrix, separated by FastICA into two sources, ranked by {@link SpeechRanking} and
 * loudness-normalised. FastICA runs {@code restarts} times from successive seeds and keeps the converged run of
 * highest negentropy (see {@link Negentropy} for why). In theory an invertible pre-mixing does not change what ICA finds (ICA is equivariant);
 * it is offered for parity with the study.
 */
public final class PairSeparation {
    private PairSeparation() {
    }

    public static PairSeparationResult fit(AlignedPair pair, PairSeparationOptions options, TaskMonitor monitor) {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(options, "options");
        SpeechRanking rule = options.ranking() == SpeechRanking.AUTO
                ? (pair.reference() != null ? SpeechRanking.REFERENCE : SpeechRanking.FLATNESS)
                : options.ranking();
        if (rule == SpeechRanking.REFERENCE && pair.reference() == null) {
            throw new InvalidParameterException("ranking REFERENCE needs a reference track (e.g. the clustered speech)");
        }
        Signal a = pair.first();
        Signal b = pair.second();
        if (options.mixing() != null) {
            Signal[] mixed = options.mixing().apply(a, b);
            a = mixed[0];
            b = mixed[1];
        }
        double[][] x = {a.samples(), b.samples()};
        FastIcaResult ica = null;
        double bestNegentropy = Double.NEGATIVE_INFINITY;
        int restarts = options.restarts();
        for (int r = 0; r < restarts; r++) {
            FastIcaOptions o = options.ica().withNComponents(2).withSeed(options.ica().seed() + r);
            FastIcaResult fit = FastIca.fit(x, o, monitor.sub(0.9 * r / restarts, 0.9 * (r + 1) / restarts));
            double j = Negentropy.total(fit, o.contrast(), o.alpha());
            // a converged run beats any unconverged one; among equals, the higher negentropy
            boolean better = ica == null || (fit.converged() && !ica.converged())
                    || (fit.converged() == ica.converged() && j > bestNegentropy);
            if (better) {
                ica = fit;
                bestNegentropy = j;
            }
        }

        Signal[] sources = {a.withSamples(ica.source(0)), a.withSamples(ica.source(1))};
        double[] score = new double[2];
        for (int i = 0; i < 2; i++) {
            if (rule == SpeechRanking.REFERENCE) {
                double r = SpeechLikeness.referenceCorrelation(sources[i], pair.reference());
                score[i] = Math.abs(r);
                if (r < 0) {
                    sources[i] = negate(sources[i]);
                }
            } else if (rule == SpeechRanking.FLATNESS) {
                score[i] = SpeechLikeness.spectralFlatnessDb(sources[i]);
            } else {
                score[i] = SpeechLikeness.syllabicModulationDb(sources[i]);
            }
        }
        boolean lowerIsSpeech = rule == SpeechRanking.FLATNESS;
        int speech = (lowerIsSpeech ? score[1] < score[0] : score[1] > score[0]) ? 1 : 0;
        Loudness.Normalized s = Loudness.normalize(sources[speech], options.loudness());
        Loudness.Normalized n = Loudness.normalize(sources[1 - speech], options.loudness());
        monitor.done();
        return new PairSeparationResult(s.signal(), n.signal(), ica, bestNegentropy, speech, rule, score[speech],
                score[1 - speech], s.gain(), n.gain());
    }

    private static Signal negate(Signal s) {
        double[] x = s.samples().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] = -x[i];
        }
        return s.withSamples(x);
    }
}
