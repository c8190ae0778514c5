package org.ncw.engine.cluster;

import java.util.Objects;
import org.ncw.engine.core.TaskMonitor;

/** A clusterer bound to its options; an array of rows is fitted as {@link Points}. */
abstract class OptionsClusterer<O> implements Clusterer {
    final O options;

    OptionsClusterer(O options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public final ClusteringResult fit(double[][] x, TaskMonitor monitor) {
        return fit(Points.of(x), monitor);
    }

    @Override
    public abstract ClusteringResult fit(Points points, TaskMonitor monitor);
}
