package org.ncw.engine.cluster;

/** Optional per-feature scaling applied before the affinity is built. */
public enum FeatureScaling {
    NONE,
    /** (x - mean) / std per feature (std 0 leaves the feature centred). */
    STANDARDIZE,
    /** (x - min) / (max - min) per feature (constant features become 0). */
    MIN_MAX
}
