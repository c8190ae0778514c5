package org.ncw.engine.production;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A parametric EQ: RBJ biquad bands in series. Zero-phase mode designs every band with half its dB gain and runs
 * the cascade forward and backward, so the gain at each band's frequency is still {@code gainDb}, with no delay.
 */
public record ParametricEq(List<EqBand> bands, boolean zeroPhase) implements ProductionStage {
    public ParametricEq {
        Checks.notNull("eq bands", bands);
        if (bands.isEmpty()) {
            throw new InvalidParameterException("eq bands must list at least one band");
        }
        bands = List.copyOf(bands);
    }

    @JsonCreator
    static ParametricEq fromJson(@JsonProperty("bands") List<EqBand> bands, @JsonProperty("zeroPhase") Boolean zeroPhase) {
        return new ParametricEq(Stages.required("eq bands", bands), Stages.or(zeroPhase, true));
    }

    /** The cascade of all bands as applied in one pass (half gains in zero-phase mode). */
    public SosFilter design(double sampleRate) {
        SosFilter all = SosFilter.identity();
        for (EqBand band : bands) {
            all = all.then(band.design(sampleRate, zeroPhase ? 0.5 : 1.0));
        }
        return all;
    }

    @Override
    public Signal apply(Signal input, TaskMonitor monitor) {
        return Stages.filter(input, design(input.sampleRate()), zeroPhase, monitor);
    }

    @Override
    public String describe(int sampleRate) {
        return "EQ " + bands.stream().map(EqBand::toString).collect(Collectors.joining(", "))
                + " (" + Stages.phase(zeroPhase) + ")";
    }
}
