package org.ncw.engine.metrics;

import java.util.Objects;

/** Shared argument checks of the reference-based metrics. */
final class SignalPair {
    private SignalPair() {
    }

    /** The common length of reference and estimate; both must be non-empty. */
    static int commonLength(double[] reference, double[] estimate) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(estimate, "estimate");
        int n = Math.min(reference.length, estimate.length);
        if (n == 0) {
            throw new IllegalArgumentException("cannot score an empty signal (reference has " + reference.length
                    + " samples, estimate " + estimate.length + ")");
        }
        return n;
    }
}
