package org.ncw.engine.cluster.strategy;

import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dsp.SpectrogramMatrix;
import org.ncw.engine.dataset.Table3D;

/**
 * Clusters a dB spectrogram into speech and noise on its own grid. The input is the 3-D table (which wraps the
 * spectrogram matrix): matrix datasets use its matrix, table datasets its rows, including the centroid distance
 * column when the table has one.
 */
public interface ClusteringStrategy {

    StrategyResult fit(Table3D data, TaskMonitor monitor);

    default StrategyResult fit(SpectrogramMatrix db, TaskMonitor monitor) {
        return fit(Table3D.of(db), monitor);
    }

    /** The strategy for some options. */
    static ClusteringStrategy of(StrategyOptions options, ClusterSettings settings, ClustererFactory factory) {
        return options.strategy() == StrategyKind.COMPLETE
                ? new CompleteStrategy(options, settings, factory)
                : new ColumnByColumnStrategy(options, settings, factory);
    }
}
