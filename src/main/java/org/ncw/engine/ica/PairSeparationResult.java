package org.ncw.engine.ica;

import org.ncw.engine.core.Signal;

/**
 * The two outputs of a pair separation, speech first, both loudness-normalised.
 *
 * @param speech          the output ranked more speech-like
 * @param noise           the other output
 * @param ica             the FastICA fit (its convergence, matrices and raw unit-variance sources)
 * @param negentropy      total {@link Negentropy} of the kept FastICA run
 * @param speechComponent which ICA source (0 or 1) became {@code speech}
 * @param rule            the ranking rule that was applied (never AUTO)
 * @param speechScore     the rule's score of the speech output (flatness dB for FLATNESS, lower = speech; modulation dB
 *                        for MODULATION; |r| for REFERENCE)
 * @param noiseScore      the rule's score of the noise output
 * @param speechGain      linear gain applied to the unit-variance speech source
 * @param noiseGain       linear gain applied to the unit-variance noise source
 */
public record PairSeparationResult(Signal speech, Signal noise, FastIcaResult ica, double negentropy,
                                   int speechComponent,
                                   SpeechRanking rule, double speechScore, double noiseScore, double speechGain,
                                   double noiseGain) {
}
