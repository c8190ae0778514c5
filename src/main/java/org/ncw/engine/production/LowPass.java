package org.ncw.engine.production;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

import java.util.Locale;

/**
 * Butterworth low-pass at {@code hz} (-3 dB causal, -6 dB zero-phase). At or above the signal's Nyquist frequency
 * there is nothing to remove, so the stage passes the signal through unchanged (a chain written for 44.1 kHz
 * material still runs on 16 kHz files).
 */
public record LowPass(double hz, int order, boolean zeroPhase) implements ProductionStage {
    public LowPass {
        Checks.positive("lowpass hz", hz);
        Stages.checkOrder(order);
    }

    /** Order 4, zero-phase. */
    public static LowPass at(double hz) {
        return new LowPass(hz, Stages.DEFAULT_ORDER, true);
    }

    @JsonCreator
    static LowPass fromJson(@JsonProperty("hz") Double hz, @JsonProperty("order") Integer order,
                            @JsonProperty("zeroPhase") Boolean zeroPhase) {
        return new LowPass(Stages.required("lowpass hz", hz), Stages.or(order, Stages.DEFAULT_ORDER),
                Stages.or(zeroPhase, true));
    }

    /** True when the cutoff is below Nyquist at this rate, i.e. the stage changes the signal. */
    public boolean activeAt(double sampleRate) {
        return hz < sampleRate / 2;
    }

    /** The filter at this rate; the identity when the cutoff is at or above Nyquist. */
    public SosFilter design(double sampleRate) {
        return activeAt(sampleRate) ? IirAdapter.butterworthLowPass(order, sampleRate, hz) : SosFilter.identity();
    }

    @Override
    public Signal apply(Signal input, TaskMonitor monitor) {
        if (!activeAt(input.sampleRate())) {
            monitor.done();
            return input.copy();
        }
        return Stages.filter(input, design(input.sampleRate()), zeroPhase, monitor);
    }

    @Override
    public String describe(int sampleRate) {
        if (!activeAt(sampleRate)) {
            return String.format(Locale.ROOT, "low-pass %.0f Hz skipped (not below Nyquist %d Hz)", hz, sampleRate / 2);
        }
        return String.format(Locale.ROOT, "low-pass %.0f Hz (Butterworth order %d, %s)", hz, order,
                Stages.phase(zeroPhase));
    }
}
