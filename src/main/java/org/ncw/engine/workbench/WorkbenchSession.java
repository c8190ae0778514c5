package org.ncw.engine.workbench;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.ica.AlignedPair;
import org.ncw.engine.ica.PairSeparation;
import org.ncw.engine.ica.PairSeparationOptions;
import org.ncw.engine.ica.PairSeparationResult;
import org.ncw.engine.metrics.QualityMetrics;
import org.ncw.engine.metrics.QualityScores;
import org.ncw.engine.pipeline.ClusterPipeline;
import org.ncw.engine.pipeline.ExperimentResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One recording worked on with changing settings: the clustering {@link ClusterPipeline} (STFTs, dataset,
 * clustering, stretched labels, mask, each cached by its own options) plus the experiment's other methods, its
 * ICA stage and the scores, cached the same way, so a change recomputes only what depends on it. Methods are
 * cached under their name and options; ICA under its two input signals (the very objects the caches hold, so an
 * unchanged upstream stage means a hit), its options and the reference; scores under the signal and reference.
 * Runs are serialised; run them on a background job.
 */
public final class WorkbenchSession {
    /** One method of the run: its output, the seconds it took when computed, and whether it came from the cache. */
    public record MethodRun(Method<?> method, MethodOutput output, double seconds, boolean cached) {
    }

    /** The ICA stage's outputs (speech-ranked first). */
    public record IcaRun(String inputs, Signal speech, Signal noise, double seconds, boolean cached) {
    }

    /**
     * Everything one run produced.
     *
     * @param ica null when the stage is off or its inputs were not computed (e.g. noisy+production without the
     *            production chain)
     */
    public record Run(WorkbenchOptions options, ExperimentResult clustering, List<MethodRun> methods, IcaRun ica) {
        public Run {
            methods = List.copyOf(methods);
        }
    }

    private record Timed<T>(T value, double seconds) {
    }

    private record MethodKey(String name, Object options) {
    }

    private record IcaKey(Signal first, Signal second, Signal reference, PairSeparationOptions separation) {
    }

    private record ScoreKey(Signal estimate, Signal reference) {
    }

    private final ClusterPipeline pipeline;
    private final Map<MethodKey, Timed<MethodOutput>> methodOutputs = lru(8);
    private final Map<IcaKey, Timed<PairSeparationResult>> icaRuns = lru(4);
    private final Map<ScoreKey, QualityScores> scores = lru(64);

    public WorkbenchSession(Signal input) {
        this.pipeline = new ClusterPipeline(Checks.notNull("input", input));
    }

    public Signal input() {
        return pipeline.input();
    }

    /** The clustering stages (for callers that only cluster). */
    public ClusterPipeline pipeline() {
        return pipeline;
    }

    public Run run(WorkbenchOptions options, Signal reference, TaskMonitor monitor) {
        return run(options, reference, monitor, (db, clustering) -> { });
    }

    /**
     * Runs the clustering, every method of {@code options.methods()} and the ICA stage, reusing cached results;
     * {@code listener} hears about the labels before the rest runs. {@code reference} (may be null) is the clean
     * signal; only the ICA stage's speech ranking and {@link #score} use it.
     */
    public synchronized Run run(WorkbenchOptions options, Signal reference, TaskMonitor monitor,
                                ClusterPipeline.ClusteringListener listener) {
        Checks.notNull("options", options);
        ExperimentResult clustering = pipeline.run(options.clustering(), monitor.sub(0, 0.8), listener);
        List<MethodRun> methods = new ArrayList<>();
        int n = options.methods().size();
        for (int i = 0; i < n; i++) {
            Method<?> method = Methods.resolve(options.methods().get(i), options);
            methods.add(runMethod(method, options, monitor.sub(0.8 + 0.12 * i / n, 0.8 + 0.12 * (i + 1) / n)
                    .stage(method.name())));
        }
        IcaRun ica = options.ica().enabled()
                ? ica(options, clustering, methods, reference, monitor.sub(0.92, 1).stage("ICA")) : null;
        monitor.done();
        return new Run(options, clustering, methods, ica);
    }

    private <O> MethodRun runMethod(Method<O> method, WorkbenchOptions experiment, TaskMonitor monitor) {
        O o = method.options(experiment);
        MethodKey key = new MethodKey(method.name(), o);
        Timed<MethodOutput> cached = methodOutputs.get(key);
        boolean hit = cached != null;
        if (!hit) {
            cached = timed(() -> method.run(input(), o, monitor));
            methodOutputs.put(key, cached);
        }
        return new MethodRun(method, cached.value(), cached.seconds(), hit);
    }

    private IcaRun ica(WorkbenchOptions options, ExperimentResult clustering, List<MethodRun> methods,
                       Signal reference, TaskMonitor monitor) {
        Signal speech = clustering.separated().speech();
        String inputs = options.ica().inputs();
        Signal[] pair = switch (inputs) {
            case "speech+residue" -> new Signal[] {speech, clustering.separated().residue()};
            case "noisy+production" -> withInput(output(methods, Method.Kind.PRODUCTION, null));
            case "noisy+denoised" -> withInput(output(methods, null, Methods.BLIND_DENOISER));
            default -> new Signal[] {input(), speech};
        };
        if (pair == null) {
            return null;
        }
        IcaKey key = new IcaKey(pair[0], pair[1], reference, options.ica().separation());
        Timed<PairSeparationResult> cached = icaRuns.get(key);
        boolean hit = cached != null;
        if (!hit) {
            cached = timed(() -> {
                AlignedPair aligned = AlignedPair.align(pair[0], pair[1], reference, monitor.sub(0, 0.1));
                return PairSeparation.fit(aligned, key.separation(), monitor.sub(0.1, 1));
            });
            icaRuns.put(key, cached);
        }
        return new IcaRun(inputs, cached.value().speech(), cached.value().noise(), cached.seconds(), hit);
    }

    private Signal[] withInput(Signal second) {
        return second == null ? null : new Signal[] {input(), second};
    }

    private static Signal output(List<MethodRun> methods, Method.Kind kind, String name) {
        return methods.stream().filter(r -> kind != null ? r.method().kind() == kind : r.method().name().equals(name))
                .map(r -> r.output().output()).findFirst().orElse(null);
    }

    /** SI-SDR and STOI of an estimate against the clean reference, cached for the same two signals. */
    public synchronized QualityScores score(Signal estimate, Signal reference) {
        return scores.computeIfAbsent(new ScoreKey(estimate, reference),
                k -> QualityMetrics.score(k.reference(), k.estimate()));
    }

    private static <T> Timed<T> timed(Supplier<T> compute) {
        long t0 = System.nanoTime();
        T value = compute.get();
        return new Timed<>(value, (System.nanoTime() - t0) / 1e9);
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
