package org.ncw.engine.ica;

import org.ncw.engine.core.Checks;

/**
 * Loudness normalisation of ICA outputs (whose scale is arbitrary): one gain that brings the RMS to
 * {@code targetRmsDbfs}, lowered if needed so the peak stays at or below {@code ceilingDbfs}. A single gain, so
 * nothing is clipped or compressed. (The study multiplied by 40 instead, which clips loud outputs.)
 */
public record LoudnessOptions(double targetRmsDbfs, double ceilingDbfs) {
    public LoudnessOptions {
        Checks.inRange("targetRmsDbfs", targetRmsDbfs, -80, 0);
        Checks.inRange("ceilingDbfs", ceilingDbfs, -80, 0);
    }

    public static LoudnessOptions defaults() {
        return new LoudnessOptions(-20, -1);
    }

    public LoudnessOptions withTargetRmsDbfs(double value) {
        return new LoudnessOptions(value, ceilingDbfs);
    }

    public LoudnessOptions withCeilingDbfs(double value) {
        return new LoudnessOptions(targetRmsDbfs, value);
    }
}
