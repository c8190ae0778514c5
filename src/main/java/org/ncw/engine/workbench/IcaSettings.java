package org.ncw.engine.workbench;

import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.ica.PairSeparationOptions;

import java.util.List;

/**
 * The workbench's ICA stage: FastICA on a pair of signals of the run.
 *
 * @param enabled    whether the workbench runs it
 * @param inputs     the pair: one of {@link #INPUTS}
 * @param separation pair separation (FastICA) options
 */
public record IcaSettings(boolean enabled, String inputs, PairSeparationOptions separation) {
    /** The pairs the stage can separate (the first is the default). */
    public static final List<String> INPUTS = List.of("noisy+speech", "speech+residue", "noisy+production",
            "noisy+denoised");

    public IcaSettings {
        inputs = inputs == null ? INPUTS.get(0) : inputs;
        if (!INPUTS.contains(inputs)) {
            throw new InvalidParameterException("ica.inputs must be one of " + INPUTS + ", got '" + inputs + "'");
        }
        separation = separation == null ? PairSeparationOptions.defaults() : separation;
    }

    public static IcaSettings defaults() {
        return new IcaSettings(true, INPUTS.get(0), PairSeparationOptions.defaults());
    }

    public IcaSettings withEnabled(boolean v) {
        return new IcaSettings(v, inputs, separation);
    }

    public IcaSettings withInputs(String v) {
        return new IcaSettings(enabled, v, separation);
    }

    public IcaSettings withSeparation(PairSeparationOptions v) {
        return new IcaSettings(enabled, inputs, v);
    }
}
