package org.ncw.ui.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.metrics.QualityScores;
import org.ncw.engine.pipeline.ExperimentResult;
import org.ncw.engine.workbench.Method;
import org.ncw.engine.workbench.Methods;
import org.ncw.engine.workbench.RunRecord;
import org.ncw.engine.workbench.WorkbenchOptions;
import org.ncw.engine.workbench.WorkbenchSession;
import org.ncw.engine.cluster.strategy.ClusterDiagnostics;

/**
 * One workbench run: a thin client of the engine's {@link WorkbenchSession} (clustering stages, the experiment's
 * methods, ICA and scores, each cached by what it depends on), turning its run into the listenable
 * {@link Output}s and the stages that were recomputed. Runs are serialised; callers run this on a background job.
 */
public final class AnalysisSession {
    /** Labels of the clustering grid, published before production, ICA and scores run. */
    public record Labels(Spectrum spectrum, LabelGrid labels) { }

    private static final Set<String> SWITCHES = Set.of("production", "denoiser", "ica");

    private WorkbenchSession session;
    private final Map<String, Double> pipelineSeconds = new HashMap<>();

    public AnalysisResult run(Signal input, Signal reference, ParameterSet p, TaskMonitor monitor) {
        return run(input, reference, p, monitor, l -> { });
    }

    /** Runs every stage; {@code labelsReady} gets the labels as soon as they exist, so a view can show them early. */
    public synchronized AnalysisResult run(Signal input, Signal reference, ParameterSet p, TaskMonitor monitor,
                                           Consumer<Labels> labelsReady) {
        if (session == null || session.input() != input) {
            session = new WorkbenchSession(input);
            pipelineSeconds.clear();
        }
        Set<Stage> recomputed = EnumSet.noneOf(Stage.class);
        Map<Stage, Double> seconds = new EnumMap<>(Stage.class);
        WorkbenchSession.Run run = session.run(p.toOptions(), reference, monitor,
                (db, clustering) -> labelsReady.accept(new Labels(EngineBridge.spectrum(db, input.sampleRate()),
                        clustering.labels())));
        ExperimentResult experiment = run.clustering();
        for (ExperimentResult.StageTiming t : experiment.stages()) {
            if (!t.cached()) {
                pipelineSeconds.put(t.stage(), t.seconds());
                Stage s = pipelineStage(t.stage());
                recomputed.add(s);
                seconds.merge(s, t.seconds(), Double::sum);
            }
        }
        for (WorkbenchSession.MethodRun m : run.methods()) {
            if (!m.cached()) {
                Stage s = stageOf(m.method());
                recomputed.add(s);
                seconds.merge(s, m.seconds(), Double::sum);
            }
        }
        if (p.flag("ica") && (run.ica() == null || !run.ica().cached())) {
            recomputed.add(Stage.ICA);
            seconds.put(Stage.ICA, run.ica() == null ? 0 : run.ica().seconds());
        }

        // a reused stage reports 0 s; the result shows what it took when it was computed, as for the other stages
        double clusterSeconds = experiment.stages().stream()
                .mapToDouble(t -> pipelineSeconds.getOrDefault(t.stage(), t.seconds())).sum();
        String clusterSettings = summary(p, EnumSet.of(Stage.SPECTROGRAM, Stage.DATASET, Stage.CLUSTER, Stage.MASK));
        List<Output> outputs = new ArrayList<>();
        outputs.add(new Output("Original", Output.Kind.ORIGINAL, input, "input recording", 0, Double.NaN, Double.NaN));
        for (WorkbenchSession.MethodRun m : run.methods()) {
            if (m.method().kind() == Method.Kind.DENOISER) {
                boolean blind = m.method().name().equals(Methods.BLIND_DENOISER);
                outputs.add(new Output(blind ? "Denoised" : m.method().name(), Output.Kind.DENOISED,
                        m.output().output(), blind ? "blind denoiser: " + summary(p, EnumSet.of(Stage.DENOISER), k -> k.startsWith("denoiser"))
                        : m.output().details().get(0), m.seconds(), Double.NaN, Double.NaN));
            }
        }
        for (WorkbenchSession.MethodRun m : run.methods()) {
            if (m.method().kind() == Method.Kind.PRODUCTION) {
                outputs.add(new Output("Production", Output.Kind.PRODUCTION, m.output().output(),
                        summary(p, EnumSet.of(Stage.PRODUCTION)), m.seconds(), Double.NaN, Double.NaN));
            }
        }
        outputs.add(new Output("Speech", Output.Kind.SPEECH, experiment.separated().speech(), clusterSettings,
                clusterSeconds, Double.NaN, Double.NaN));
        outputs.add(new Output("Residue", Output.Kind.RESIDUE, experiment.separated().residue(), clusterSettings,
                clusterSeconds, Double.NaN, Double.NaN));
        if (run.ica() != null) {
            String icaSettings = summary(p, EnumSet.of(Stage.ICA));
            outputs.add(new Output("ICA speech", Output.Kind.ICA, run.ica().speech(), icaSettings,
                    run.ica().seconds(), Double.NaN, Double.NaN));
            outputs.add(new Output("ICA noise", Output.Kind.ICA, run.ica().noise(), icaSettings,
                    run.ica().seconds(), Double.NaN, Double.NaN));
        }
        if (reference != null) {
            outputs.replaceAll(o -> {
                QualityScores q = session.score(o.signal(), reference);
                return o.withScores(q.siSdrDb(), q.stoi(), q.estoi());
            });
        }
        return new AnalysisResult(p, EngineBridge.spectrum(experiment.analysisDb(), input.sampleRate()),
                experiment.clustering().labels(), List.copyOf(outputs), recomputed, seconds,
                record(p, input, experiment, outputs, clusterSeconds));
    }

    /**
     * The run as the engine's {@link RunRecord}: the experiment's clustering (the method the labels come from)
     * with the clustered speech's scores and their gain over the original, the clustering's wall time and its
     * diagnostics.
     */
    private static RunRecord record(ParameterSet p, Signal input, ExperimentResult experiment, List<Output> outputs,
                                    double clusterSeconds) {
        WorkbenchOptions options = p.toOptions();
        Output original = outputs.get(0);
        Output speech = outputs.stream().filter(o -> o.kind() == Output.Kind.SPEECH).findFirst().orElse(original);
        ClusterDiagnostics d = experiment.clustering().diagnostics();
        List<String> warnings = experiment.clustering().warnings();
        String method = Methods.resolve(Methods.CLUSTER_ALIAS, options).name();
        return new RunRecord("", "", "", Map.of(), method, options, speech.siSdr(), speech.stoi(),
                speech.siSdr() - original.siSdr(), speech.stoi() - original.stoi(), clusterSeconds,
                input.durationSeconds(), d.problems(), d.problems() > 0 ? 100 * d.degenerateFraction() : Double.NaN,
                d.effectiveGamma(), String.format(java.util.Locale.ROOT, "%.1f %% of the analysis bins are speech",
                100 * experiment.clustering().labels().speechFraction()), warnings, "");
    }

    private static Stage stageOf(Method<?> method) {
        return switch (method.kind()) {
            case PRODUCTION -> Stage.PRODUCTION;
            case ICA -> Stage.ICA;
            case CLUSTERING -> Stage.CLUSTER;
            default -> Stage.DENOISER;
        };
    }

    private static Stage pipelineStage(String name) {
        return switch (name) {
            case "analysis STFT", "synthesis STFT" -> Stage.SPECTROGRAM;
            case "dataset" -> Stage.DATASET;
            case "cluster" -> Stage.CLUSTER;
            default -> Stage.MASK;
        };
    }

    static String summary(ParameterSet p, Set<Stage> stages) {
        return summary(p, stages, k -> true);
    }

    /** ... only the keys {@code shown} accepts (the blind denoiser's result leaves out the streaming settings). */
    static String summary(ParameterSet p, Set<Stage> stages, java.util.function.Predicate<String> shown) {
        StringBuilder sb = new StringBuilder();
        // the on/off switches are implied by the result being there; "preset" fields keep the preset's value
        p.project(stages).forEach((k, v) -> {
            if (shown.test(k) && !SWITCHES.contains(k) && !k.startsWith("method:") && !ParamSpec.PRESET.equals(v)) {
                sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(ParamCatalog.get(k).format(v));
            }
        });
        return sb.toString();
    }
}
