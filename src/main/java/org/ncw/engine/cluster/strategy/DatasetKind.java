package org.ncw.engine.cluster.strategy;

/** How a dB spectrogram is presented to a clusterer. */
public enum DatasetKind {
    /**
     * The spectrogram matrix itself, as the study passed it to scikit-learn: complete = one sample per frequency
     * bin (row) with the bin's dB over all frames as features; column-by-column = one sample per bin with its
     * dB intensity as the only feature.
     */
    MATRIX,
    /** The 3-D table: one sample per time-frequency point with features (frame, bin, dB[, centroid distance]). */
    TABLE3D
}
