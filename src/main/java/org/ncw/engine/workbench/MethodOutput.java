package org.ncw.engine.workbench;

import org.ncw.engine.cluster.strategy.ClusterDiagnostics;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.Signal;

import java.util.List;

/**
 * What a {@link Method} returns.
 *
 * @param output      the denoised signal (same rate and length as the input)
 * @param residue     what was removed (input - output unless the method separates it otherwise)
 * @param details     lines describing what the method did (the first one is its summary)
 * @param diagnostics what the clustering looked like, for a method that clusters ({@link ClusterDiagnostics#none()}
 *                    otherwise); a sweep's leaderboard reports it per run
 */
public record MethodOutput(Signal output, Signal residue, List<String> details, ClusterDiagnostics diagnostics) {
    public MethodOutput {
        Checks.notNull("output", output);
        Checks.notNull("residue", residue);
        details = List.copyOf(details);
        diagnostics = diagnostics == null ? ClusterDiagnostics.none() : diagnostics;
    }

    /** An output of a method that does not cluster. */
    public MethodOutput(Signal output, Signal residue, List<String> details) {
        this(output, residue, details, null);
    }

    /** An output whose residue is {@code input - output}, sample by sample. */
    public static MethodOutput subtracting(Signal input, Signal output, List<String> details) {
        double[] x = input.samples();
        double[] y = output.samples();
        double[] residue = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            residue[i] = x[i] - (i < y.length ? y[i] : 0);
        }
        return new MethodOutput(output, input.withSamples(residue), details);
    }
}
