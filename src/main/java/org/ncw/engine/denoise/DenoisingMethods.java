package org.ncw.engine.denoise;

import org.ncw.engine.cluster.strategy.DatasetKind;
import org.ncw.engine.cluster.strategy.StrategyKind;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.ica.AlignedPair;
import org.ncw.engine.ica.PairSeparation;
import org.ncw.engine.ica.PairSeparationOptions;
import org.ncw.engine.mask.MaskMode;
import org.ncw.engine.pipeline.ClusterPipeline;
import org.ncw.engine.pipeline.ExperimentOptions;
import org.ncw.engine.production.ProductionChain;
import org.ncw.engine.production.ProductionDenoiser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every blind denoising method of the project with its documented defaults, in the order the quality benchmark
 * lists them. A new method joins with one line in {@link #all()}. None of them sees a clean reference.
 */
public final class DenoisingMethods {
    /** The identity: the noisy input itself (the benchmark's zero line). */
    public static final DenoisingMethod UNPROCESSED = DenoisingMethod.of("unprocessed", (noisy, monitor) -> noisy);
    /** The blind denoiser with its defaults (the default of {@code ncw denoise}). */
    public static final DenoisingMethod BLIND_DENOISER = DenoisingMethod.of("blind-denoiser",
            (noisy, monitor) -> BlindDenoiser.fit(noisy, BlindDenoiserOptions.defaults(), monitor).enhanced());

    private DenoisingMethods() {
    }

    public static List<DenoisingMethod> all() {
        List<DenoisingMethod> methods = new ArrayList<>();
        methods.add(UNPROCESSED);
        for (String preset : ProductionChain.PRESETS) {
            methods.add(production(preset));
        }
        for (StrategyKind strategy : StrategyKind.values()) {
            for (DatasetKind dataset : DatasetKind.values()) {
                for (MaskMode mask : MaskMode.values()) {
                    methods.add(clustering(strategy, dataset, mask));
                }
            }
        }
        methods.add(icaOf("ica(noisy+production)", (noisy, m) -> noisy));
        methods.add(icaOf("ica(cluster+production)", (noisy, m) -> clusteredSpeech(noisy,
                ExperimentOptions.defaults(), m)));
        methods.add(BLIND_DENOISER);
        return List.copyOf(methods);
    }

    public static Optional<DenoisingMethod> byName(String name) {
        return all().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** A production chain preset ("default" = high-pass, low-pass, stationary spectral gate). */
    static DenoisingMethod production(String preset) {
        ProductionChain chain = ProductionChain.preset(preset);
        return DenoisingMethod.of("production:" + preset,
                (noisy, monitor) -> ProductionDenoiser.fit(noisy, chain, monitor).output());
    }

    /** The clustering pipeline with the study's defaults except the strategy, dataset and mask mode. */
    static DenoisingMethod clustering(StrategyKind strategy, DatasetKind dataset, MaskMode mask) {
        ExperimentOptions defaults = ExperimentOptions.defaults();
        ExperimentOptions o = new ExperimentOptions(defaults.analysis(), defaults.synthesis(), defaults.dbScale(),
                defaults.strategy().withStrategy(strategy).withDataset(dataset), defaults.clusterer(),
                defaults.mask().withMode(mask));
        String name = "cluster:" + strategy.name().toLowerCase(Locale.ROOT) + "/"
                + dataset.name().toLowerCase(Locale.ROOT) + "/" + mask.name().toLowerCase(Locale.ROOT);
        return DenoisingMethod.of(name, (noisy, monitor) -> clusteredSpeech(noisy, o, monitor));
    }

    private static Signal clusteredSpeech(Signal noisy, ExperimentOptions options, TaskMonitor monitor) {
        return new ClusterPipeline(noisy).run(options, monitor).separated().speech();
    }

    /** FastICA on a pair (first input from {@code first}, second the default production chain's output). */
    private static DenoisingMethod icaOf(String name, java.util.function.BiFunction<Signal, TaskMonitor, Signal> first) {
        ProductionChain chain = ProductionChain.defaults();
        return DenoisingMethod.of(name, (noisy, monitor) -> {
            Signal a = first.apply(noisy, monitor.sub(0, 0.4));
            Signal b = ProductionDenoiser.fit(noisy, chain, monitor.sub(0.4, 0.6)).output();
            AlignedPair pair = AlignedPair.align(a, b, null, monitor.sub(0.6, 0.65));
            return PairSeparation.fit(pair, PairSeparationOptions.defaults(), monitor.sub(0.65, 1)).speech();
        });
    }

}
