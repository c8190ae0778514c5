package org.ncw.engine.production;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

/**
 * One step of a {@link ProductionChain}: takes a signal and returns a new one of the same length and rate.
 * Stages are immutable option records that validate themselves; in JSON each carries its kind in {@code "type"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = HighPass.class, name = "highpass"),
        @JsonSubTypes.Type(value = LowPass.class, name = "lowpass"),
        @JsonSubTypes.Type(value = BandPass.class, name = "bandpass"),
        @JsonSubTypes.Type(value = ParametricEq.class, name = "eq"),
        @JsonSubTypes.Type(value = SpectralMedianFloor.class, name = "median-floor"),
        @JsonSubTypes.Type(value = SpectralCentroidFloor.class, name = "centroid-floor"),
        @JsonSubTypes.Type(value = SpectralGate.class, name = "gate"),
})
public sealed interface ProductionStage permits HighPass, LowPass, BandPass, ParametricEq, SpectralStage {

    /** Runs the stage; never modifies {@code input}. */
    Signal apply(Signal input, TaskMonitor monitor);

    /** One line for summaries, saying what the stage does at this sample rate (or that it is skipped). */
    String describe(int sampleRate);
}
