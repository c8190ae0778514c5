package org.ncw.ui.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.metrics.QualityScores;

/**
 * Runs the analysis stages with a cache per stage: an artefact is recomputed only when the parameters of the
 * stages it depends on (or the input) changed. Runs are serialised; callers run this on a background thread.
 */
public final class AnalysisSession {
    private record Key(Signal input, Signal reference, Map<String, Object> params) {
        Key(Signal input, Map<String, Object> params) {
            this(input, null, params);
        }
    }

    private record Cached<T>(Key key, T value, double seconds) { }

    private Cached<Spectrum> spectrum;
    private Cached<Spectrum> maskGrid;
    private Cached<LabelGrid> labels;
    private Cached<Signal[]> separated;
    private Cached<Signal> production;
    private Cached<Signal[]> ica;

    public synchronized AnalysisResult run(Signal input, Signal reference, ParameterSet p, TaskMonitor monitor) {
        Set<Stage> recomputed = EnumSet.noneOf(Stage.class);
        Map<Stage, Double> seconds = new EnumMap<>(Stage.class);

        Key specKey = new Key(input, p.project(Stage.SPECTROGRAM));
        spectrum = reuseOr(spectrum, specKey, Stage.SPECTROGRAM, recomputed, seconds, () -> EngineBridge.spectrum(
                input, EngineBridge.clusterResolution(p).toStftOptions(), monitor.sub(0, 0.1).stage("STFT")));
        maskGrid = reuseOr(maskGrid, specKey, Stage.SPECTROGRAM, recomputed, seconds, () ->
                EngineBridge.regularResolution(p).equals(EngineBridge.clusterResolution(p)) ? spectrum.value()
                        : EngineBridge.spectrum(input, EngineBridge.regularResolution(p).toStftOptions(),
                        monitor.sub(0.1, 0.15).stage("STFT (mask grid)")));
        Key labelKey = new Key(input, p.project(Stage.SPECTROGRAM, Stage.DATASET, Stage.CLUSTER));
        labels = reuseOr(labels, labelKey, Stage.CLUSTER, recomputed, seconds,
                () -> EngineBridge.cluster(spectrum.value(), p, monitor.sub(0.15, 0.7).stage("clustering")));
        Key maskKey = new Key(input, p.project(Stage.SPECTROGRAM, Stage.DATASET, Stage.CLUSTER, Stage.MASK));
        separated = reuseOr(separated, maskKey, Stage.MASK, recomputed, seconds,
                () -> EngineBridge.separate(spectrum.value(), labels.value(), maskGrid.value(), p,
                        monitor.sub(0.7, 0.85).stage("mask")));
        boolean withProduction = p.flag("production");
        if (withProduction) {
            production = reuseOr(production, new Key(input, p.project(Stage.PRODUCTION)), Stage.PRODUCTION,
                    recomputed, seconds, () -> EngineBridge.production(input, p, monitor.sub(0.85, 0.9).stage("production")));
        }
        if (p.flag("ica")) {
            Set<Stage> icaDeps = EnumSet.of(Stage.ICA);
            if (!p.text("icaInputs").equals("noisy+production")) {
                icaDeps.addAll(EnumSet.of(Stage.SPECTROGRAM, Stage.DATASET, Stage.CLUSTER, Stage.MASK));
            } else {
                icaDeps.add(Stage.PRODUCTION);
            }
            ica = reuseOr(ica, new Key(input, reference, p.project(icaDeps)), Stage.ICA, recomputed, seconds, () -> {
                Signal[] pair = icaPair(input, p);
                return pair == null ? new Signal[0]
                        : EngineBridge.ica(pair[0], pair[1], reference, p, monitor.sub(0.9, 1).stage("ICA"));
            });
        }
        monitor.done();

        List<Output> outputs = new ArrayList<>();
        outputs.add(new Output("Original", Output.Kind.ORIGINAL, input, "input recording", 0, Double.NaN, Double.NaN));
        if (withProduction) {
            outputs.add(new Output("Production", Output.Kind.PRODUCTION, production.value(),
                    summary(p, EnumSet.of(Stage.PRODUCTION)), production.seconds(), Double.NaN, Double.NaN));
        }
        String clusterSettings = summary(p, EnumSet.of(Stage.SPECTROGRAM, Stage.DATASET, Stage.CLUSTER, Stage.MASK));
        double clusterSeconds = spectrum.seconds() + maskGrid.seconds() + labels.seconds() + separated.seconds();
        outputs.add(new Output("Speech", Output.Kind.SPEECH, separated.value()[0], clusterSettings, clusterSeconds,
                Double.NaN, Double.NaN));
        outputs.add(new Output("Residue", Output.Kind.RESIDUE, separated.value()[1], clusterSettings, clusterSeconds,
                Double.NaN, Double.NaN));
        if (p.flag("ica") && ica != null) {
            for (int i = 0; i < ica.value().length; i++) {
                outputs.add(new Output("ICA " + (i + 1), Output.Kind.ICA, ica.value()[i],
                        summary(p, EnumSet.of(Stage.ICA)), ica.seconds(), Double.NaN, Double.NaN));
            }
        }
        if (reference != null) {
            outputs.replaceAll(o -> {
                QualityScores q = EngineBridge.score(o.signal(), reference);
                return o.withScores(q.siSdrDb(), q.stoi());
            });
        }
        return new AnalysisResult(p, spectrum.value(), labels.value(), List.copyOf(outputs), recomputed, seconds);
    }

    private Signal[] icaPair(Signal input, ParameterSet p) {
        return switch (p.text("icaInputs")) {
            case "speech+residue" -> new Signal[] {separated.value()[0], separated.value()[1]};
            case "noisy+production" -> production == null ? null : new Signal[] {input, production.value()};
            default -> new Signal[] {input, separated.value()[0]};
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
        p.project(stages).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=')
                .append(ParamCatalog.get(k).format(v)));
        return sb.toString();
    }
}
