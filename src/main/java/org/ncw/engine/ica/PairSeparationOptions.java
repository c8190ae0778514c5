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
 */
public record PairSeparationOptions(FastIcaOptions ica, MixingMatrix mixing, SpeechRanking ranking,
                                    LoudnessOptions loudness) {
    public PairSeparationOptions {
        Checks.notNull("ica", ica);
        Checks.notNull("ranking", ranking);
        Checks.notNull("loudness", loudness);
        if (ica.nComponents() != null && ica.nComponents() != 2) {
            throw new InvalidParameterException("ica.nComponents must be 2 (or unset) for a pair, got "
                    + ica.nComponents());
        }
    }

    public static PairSeparationOptions defaults() {
        return new PairSeparationOptions(FastIcaOptions.defaults(), null, SpeechRanking.AUTO,
                LoudnessOptions.defaults());
    }

    public PairSeparationOptions withIca(FastIcaOptions value) {
        return new PairSeparationOptions(value, mixing, ranking, loudness);
    }

    public PairSeparationOptions withMixing(MixingMatrix value) {
        return new PairSeparationOptions(ica, value, ranking, loudness);
    }

    public PairSeparationOptions withRanking(SpeechRanking value) {
        return new PairSeparationOptions(ica, mixing, value, loudness);
    }

    public PairSeparationOptions withLoudness(LoudnessOptions value) {
        return new PairSeparationOptions(ica, mixing, ranking, value);
    }
}
