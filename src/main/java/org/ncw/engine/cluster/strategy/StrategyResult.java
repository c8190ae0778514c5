package org.ncw.engine.cluster.strategy;

import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.dsp.TfMatrix;

import java.util.List;
import java.util.Objects;

/**
 * Speech/noise labels on the analysis grid, plus what happened on the way.
 *
 * @param labels         {@link LabelGrid#SPEECH} / {@link LabelGrid#NOISE} per analysis bin
 * @param problems       number of clustering problems solved (1 for complete, frames for column-by-column)
 * @param pointsPerProblem points in each problem
 * @param fastPath       true when the one-dimensional {@link Spectral1D} path ran
 * @param warnings       distinct warnings from the clusterer(s) and the diagnostics
 * @param diagnostics    affinity graph, eigen-gap, cluster sizes and degenerate partitions of the run
 * @param speechPresence soft speech presence in [0, 1] per analysis bin ({@link SoftScores}); null when not made
 */
public record StrategyResult(LabelGrid labels, int problems, int pointsPerProblem, boolean fastPath,
                             List<String> warnings, ClusterDiagnostics diagnostics, TfMatrix speechPresence) {
    public StrategyResult {
        Objects.requireNonNull(labels, "labels");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(diagnostics, "diagnostics");
    }

    public StrategyResult(LabelGrid labels, int problems, int pointsPerProblem, boolean fastPath,
                          List<String> warnings) {
        this(labels, problems, pointsPerProblem, fastPath, warnings, ClusterDiagnostics.none(), null);
    }
}
