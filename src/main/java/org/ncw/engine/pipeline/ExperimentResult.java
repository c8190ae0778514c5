package org.ncw.engine.pipeline;

import org.ncw.engine.cluster.strategy.StrategyResult;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.dsp.SpectrogramMatrix;
import org.ncw.engine.mask.SeparatedSignals;

import java.util.List;

/**
 * The outcome of one run: the stage results (immutable, shared with the pipeline's cache) and per-stage timings.
 *
 * @param options        what was run
 * @param analysisDb     dB spectrogram of the analysis grid (what was clustered)
 * @param clustering     speech/noise labels on the analysis grid
 * @param labels         the labels stretched onto the synthesis grid (what the mask used)
 * @param separated      speech and residue (noise) signals
 * @param stages         each stage's timing, and whether it came from the cache
 */
public record ExperimentResult(ExperimentOptions options, SpectrogramMatrix analysisDb, StrategyResult clustering,
                               LabelGrid labels, SeparatedSignals separated, List<StageTiming> stages) {
    public ExperimentResult {
        stages = List.copyOf(stages);
    }

    /** Wall time of one stage in this run; cached stages took (almost) no time. */
    public record StageTiming(String stage, double seconds, boolean cached) {
    }
}
