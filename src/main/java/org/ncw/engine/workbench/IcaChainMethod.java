package org.ncw.engine.workbench;

import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.ica.AlignedPair;
import org.ncw.engine.ica.PairSeparation;
import org.ncw.engine.ica.PairSeparationOptions;
import org.ncw.engine.ica.PairSeparationResult;
import org.ncw.engine.pipeline.ClusterPipeline;
import org.ncw.engine.pipeline.ExperimentOptions;
import org.ncw.engine.production.ProductionChain;
import org.ncw.engine.production.ProductionDenoiser;

import java.util.List;

/**
 * FastICA on a pair: the first input is the noisy signal or the clustered speech, the second the production
 * chain's output.
 */
final class IcaChainMethod implements Method<IcaChainMethod.Options> {
    /** What the chain depends on. {@code clustering} is null when the first input is the noisy signal. */
    record Options(ExperimentOptions clustering, ProductionChain production, PairSeparationOptions separation) {
    }

    private final boolean clusteredFirst;

    IcaChainMethod(boolean clusteredFirst) {
        this.clusteredFirst = clusteredFirst;
    }

    @Override
    public String name() {
        return clusteredFirst ? "ica(cluster+production)" : "ica(noisy+production)";
    }

    @Override
    public Kind kind() {
        return Kind.ICA;
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public Options options(WorkbenchOptions experiment) {
        return new Options(clusteredFirst ? experiment.clustering() : null, experiment.production().chain(),
                experiment.ica().separation());
    }

    @Override
    public MethodOutput run(Signal noisy, Options options, TaskMonitor monitor) {
        Signal a = options.clustering() == null ? noisy
                : new ClusterPipeline(noisy).run(options.clustering(), monitor.sub(0, 0.4)).separated().speech();
        Signal b = ProductionDenoiser.fit(noisy, options.production(), monitor.sub(0.4, 0.6)).output();
        AlignedPair pair = AlignedPair.align(a, b, null, monitor.sub(0.6, 0.65));
        PairSeparationResult r = PairSeparation.fit(pair, options.separation(), monitor.sub(0.65, 1));
        return new MethodOutput(r.speech(), r.noise(), List.of(name() + ": FastICA on the pair, speech output ranked"
                + " by " + options.separation().ranking().name().toLowerCase(java.util.Locale.ROOT)));
    }
}
