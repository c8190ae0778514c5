package org.ncw.engine.cluster;

import org.ncw.engine.core.TaskMonitor;

/** TEMPORARY STUB of the core API (branch cluster); deleted when main brings the real one. */
public interface Clusterer {
    ClusteringResult fit(double[][] x, TaskMonitor m);
}
