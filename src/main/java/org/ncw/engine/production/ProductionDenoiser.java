package org.ncw.engine.production;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

import java.util.ArrayList;
import java.util.List;

/** Classic "production" denoising: runs a {@link ProductionChain} and returns the output and the residue. */
public final class ProductionDenoiser {
    private ProductionDenoiser() {
    }

    public static ProductionResult fit(Signal input, ProductionChain chain) {
        return fit(input, chain, TaskMonitor.none());
    }

    public static ProductionResult fit(Signal input, ProductionChain chain, TaskMonitor monitor) {
        Checks.notNull("input", input);
        Checks.notNull("chain", chain);
        Checks.notNull("monitor", monitor);
        if (input.length() == 0) {
            throw new InvalidParameterException("input signal is empty");
        }
        List<ProductionStage> stages = chain.stages();
        List<ProductionResult.StageReport> reports = new ArrayList<>(stages.size());
        Signal current = input;
        for (int i = 0; i < stages.size(); i++) {
            ProductionStage stage = stages.get(i);
            String description = stage.describe(input.sampleRate());
            long start = System.nanoTime();
            TaskMonitor stageMonitor = monitor.stage(description)
                    .sub(i / (double) stages.size(), (i + 1) / (double) stages.size());
            Signal next = stage.apply(current, stageMonitor);
            if (next.length() != input.length() || next.sampleRate() != input.sampleRate()) {
                throw new IllegalStateException("stage '" + description + "' changed the length or sample rate");
            }
            current = next;
            reports.add(new ProductionResult.StageReport(description, (System.nanoTime() - start) / 1e9));
        }
        double[] in = input.samples();
        double[] out = current == input ? in.clone() : current.samples();
        double[] residue = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            residue[i] = in[i] - out[i];
        }
        monitor.done();
        return new ProductionResult(input.withSamples(out), input.withSamples(residue), reports);
    }
}
