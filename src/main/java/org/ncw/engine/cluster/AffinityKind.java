package org.ncw.engine.cluster;

/** How the affinity graph is built (sklearn {@code SpectralClustering(affinity=...)}). */
public enum AffinityKind {
    /** exp(-gamma * ||xi - xj||^2), dense (exact) or truncated-sparse with {@code rbfTolerance > 0}. */
    RBF,
    /** kNN connectivity including self, symmetrised 0.5 * (A + A^T). */
    NEAREST_NEIGHBORS,
    /** x is already a symmetric n x n affinity matrix. */
    PRECOMPUTED
}
