package org.ncw.engine.dsp;

import java.util.Objects;

/** A real spectrogram (bins x frames) with its physical axes and what its values are. */
public record SpectrogramMatrix(TfMatrix values, TfAxes axes, Intensity intensity) {
    public SpectrogramMatrix {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(axes, "axes");
        Objects.requireNonNull(intensity, "intensity");
        if (values.bins() != axes.bins() || values.frames() != axes.frames()) {
            throw new IllegalArgumentException("values are " + values.bins() + " x " + values.frames()
                    + " but the axes are " + axes.bins() + " x " + axes.frames());
        }
    }

    public int bins() {
        return values.bins();
    }

    public int frames() {
        return values.frames();
    }
}
