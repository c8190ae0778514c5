package org.ncw.engine.workbench;

import org.ncw.engine.cluster.strategy.ClusterDiagnostics;
import org.ncw.engine.cluster.strategy.DatasetKind;
import org.ncw.engine.cluster.strategy.StrategyKind;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.mask.MaskMode;
import org.ncw.engine.mask.SeparatedSignals;
import org.ncw.engine.pipeline.ClusterPipeline;
import org.ncw.engine.pipeline.ExperimentOptions;
import org.ncw.engine.pipeline.ExperimentResult;

import java.util.List;
import java.util.Locale;

/** The clustering pipeline with the experiment's settings except the strategy, dataset and mask its name fixes. */
final class ClusteringMethod implements Method<ExperimentOptions> {
    private final StrategyKind strategy;
    private final DatasetKind dataset;
    private final MaskMode mask;
    private final java.util.function.Consumer<ExperimentResult> results;

    ClusteringMethod(StrategyKind strategy, DatasetKind dataset, MaskMode mask) {
        this(strategy, dataset, mask, r -> { });
    }

    /** The same method handing each run's whole result to {@code results} (the windowed clustering's label file). */
    ClusteringMethod(StrategyKind strategy, DatasetKind dataset, MaskMode mask,
                     java.util.function.Consumer<ExperimentResult> results) {
        this.strategy = strategy;
        this.dataset = dataset;
        this.mask = mask;
        this.results = results;
    }

    static String name(StrategyKind strategy, DatasetKind dataset, MaskMode mask) {
        return "cluster:" + lower(strategy) + "/" + lower(dataset) + "/" + lower(mask);
    }

    @Override
    public String name() {
        return name(strategy, dataset, mask);
    }

    @Override
    public Kind kind() {
        return Kind.CLUSTERING;
    }

    @Override
    public Class<ExperimentOptions> optionsType() {
        return ExperimentOptions.class;
    }

    @Override
    public ExperimentOptions options(WorkbenchOptions experiment) {
        ExperimentOptions e = experiment.clustering();
        return e.withStrategy(e.strategy().withStrategy(strategy).withDataset(dataset))
                .withMask(e.mask().withMode(mask));
    }

    @Override
    public MethodOutput run(Signal noisy, ExperimentOptions options, TaskMonitor monitor) {
        ExperimentResult r = new ClusterPipeline(noisy).run(options, monitor);
        results.accept(r);
        SeparatedSignals s = r.separated();
        return new MethodOutput(s.speech(), s.residue(), List.of(String.format(Locale.ROOT,
                "%s: %.1f %% of the analysis bins are speech", name(), 100 * r.clustering().labels().speechFraction())),
                withWarnings(r.clustering().diagnostics(), r.clustering().warnings()));
    }

    /** The diagnostics with every warning of the run (the clusterers' too, not only the diagnostics' own). */
    private static ClusterDiagnostics withWarnings(ClusterDiagnostics d, List<String> warnings) {
        return new ClusterDiagnostics(d.problems(), d.worstComponents(), d.worstProblem(), d.isolatedPoints(),
                d.nearZeroWeightShare(), d.eigenGap(), d.clusterSizes(), d.degenerateFraction(), d.effectiveGamma(),
                warnings);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
