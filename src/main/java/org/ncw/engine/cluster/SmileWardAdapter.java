package org.ncw.engine.cluster;

import smile.clustering.HierarchicalClustering;
import smile.clustering.linkage.WardLinkage;

/** Ward-linkage agglomerative clustering through Smile's {@code HierarchicalClustering}. */
final class SmileWardAdapter {
    private SmileWardAdapter() {
    }

    /** Cluster labels in [0, k) after cutting the Ward dendrogram into k clusters. */
    static int[] ward(double[][] rows, int k) {
        HierarchicalClustering tree = HierarchicalClustering.fit(WardLinkage.of(rows));
        return tree.partition(k);
    }
}
