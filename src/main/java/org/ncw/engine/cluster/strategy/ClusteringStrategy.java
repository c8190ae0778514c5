package org.ncw.engine.cluster.strategy;

import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dsp.SpectrogramMatrix;
import org.ncw.engine.dataset.Table3D;
import org.ncw.engine.dsp.TfMatrix;

/**
 * Clusters a spectrogram into speech and noise on its own grid. The input is the 3-D table (which wraps the
 * spectrogram matrix of the clustered intensity): matrix datasets use its matrix, table datasets its rows,
 * including the centroid distance column when the table has one. The speech role rule scores points in dB.
 */
public interface ClusteringStrategy {

    /**
     * @param db         the same spectrogram in dB (what the speech role rule scores)
     * @param embeddings spectral embeddings of earlier runs with the same settings but the label assignment
     */
    StrategyResult fit(Table3D data, TfMatrix db, EmbeddingCache embeddings, TaskMonitor monitor);

    /** As {@link #fit(Table3D, TfMatrix, EmbeddingCache, TaskMonitor)} computing every embedding. */
    default StrategyResult fit(Table3D data, TfMatrix db, TaskMonitor monitor) {
        return fit(data, db, new EmbeddingCache(), monitor);
    }

    /** As {@link #fit(Table3D, TfMatrix, TaskMonitor)} with the table's values in dB (librosa's defaults). */
    default StrategyResult fit(Table3D data, TaskMonitor monitor) {
        return fit(data, Features.decibels(data.matrix()), monitor);
    }

    default StrategyResult fit(SpectrogramMatrix values, TaskMonitor monitor) {
        return fit(Table3D.of(values), monitor);
    }

    /** The strategy for some options. */
    static ClusteringStrategy of(StrategyOptions options, ClusterSettings settings, ClustererFactory factory) {
        return options.strategy() == StrategyKind.COMPLETE
                ? new CompleteStrategy(options, settings, factory)
                : new ColumnByColumnStrategy(options, settings, factory);
    }
}
