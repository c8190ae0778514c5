package org.ncw.engine.cluster.strategy;

import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dataset.TfMatrix;

/** Clusters a dB spectrogram into speech and noise on its own grid. */
public interface ClusteringStrategy {

    StrategyResult fit(TfMatrix db, TaskMonitor monitor);

    /** The strategy for some options. */
    static ClusteringStrategy of(StrategyOptions options, ClusterSettings settings, ClustererFactory factory) {
        return options.strategy() == StrategyKind.COMPLETE
                ? new CompleteStrategy(options, settings, factory)
                : new ColumnByColumnStrategy(options, settings, factory);
    }
}
