package org.ncw.engine.workbench;

import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

import java.util.List;

/** The identity: the noisy input itself (the benchmark's zero line). */
final class Unprocessed implements Method<Unprocessed.NoOptions> {
    /** A method without settings. */
    record NoOptions() {
    }

    @Override
    public String name() {
        return "unprocessed";
    }

    @Override
    public Kind kind() {
        return Kind.REFERENCE;
    }

    @Override
    public Class<NoOptions> optionsType() {
        return NoOptions.class;
    }

    @Override
    public NoOptions options(WorkbenchOptions experiment) {
        return new NoOptions();
    }

    @Override
    public MethodOutput run(Signal noisy, NoOptions options, TaskMonitor monitor) {
        return new MethodOutput(noisy, noisy.withSamples(new double[noisy.length()]), List.of("unprocessed input"));
    }
}
