package org.ncw.engine.cluster.strategy;

import org.ncw.engine.dataset.LabelGrid;

import java.util.List;

/**
 * Speech/noise labels on the analysis grid, plus what happened on the way.
 *
 * @param labels         {@link LabelGrid#SPEECH} / {@link LabelGrid#NOISE} per analysis bin
 * @param problems       number of clustering problems solved (1 for complete, frames for column-by-column)
 * @param pointsPerProblem points in each problem
 * @param fastPath       true when the one-dimensional {@link Spectral1D} path ran
 * @param warnings       distinct warnings from the clusterer(s)
 */
public record StrategyResult(LabelGrid labels, int problems, int pointsPerProblem, boolean fastPath,
                             List<String> warnings) {
    public StrategyResult {
        warnings = List.copyOf(warnings);
    }
}
