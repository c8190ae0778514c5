package org.ncw.ui.document;

import java.util.List;
import org.ncw.ui.analysis.ParameterSet;
import org.ncw.ui.analysis.Stage;

/** One finished run: its parameters, wall time, the stages it recomputed and the share of bins labelled speech. */
public record RunRecord(ParameterSet parameters, double seconds, List<Stage> recomputed, double speechFraction) {
    public RunRecord {
        recomputed = List.copyOf(recomputed);
    }
}
