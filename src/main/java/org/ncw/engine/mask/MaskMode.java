package org.ncw.engine.mask;

/** How a speech/noise decision per time-frequency bin becomes a gain on the complex spectrogram. */
public enum MaskMode {
    /** Noise bins set to zero, speech bins kept (binary mask). */
    STRICT,
    /** Noise bins scaled by {@link MaskOptions#reduceFactor()}, speech bins kept: less musical noise. */
    REDUCE,
    /** The gain is the soft mask value in [0, 1] itself. */
    SOFT
}
