package org.ncw.engine.pipeline;

import org.ncw.engine.cluster.strategy.ClustererFactory;
import org.ncw.engine.cluster.strategy.ClusteringStrategy;
import org.ncw.engine.cluster.strategy.ClusterSettings;
import org.ncw.engine.cluster.strategy.DatasetKind;
import org.ncw.engine.cluster.strategy.EmbeddingCache;
import org.ncw.engine.cluster.LabelAssignment;
import org.ncw.engine.cluster.strategy.StrategyOptions;
import org.ncw.engine.cluster.strategy.StrategyResult;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.ProgressListener;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dsp.DbScale;
import org.ncw.engine.dataset.GridStretcher;
import org.ncw.engine.dsp.Intensity;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.dataset.SpectralCentroid;
import org.ncw.engine.dsp.SpectrogramMatrix;
import org.ncw.engine.dataset.Table3D;
import org.ncw.engine.dsp.ComplexSpectrogram;
import org.ncw.engine.dsp.Resolution;
import org.ncw.engine.dsp.Stft;
import org.ncw.engine.dsp.TfMatrix;
import org.ncw.engine.jobs.Job;
import org.ncw.engine.jobs.JobService;
import org.ncw.engine.mask.MaskMode;
import org.ncw.engine.mask.MaskOptions;
import org.ncw.engine.mask.Masker;
import org.ncw.engine.mask.SeparatedSignals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The clustering path for one input signal: analysis STFT -> dataset (matrix / 3-D table of the clustered
 * intensity, plus the dB matrix the speech role rule scores) -> clustering
 * strategy -> labels stretched onto the synthesis grid -> mask -> resynthesised speech and residue.
 *
 * <p>Every stage result is immutable and cached under a key made of exactly the options it depends on, so a
 * changed mask reuses the clustering, a changed clusterer reuses the STFTs, and so on. Each stage keeps its few
 * most recently used results (going back to an earlier setting in the GUI costs nothing). Runs are serialised; run them on a
 * {@link JobService} for progress and cancellation ({@link #submit}).
 */
public final class ClusterPipeline {

    private final Signal input;
    private final ClustererFactory factory;
    // bounded caches: the big STFTs few, the cheaper results a few more
    private final Map<Resolution, ComplexSpectrogram> stfts = lru(3);
    private final Map<DatasetKey, Dataset> datasets = lru(2);
    private final Map<ClusterKey, StrategyResult> clusterings = lru(4);
    private final Map<ClusterKey, EmbeddingCache> embeddings = lru(2);
    private final Map<StretchKey, LabelGrid> stretched = lru(4);
    private final Map<SeparationKey, SeparatedSignals> separations = lru(4);
    private final AtomicInteger clusterRuns = new AtomicInteger();

    private record DatasetKey(Resolution analysis, DbScale dbScale, boolean centroidDistance, Intensity intensity) {
    }

    /** The clustered table (of the chosen intensity) and the same spectrogram in dB (role rule, drawing). */
    private record Dataset(Table3D table, SpectrogramMatrix db) {
    }

    private record ClusterKey(DatasetKey dataset, StrategyOptions strategy, ClusterSettings clusterer) {
    }

    private record StretchKey(ClusterKey clustering, Resolution synthesis) {
    }

    private record SeparationKey(StretchKey labels, MaskOptions mask) {
    }

    public ClusterPipeline(Signal input) {
        this(input, ClustererFactory.core());
    }

    public ClusterPipeline(Signal input, ClustererFactory factory) {
        this.input = Checks.notNull("input", input);
        this.factory = Checks.notNull("factory", factory);
    }

    public Signal input() {
        return input;
    }

    /** Spectral embeddings computed for the settings still cached (a label assignment change reuses them). */
    public int embeddingRuns() {
        synchronized (this) {
            return embeddings.values().stream().mapToInt(EmbeddingCache::computed).sum();
        }
    }

    /** How many times the clustering stage actually ran (cache misses). */
    public int clusterRuns() {
        return clusterRuns.get();
    }

    /** Runs the experiment on a job service (progress to the listener, cancellation through the job). */
    public Job<ExperimentResult> submit(JobService jobs, ExperimentOptions options, ProgressListener progress) {
        return jobs.submit("cluster", progress, m -> run(options, m));
    }

    /** Runs every stage, reusing cached stage results. */
    public ExperimentResult run(ExperimentOptions o, TaskMonitor monitor) {
        return run(o, monitor, (analysisDb, clustering) -> { });
    }

    /** Receives the labels as soon as clustering is done, before the mask and resynthesis (the GUI draws them). */
    @FunctionalInterface
    public interface ClusteringListener {
        void clustered(SpectrogramMatrix analysisDb, StrategyResult clustering);
    }

    /** Runs every stage, reusing cached stage results; {@code listener} hears about the labels first. */
    public synchronized ExperimentResult run(ExperimentOptions o, TaskMonitor monitor, ClusteringListener listener) {
        Checks.notNull("options", o);
        List<ExperimentResult.StageTiming> timings = new ArrayList<>();
        DatasetKey dk = new DatasetKey(o.analysis(), o.dbScale(),
                o.strategy().dataset() == DatasetKind.TABLE3D && o.strategy().centroidDistance(),
                o.strategy().intensity());
        ComplexSpectrogram analysis = stage("analysis STFT", stfts, o.analysis(), timings,
                k -> Stft.forward(input, k.toStftOptions(), monitor.sub(0.0, 0.1).stage("analysis STFT")));
        Dataset data = stage("dataset", datasets, dk, timings, k -> dataset(analysis, k));
        ClusterKey ck = new ClusterKey(dk, o.strategy(), o.clusterer());
        StrategyResult clustering = stage("cluster", clusterings, ck, timings, k -> {
            clusterRuns.incrementAndGet();
            // keyed without the label assignment: kmeans -> discretize -> cluster_qr reuse the embedding
            ClusterSettings c = k.clusterer();
            ClusterKey embeddingKey = new ClusterKey(dk, k.strategy(),
                    c.withSpectral(c.spectral().withAssignLabels(LabelAssignment.KMEANS)));
            EmbeddingCache cache = embeddings.computeIfAbsent(embeddingKey, e -> new EmbeddingCache());
            return ClusteringStrategy.of(k.strategy(), c, factory)
                    .fit(data.table(), data.db().values(), cache, monitor.sub(0.1, 0.75).stage("cluster"));
        });
        listener.clustered(data.db(), clustering);
        ComplexSpectrogram synthesis = stage("synthesis STFT", stfts, o.synthesis(), timings,
                k -> Stft.forward(input, k.toStftOptions(), monitor.sub(0.75, 0.85).stage("synthesis STFT")));
        StretchKey sk = new StretchKey(ck, o.synthesis());
        LabelGrid labels = stage("stretch", stretched, sk, timings,
                k -> GridStretcher.stretch(clustering.labels(), analysis.axes(), synthesis.axes()));
        SeparatedSignals separated = stage("mask + resynthesis", separations, new SeparationKey(sk, o.mask()), timings,
                k -> separate(analysis, synthesis, clustering, labels, k.mask(),
                        monitor.sub(0.85, 1.0).stage("resynthesis")));
        monitor.done();
        return new ExperimentResult(o, data.db(), clustering, labels, separated, timings);
    }

    private static Dataset dataset(ComplexSpectrogram analysis, DatasetKey k) {
        SpectrogramMatrix db = analysis.toMatrix(Intensity.DB, k.dbScale());
        SpectrogramMatrix values = k.intensity() == Intensity.DB ? db : analysis.toMatrix(k.intensity(), k.dbScale());
        if (!k.centroidDistance()) {
            return new Dataset(Table3D.of(values), db);
        }
        return new Dataset(Table3D.withCentroidDistance(values,
                SpectralCentroid.ofRecordingHz(analysis.magnitude(), analysis.axes())), db);
    }

    /** SOFT uses the clustering's soft speech presence (stretched onto the synthesis grid) when it has one. */
    private static SeparatedSignals separate(ComplexSpectrogram analysis, ComplexSpectrogram synthesis,
                                             StrategyResult clustering, LabelGrid labels, MaskOptions mask,
                                             TaskMonitor monitor) {
        if (mask.mode() == MaskMode.SOFT && clustering.speechPresence() != null) {
            TfMatrix soft = GridStretcher.stretch(clustering.speechPresence(), analysis.axes(), synthesis.axes());
            return Masker.separate(synthesis, soft, mask, monitor);
        }
        return Masker.separate(synthesis, labels, mask, monitor);
    }

    private static <K, V> V stage(String name, Map<K, V> cache, K key, List<ExperimentResult.StageTiming> timings,
                                  Function<K, V> compute) {
        V cached = cache.get(key);
        if (cached != null) {
            timings.add(new ExperimentResult.StageTiming(name, 0.0, true));
            return cached;
        }
        long t0 = System.nanoTime();
        V value = compute.apply(key);
        cache.put(key, value);
        timings.add(new ExperimentResult.StageTiming(name, (System.nanoTime() - t0) / 1e9, false));
        return value;
    }

    private static <K, V> Map<K, V> lru(int capacity) {
        return new LinkedHashMap<>(4, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
