package org.ncw.engine.cluster.strategy;

import org.ncw.engine.cluster.Clusterer;
import org.ncw.engine.cluster.ClusteringResult;
import org.ncw.engine.cluster.Points;
import org.ncw.engine.cluster.SpectralClusterer;
import org.ncw.engine.core.TaskMonitor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The spectral embeddings of one run's problems (one per column, or one), kept apart from the label assignment:
 * a run that differs only in {@code assignLabels} finds them here and only re-assigns labels. The owner keys a
 * cache by everything but the assignment (the pipeline does); a fresh cache makes every problem compute.
 * Thread-safe; problems are computed by the thread that asks first.
 */
public final class EmbeddingCache {
    private final Map<Integer, SpectralClusterer.Embedded> embeddings = new ConcurrentHashMap<>();
    private final AtomicInteger computed = new AtomicInteger();

    /** Embeddings computed (cache misses) so far. */
    public int computed() {
        return computed.get();
    }

    /**
     * Clusters problem {@code index}: for the core's spectral clusterer, the cached embedding (computed on a miss)
     * plus the assignment; any other clusterer runs as it is.
     */
    ClusteringResult fit(int index, Clusterer clusterer, Points x, TaskMonitor monitor) {
        if (!(clusterer instanceof SpectralClusterer spectral)) {
            return clusterer.fit(x, monitor);
        }
        SpectralClusterer.Embedded e = embeddings.computeIfAbsent(index, i -> {
            computed.incrementAndGet();
            return SpectralClusterer.embed(x, spectral.options(), monitor.sub(0, 0.8));
        });
        return SpectralClusterer.assign(e, spectral.options(), monitor.sub(0.8, 1));
    }
}
