package org.ncw.engine.production;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

import java.util.Locale;

/**
 * Butterworth band-pass between {@code lowHz} and {@code highHz} ({@code 2 * order} poles, like scipy). When
 * {@code highHz} is at or above the signal's Nyquist frequency only the lower edge remains, so the stage acts as
 * a high-pass at {@code lowHz}.
 */
public record BandPass(double lowHz, double highHz, int order, boolean zeroPhase) implements ProductionStage {
    public BandPass {
        Checks.positive("bandpass lowHz", lowHz);
        Checks.positive("bandpass highHz", highHz);
        if (!(lowHz < highHz)) {
            throw new InvalidParameterException("bandpass lowHz must be below highHz, got " + lowHz + " and " + highHz);
        }
        Stages.checkOrder(order);
    }

    @JsonCreator
    static BandPass fromJson(@JsonProperty("lowHz") Double lowHz, @JsonProperty("highHz") Double highHz,
                             @JsonProperty("order") Integer order, @JsonProperty("zeroPhase") Boolean zeroPhase) {
        return new BandPass(Stages.required("bandpass lowHz", lowHz), Stages.required("bandpass highHz", highHz),
                Stages.or(order, Stages.DEFAULT_ORDER), Stages.or(zeroPhase, true));
    }

    private boolean upperEdgeAt(double sampleRate) {
        return highHz < sampleRate / 2;
    }

    public SosFilter design(double sampleRate) {
        return upperEdgeAt(sampleRate)
                ? IirAdapter.butterworthBandPass(order, sampleRate, lowHz, highHz)
                : IirAdapter.butterworthHighPass(order, sampleRate, lowHz);
    }

    @Override
    public Signal apply(Signal input, TaskMonitor monitor) {
        return Stages.filter(input, design(input.sampleRate()), zeroPhase, monitor);
    }

    @Override
    public String describe(int sampleRate) {
        if (!upperEdgeAt(sampleRate)) {
            return String.format(Locale.ROOT, "band-pass %.0f-%.0f Hz as high-pass %.0f Hz (upper edge not below"
                    + " Nyquist %d Hz; order %d, %s)", lowHz, highHz, lowHz, sampleRate / 2, order, Stages.phase(zeroPhase));
        }
        return String.format(Locale.ROOT, "band-pass %.0f-%.0f Hz (Butterworth order %d, %s)", lowHz, highHz, order,
                Stages.phase(zeroPhase));
    }
}
