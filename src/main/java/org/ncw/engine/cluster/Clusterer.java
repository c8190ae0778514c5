package org.ncw.engine.cluster;

import org.ncw.engine.core.TaskMonitor;

/** Partitions points (rows of {@code x}, columns = features) into clusters. */
public interface Clusterer {
    ClusteringResult fit(double[][] x, TaskMonitor monitor);

    /** Same as {@link #fit(double[][], TaskMonitor)} on row-major points; override to avoid the copy. */
    default ClusteringResult fit(Points points, TaskMonitor monitor) {
        return fit(points.toRows(), monitor);
    }
}
