package org.ncw.engine.cluster.strategy;

import org.ncw.engine.cluster.FeatureScaling;
import org.ncw.engine.core.Checks;
import org.ncw.engine.dsp.Intensity;

/**
 * How the spectrogram is turned into clustering problems.
 *
 * @param dataset          spectrogram matrix or 3-D table
 * @param strategy         complete (whole dataset at once) or column-by-column
 * @param roleRule         which raw cluster is speech
 * @param centroidDistance 3-D table only: add each bin's distance in Hz to the recording's spectral centroid
 *                         (the pipeline builds the table with that column)
 * @param scaling          3-D table only: feature scaling before clustering
 * @param threads          column-by-column worker threads; 0 = one per available core
 * @param intensity        what is clustered: magnitude |X| (the study's "spectrogram of amplitudes", the default),
 *                         power |X|^2 or dB; the speech role rule and the drawn spectrogram stay in dB.
 *                         Missing in an older experiment file: magnitude
 */
public record StrategyOptions(DatasetKind dataset, StrategyKind strategy, SpeechRoleRule roleRule,
                              boolean centroidDistance, FeatureScaling scaling, int threads,
                              Intensity intensity) {
    public StrategyOptions {
        Checks.notNull("dataset", dataset);
        Checks.notNull("strategy", strategy);
        Checks.notNull("roleRule", roleRule);
        Checks.notNull("scaling", scaling);
        Checks.atLeast("threads", threads, 0);
        if (intensity == null) { // files from before the setting clustered dB values: reproduce what they ran
            intensity = Intensity.DB;
        }
    }

    public static StrategyOptions defaults() {
        return new StrategyOptions(DatasetKind.MATRIX, StrategyKind.COLUMN, SpeechRoleRule.HIGHER_MEAN_DB, false,
                FeatureScaling.STANDARDIZE, 0, Intensity.MAGNITUDE);
    }

    public StrategyOptions withDataset(DatasetKind d) {
        return new StrategyOptions(d, strategy, roleRule, centroidDistance, scaling, threads, intensity);
    }

    public StrategyOptions withStrategy(StrategyKind s) {
        return new StrategyOptions(dataset, s, roleRule, centroidDistance, scaling, threads, intensity);
    }

    public StrategyOptions withRoleRule(SpeechRoleRule r) {
        return new StrategyOptions(dataset, strategy, r, centroidDistance, scaling, threads, intensity);
    }

    public StrategyOptions withCentroidDistance(boolean c) {
        return new StrategyOptions(dataset, strategy, roleRule, c, scaling, threads, intensity);
    }

    public StrategyOptions withScaling(FeatureScaling s) {
        return new StrategyOptions(dataset, strategy, roleRule, centroidDistance, s, threads, intensity);
    }

    public StrategyOptions withThreads(int t) {
        return new StrategyOptions(dataset, strategy, roleRule, centroidDistance, scaling, t, intensity);
    }

    public StrategyOptions withIntensity(Intensity i) {
        return new StrategyOptions(dataset, strategy, roleRule, centroidDistance, scaling, threads, i);
    }

    public int effectiveThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
