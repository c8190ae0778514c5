package org.ncw.engine.mask;

import org.ncw.engine.core.Checks;

/**
 * @param mode          how decisions become gains
 * @param reduceFactor  gain of noise bins in {@link MaskMode#REDUCE} mode, in [0, 1] (default 0.2)
 * @param softThreshold a soft mask value at or above this counts as speech in STRICT/REDUCE mode, in [0, 1]
 *                      (default 0.5)
 */
public record MaskOptions(MaskMode mode, double reduceFactor, double softThreshold) {
    public static final double DEFAULT_REDUCE_FACTOR = 0.2;
    public static final double DEFAULT_SOFT_THRESHOLD = 0.5;

    public MaskOptions {
        Checks.notNull("mode", mode);
        Checks.inRange("reduceFactor", reduceFactor, 0, 1);
        Checks.inRange("softThreshold", softThreshold, 0, 1);
    }

    /** STRICT, reduce factor 0.2, soft threshold 0.5. */
    public static MaskOptions defaults() {
        return new MaskOptions(MaskMode.STRICT, DEFAULT_REDUCE_FACTOR, DEFAULT_SOFT_THRESHOLD);
    }

    public static MaskOptions of(MaskMode mode) {
        return defaults().withMode(mode);
    }

    public MaskOptions withMode(MaskMode v) {
        return new MaskOptions(v, reduceFactor, softThreshold);
    }

    public MaskOptions withReduceFactor(double v) {
        return new MaskOptions(mode, v, softThreshold);
    }

    public MaskOptions withSoftThreshold(double v) {
        return new MaskOptions(mode, reduceFactor, v);
    }
}
