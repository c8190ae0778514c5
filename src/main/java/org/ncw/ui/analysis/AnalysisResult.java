package org.ncw.ui.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ncw.engine.dataset.LabelGrid;

/**
 * Everything one run produced: the clustering grid, its labels, the listenable outputs, which stages were
 * actually recomputed (the others came from the cache) and the seconds each recomputed stage took.
 */
public record AnalysisResult(ParameterSet parameters, Spectrum spectrum, LabelGrid labels, List<Output> outputs,
                             Set<Stage> recomputed, Map<Stage, Double> stageSeconds) {
}
