package org.ncw.engine.cluster;

/** How labels are read off the spectral embedding (sklearn {@code assign_labels}). */
public enum LabelAssignment {
    /** k-means++ with n_init restarts, lowest inertia wins. */
    KMEANS,
    /** Yu and Shi (2003) multiclass discretisation. */
    DISCRETIZE,
    /** Damle, Minden and Ying (2019): pivoted QR then an SVD rotation. */
    CLUSTER_QR
}
