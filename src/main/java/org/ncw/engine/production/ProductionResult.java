package org.ncw.engine.production;

import org.ncw.engine.core.Signal;

import java.util.List;

/**
 * The outcome of a production chain: the denoised {@code output}, the {@code residue} (input minus output, sample
 * aligned, so listening to it tells what was removed) and one report per stage.
 */
public record ProductionResult(Signal output, Signal residue, List<StageReport> stages) {
    public ProductionResult {
        stages = List.copyOf(stages);
    }

    /** What one stage did and how long it took. */
    public record StageReport(String description, double seconds) {
    }

    /** Total run time of all stages in seconds. */
    public double seconds() {
        return stages.stream().mapToDouble(StageReport::seconds).sum();
    }
}
