package org.ncw.engine.ica;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;

/**
 * Options of {@link PairSeparation}.
 *
 * @param ica      FastICA options (2 components are always estimated)
 * @param mixing   matrix applied to the pair before ICA, or {@code null} for none (the study used
 *                 {@link MixingMatrix#study()})
 * @param ranking  how the speech output is chosen
 * @param loudness normalisation of both outputs
 * @param restarts FastICA runs with seeds ica.seed, ica.seed + 1, ...; the converged run with the highest
 *                 {@link Negentropy} is kept (1 = exactly one scikit-learn-style run)
 */
public record PairSeparationOptions(FastIcaOptions ica, MixingMatrix mixing, SpeechRanking ranking,
                                    LoudnessOptions loudness, int restarts) {
    public PairSeparationOptions {
        Checks.notNull("ica", ica);
        Checks.notNull("ranking", ranking);
        Checks.notNull("loudness", loudness);
        Checks.inRange("restarts", restarts, 1, 100);
        if (ica.nComponents() != null && ica.nComponents() != 2) {
            throw new InvalidParameterException("ica.nComponents must be 2 (or unset) for a pair, got "
                    + ica.nComponents());
        }
    }

    public static PairSeparationOptions defaults() {
        return new PairSeparationOptions(FastIcaOptions.defaults(), null, SpeechRanking.AUTO,
                LoudnessOptions.defaults(), 3);
    }

    public PairSeparationOptions withIca(FastIcaOptions value) {
        return new PairSeparationOptions(value, mixing, ranking, loudness, restarts);
    }

    public PairSeparationOptions withMixing(MixingMatrix value) {
        return new PairSeparationOptions(ica, value, ranking, loudness, restarts);
    }

    public PairSeparationOptions withRanking(SpeechRanking value) {
        return new PairSeparationOptions(ica, mixing, value, loudness, restarts);
    }

    public PairSeparationOptions withLoudness(LoudnessOptions value) {
        return new PairSeparationOptions(ica, mixing, ranking, value, restarts);
    }

    public PairSeparationOptions withRestarts(int value) {
        return new PairSeparationOptions(ica, mixing, ranking, loudness, value);
    }
}
