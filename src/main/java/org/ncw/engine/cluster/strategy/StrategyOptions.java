package org.ncw.engine.cluster.strategy;

import org.ncw.engine.cluster.FeatureScaling;
import org.ncw.engine.core.Checks;

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
 */
public record StrategyOptions(DatasetKind dataset, StrategyKind strategy, SpeechRoleRule roleRule,
                              boolean centroidDistance, FeatureScaling scaling, int threads) {
    public StrategyOptions {
        Checks.notNull("dataset", dataset);
        Checks.notNull("strategy", strategy);
        Checks.notNull("roleRule", roleRule);
        Checks.notNull("scaling", scaling);
        Checks.atLeast("threads", threads, 0);
    }

    public static StrategyOptions defaults() {
        return new StrategyOptions(DatasetKind.MATRIX, StrategyKind.COLUMN, SpeechRoleRule.HIGHER_MEAN_DB, false,
                FeatureScaling.STANDARDIZE, 0);
    }

    public StrategyOptions withDataset(DatasetKind d) {
        return new StrategyOptions(d, strategy, roleRule, centroidDistance, scaling, threads);
    }

    public StrategyOptions withStrategy(StrategyKind s) {
        return new StrategyOptions(dataset, s, roleRule, centroidDistance, scaling, threads);
    }

    public StrategyOptions withRoleRule(SpeechRoleRule r) {
        return new StrategyOptions(dataset, strategy, r, centroidDistance, scaling, threads);
    }

    public StrategyOptions withCentroidDistance(boolean c) {
        return new StrategyOptions(dataset, strategy, roleRule, c, scaling, threads);
    }

    public StrategyOptions withScaling(FeatureScaling s) {
        return new StrategyOptions(dataset, strategy, roleRule, centroidDistance, s, threads);
    }

    public StrategyOptions withThreads(int t) {
        return new StrategyOptions(dataset, strategy, roleRule, centroidDistance, scaling, t);
    }

    public int effectiveThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
