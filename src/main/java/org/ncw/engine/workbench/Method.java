package org.ncw.engine.workbench;

import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.denoise.DenoisingMethod;

/**
 * One way of turning a noisy recording into an estimate of its speech, blind (no clean reference). Every method
 * of the project is one of these, listed once in {@link Methods}; the workbench, {@code ncw denoise --method},
 * {@code bench-quality} and the benchmarks all take them from there.
 *
 * @param <O> the options record the method runs with
 */
public interface Method<O> {
    /** What kind of method this is; the workbench shows each kind in its place. */
    enum Kind { REFERENCE, PRODUCTION, CLUSTERING, ICA, DENOISER }

    /** Short unique name, e.g. "blind-denoiser", "production:default", "cluster:column/matrix/strict". */
    String name();

    Kind kind();

    /** The options record this method runs with. */
    Class<O> optionsType();

    /** This method's options within an experiment (its own block, with what its name fixes applied). */
    O options(WorkbenchOptions experiment);

    /** The estimate of the speech in {@code noisy} (same rate and length), what was removed, and what was done. */
    MethodOutput run(Signal noisy, O options, TaskMonitor monitor);

    /** Runs with this method's options taken from {@code experiment}. */
    default MethodOutput run(Signal noisy, WorkbenchOptions experiment, TaskMonitor monitor) {
        return run(noisy, options(experiment), monitor);
    }

    /** This method with its options fixed from {@code experiment}, as the quality benchmark runs it. */
    default DenoisingMethod bound(WorkbenchOptions experiment) {
        O options = options(experiment);
        return DenoisingMethod.of(name(), (noisy, monitor) -> run(noisy, options, monitor).output());
    }
}
