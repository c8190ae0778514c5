package org.ncw.ui.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.metrics.QualityScores;
import org.ncw.engine.pipeline.ClusterPipeline;
import org.ncw.engine.pipeline.ExperimentResult;

/**
 * One workbench run: the engine's {@link ClusterPipeline} (STFT, dataset, clustering, mask, each stage cached by
 * its own options) plus the stages the workbench adds around it: production chain, blind denoiser, ICA and
 * the scores. Those are cached here the same way, so a change recomputes only what depends on it. Runs are serialised; callers run this
 * on a background job.
 */
public final class AnalysisSession {
    private record Key(Signal input, Signal reference, Map<String, Object> params) { }

    private record Cached<T>(Key key, T value, double seconds) { }

    /** Labels of the clustering grid, published before production, ICA and scores run. */
    public record Labels(Spectrum spectrum, LabelGrid labels) { }

    private static final Set<String> SWITCHES = Set.of("production", "denoiser", "ica");

    private ClusterPipeline pipeline;
    private final Map<String, Double> pipelineSeconds = new java.util.HashMap<>();
    private Cached<Signal> production;
    private Cached<Signal> denoised;
    private Cached<Signal[]> ica;

    public AnalysisResult run(Signal input, Signal reference, ParameterSet p, TaskMonitor monitor) {
        return run(input, reference, p, monitor, l -> { });
    }

    /** Runs every stage; {@code labelsReady} gets the labels as soon as they exist, so a view can show them early. */
    public synchronized AnalysisResult run(Signal input, Signal reference, ParameterSet p, TaskMonitor monitor,
                                           Consumer<Labels> labelsReady) {
        if (pipeline == null || pipeline.input() != input) {
            pipeline = new ClusterPipeline(input);
            pipelineSeconds.clear();
        }
        Set<Stage> recomputed = EnumSet.noneOf(Stage.class);
        Map<Stage, Double> seconds = new EnumMap<>(Stage.class);
        ExperimentResult experiment = pipeline.run(EngineBridge.experimentOptions(p), monitor.sub(0, 0.8),
                (db, clustering) -> labelsReady.accept(new Labels(EngineBridge.spectrum(db, input.sampleRate()),
                        clustering.labels())));
        for (ExperimentResult.StageTiming t : experiment.stages()) {
            if (!t.cached()) {
                pipelineSeconds.put(t.stage(), t.seconds());
                Stage s = pipelineStage(t.stage());
                recomputed.add(s);
                seconds.merge(s, t.seconds(), Double::sum);
            }
        }
        Spectrum grid = EngineBridge.spectrum(experiment.analysisDb(), input.sampleRate());
        LabelGrid labels = experiment.clustering().labels();
        Signal speech = experiment.separated().speech();
        Signal residue = experiment.separated().residue();

        if (p.flag("production")) {
            production = reuseOr(production, new Key(input, null, p.project(Stage.PRODUCTION)), Stage.PRODUCTION,
                    recomputed, seconds, () -> EngineBridge.production(input, p,
                            monitor.sub(0.8, 0.86).stage("production")));
        }
        if (p.flag("denoiser")) {
            denoised = reuseOr(denoised, new Key(input, null, p.project(Stage.DENOISER)), Stage.DENOISER,
                    recomputed, seconds, () -> EngineBridge.denoise(input, p,
                            monitor.sub(0.86, 0.92).stage("blind denoiser")));
        }
        if (p.flag("ica")) {
            Set<Stage> deps = EnumSet.of(Stage.ICA, Stage.CLUSTER);
            deps.addAll(switch (p.text("icaInputs")) {
                case "noisy+production" -> EnumSet.of(Stage.PRODUCTION);
                case "noisy+denoised" -> EnumSet.of(Stage.DENOISER);
                default -> EnumSet.of(Stage.SPECTROGRAM, Stage.DATASET, Stage.MASK);
            });
            ica = reuseOr(ica, new Key(input, reference, p.project(deps)), Stage.ICA, recomputed, seconds, () -> {
                Signal[] pair = switch (p.text("icaInputs")) {
                    case "speech+residue" -> new Signal[] {speech, residue};
                    case "noisy+production" -> p.flag("production") ? new Signal[] {input, production.value()} : null;
                    case "noisy+denoised" -> p.flag("denoiser") ? new Signal[] {input, denoised.value()} : null;
                    default -> new Signal[] {input, speech};
                };
                return pair == null ? new Signal[0]
                        : EngineBridge.ica(pair[0], pair[1], reference, p, monitor.sub(0.92, 1).stage("ICA"));
            });
        }
        monitor.done();

        // a reused stage reports 0 s; the result shows what it took when it was computed, as for the other stages
        double clusterSeconds = experiment.stages().stream()
                .mapToDouble(t -> pipelineSeconds.getOrDefault(t.stage(), t.seconds())).sum();
        String clusterSettings = summary(p, EnumSet.of(Stage.SPECTROGRAM, Stage.DATASET, Stage.CLUSTER, Stage.MASK));
        List<Output> outputs = new ArrayList<>();
        outputs.add(new Output("Original", Output.Kind.ORIGINAL, input, "input recording", 0, Double.NaN, Double.NaN));
        if (p.flag("denoiser")) {
            outputs.add(new Output("Denoised", Output.Kind.DENOISED, denoised.value(),
                    "blind denoiser: " + summary(p, EnumSet.of(Stage.DENOISER)), denoised.seconds(), Double.NaN,
                    Double.NaN));
        }
        if (p.flag("production")) {
            outputs.add(new Output("Production", Output.Kind.PRODUCTION, production.value(),
                    summary(p, EnumSet.of(Stage.PRODUCTION)), production.seconds(), Double.NaN, Double.NaN));
        }
        outputs.add(new Output("Speech", Output.Kind.SPEECH, speech, clusterSettings, clusterSeconds, Double.NaN,
                Double.NaN));
        outputs.add(new Output("Residue", Output.Kind.RESIDUE, residue, clusterSettings, clusterSeconds, Double.NaN,
                Double.NaN));
        if (p.flag("ica") && ica != null) {
            for (int i = 0; i < ica.value().length; i++) {
                outputs.add(new Output(i == 0 ? "ICA speech" : "ICA noise", Output.Kind.ICA, ica.value()[i],
                        summary(p, EnumSet.of(Stage.ICA)), ica.seconds(), Double.NaN, Double.NaN));
            }
        }
        if (reference != null) {
            outputs.replaceAll(o -> {
                QualityScores q = EngineBridge.score(o.signal(), reference);
                return o.withScores(q.siSdrDb(), q.stoi());
            });
        }
        return new AnalysisResult(p, grid, labels, List.copyOf(outputs), recomputed, seconds);
    }

    private static Stage pipelineStage(String name) {
        return switch (name) {
            case "analysis STFT", "synthesis STFT" -> Stage.SPECTROGRAM;
            case "dataset" -> Stage.DATASET;
            case "cluster" -> Stage.CLUSTER;
            default -> Stage.MASK;
        };
    }

    private static <T> Cached<T> reuseOr(Cached<T> cached, Key key, Stage stage, Set<Stage> recomputed,
                                         Map<Stage, Double> seconds, Supplier<T> compute) {
        if (cached != null && cached.key().equals(key)) {
            return cached;
        }
        long t0 = System.nanoTime();
        T value = compute.get();
        double s = (System.nanoTime() - t0) / 1e9;
        recomputed.add(stage);
        seconds.put(stage, s);
        return new Cached<>(key, value, s);
    }

    static String summary(ParameterSet p, Set<Stage> stages) {
        StringBuilder sb = new StringBuilder();
        // the on/off switches are implied by the result being there; "preset" fields keep the preset's value
        p.project(stages).forEach((k, v) -> {
            if (!SWITCHES.contains(k) && !ParamSpec.PRESET.equals(v)) {
                sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(ParamCatalog.get(k).format(v));
            }
        });
        return sb.toString();
    }
}
