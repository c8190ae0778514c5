package org.ncw.engine.pipeline;

import org.ncw.engine.cluster.strategy.ClusterSettings;
import org.ncw.engine.cluster.strategy.StrategyOptions;
import org.ncw.engine.core.Checks;
import org.ncw.engine.dsp.DbScale;
import org.ncw.engine.dsp.Resolution;
import org.ncw.engine.mask.MaskOptions;

/**
 * Everything that defines one clustering experiment; saved and loaded as JSON (CLI {@code --options}, GUI).
 *
 * @param analysis  STFT grid the clustering runs on (the study: {@link Resolution#LOW})
 * @param synthesis STFT grid the mask is applied on and resynthesised from (the study: {@link Resolution#REGULAR});
 *                  labels are stretched from the analysis grid onto it
 * @param dbScale   amplitude to dB conversion of the analysis spectrogram
 * @param strategy  dataset, strategy, speech role rule, table features
 * @param clusterer algorithm and its options
 * @param mask      how labels become a mask
 */
public record ExperimentOptions(Resolution analysis, Resolution synthesis, DbScale dbScale, StrategyOptions strategy,
                                ClusterSettings clusterer, MaskOptions mask) {
    public ExperimentOptions {
        Checks.notNull("analysis", analysis);
        Checks.notNull("synthesis", synthesis);
        Checks.notNull("dbScale", dbScale);
        Checks.notNull("strategy", strategy);
        Checks.notNull("clusterer", clusterer);
        Checks.notNull("mask", mask);
    }

    /** The study's setting: cluster on the low grid column by column, strict mask on the regular grid. */
    public static ExperimentOptions defaults() {
        return new ExperimentOptions(Resolution.LOW, Resolution.REGULAR, DbScale.defaults(), StrategyOptions.defaults(),
                ClusterSettings.defaults(), MaskOptions.defaults());
    }

    public ExperimentOptions withAnalysis(Resolution v) {
        return new ExperimentOptions(v, synthesis, dbScale, strategy, clusterer, mask);
    }

    public ExperimentOptions withSynthesis(Resolution v) {
        return new ExperimentOptions(analysis, v, dbScale, strategy, clusterer, mask);
    }

    public ExperimentOptions withDbScale(DbScale v) {
        return new ExperimentOptions(analysis, synthesis, v, strategy, clusterer, mask);
    }

    public ExperimentOptions withStrategy(StrategyOptions v) {
        return new ExperimentOptions(analysis, synthesis, dbScale, v, clusterer, mask);
    }

    public ExperimentOptions withClusterer(ClusterSettings v) {
        return new ExperimentOptions(analysis, synthesis, dbScale, strategy, v, mask);
    }

    public ExperimentOptions withMask(MaskOptions v) {
        return new ExperimentOptions(analysis, synthesis, dbScale, strategy, clusterer, v);
    }
}
