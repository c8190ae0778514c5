package org.ncw.ui.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.workbench.RunRecord;

/**
 * Everything one run produced: the clustering grid, its labels, the listenable outputs, which stages were
 * actually recomputed (the others came from the cache), the seconds each recomputed stage took, and the run as
 * the engine's {@link RunRecord} (the whole experiment, the clustered speech's scores, the clustering's
 * diagnostics) — what the run history keeps.
 */
public record AnalysisResult(ParameterSet parameters, Spectrum spectrum, LabelGrid labels, List<Output> outputs,
                             Set<Stage> recomputed, Map<Stage, Double> stageSeconds, RunRecord record) {
}
