package org.ncw.engine.workbench;

import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.stream.StreamingDenoiser;
import org.ncw.engine.stream.StreamingDenoiserOptions;

import java.util.List;
import java.util.Locale;

/** The causal streaming denoiser on a whole recording (the same output as a block-wise run). */
final class StreamingMethod implements Method<StreamingDenoiserOptions> {
    @Override
    public String name() {
        return StreamingDenoiser.METHOD_NAME;
    }

    @Override
    public Kind kind() {
        return Kind.DENOISER;
    }

    @Override
    public Class<StreamingDenoiserOptions> optionsType() {
        return StreamingDenoiserOptions.class;
    }

    @Override
    public StreamingDenoiserOptions options(WorkbenchOptions experiment) {
        return experiment.streaming();
    }

    @Override
    public MethodOutput run(Signal noisy, StreamingDenoiserOptions options, TaskMonitor monitor) {
        StreamingDenoiser.Result r = StreamingDenoiser.fit(noisy, options, monitor);
        return MethodOutput.subtracting(noisy, r.enhanced(), List.of(String.format(Locale.ROOT,
                "streaming denoiser: STFT %d/%d, latency %d samples = %.1f ms, %s", r.analysisFrame(), r.hop(),
                r.latencySamples(), r.latencyMillis(), options.describeMask())));
    }
}
