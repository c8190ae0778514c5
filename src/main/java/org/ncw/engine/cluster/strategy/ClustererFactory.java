package org.ncw.engine.cluster.strategy;

import org.ncw.engine.cluster.Clusterer;

/** Makes the clusterer for some settings; the pipeline's tests inject counting ones. */
@FunctionalInterface
public interface ClustererFactory {
    Clusterer create(ClusterSettings settings);
}
