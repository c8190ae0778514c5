package org.ncw.engine.production;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

import java.util.Locale;

/** Butterworth high-pass at {@code hz} (-3 dB causal, -6 dB zero-phase) of the given order. */
public record HighPass(double hz, int order, boolean zeroPhase) implements ProductionStage {
    public HighPass {
        Checks.positive("highpass hz", hz);
        Stages.checkOrder(order);
    }

    /** Order 4, zero-phase. */
    public static HighPass at(double hz) {
        return new HighPass(hz, Stages.DEFAULT_ORDER, true);
    }

    @JsonCreator
    static HighPass fromJson(@JsonProperty("hz") Double hz, @JsonProperty("order") Integer order,
                             @JsonProperty("zeroPhase") Boolean zeroPhase) {
        return new HighPass(Stages.required("highpass hz", hz), Stages.or(order, Stages.DEFAULT_ORDER),
                Stages.or(zeroPhase, true));
    }

    public SosFilter design(double sampleRate) {
        return IirAdapter.butterworthHighPass(order, sampleRate, hz);
    }

    @Override
    public Signal apply(Signal input, TaskMonitor monitor) {
        return Stages.filter(input, design(input.sampleRate()), zeroPhase, monitor);
    }

    @Override
    public String describe(int sampleRate) {
        return String.format(Locale.ROOT, "high-pass %.0f Hz (Butterworth order %d, %s)", hz, order,
                Stages.phase(zeroPhase));
    }
}
