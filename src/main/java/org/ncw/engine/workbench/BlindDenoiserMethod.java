package org.ncw.engine.workbench;

import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.denoise.BlindDenoiser;
import org.ncw.engine.denoise.BlindDenoiserOptions;

import java.util.List;
import java.util.Locale;

/** The blind denoiser (the default of {@code ncw denoise}). */
final class BlindDenoiserMethod implements Method<BlindDenoiserOptions> {
    @Override
    public String name() {
        return Methods.BLIND_DENOISER;
    }

    @Override
    public Kind kind() {
        return Kind.DENOISER;
    }

    @Override
    public Class<BlindDenoiserOptions> optionsType() {
        return BlindDenoiserOptions.class;
    }

    @Override
    public BlindDenoiserOptions options(WorkbenchOptions experiment) {
        return experiment.denoiser();
    }

    @Override
    public MethodOutput run(Signal noisy, BlindDenoiserOptions options, TaskMonitor monitor) {
        BlindDenoiser.Result r = BlindDenoiser.fit(noisy, options, monitor);
        return MethodOutput.subtracting(noisy, r.enhanced(), List.of(String.format(Locale.ROOT,
                "blind denoiser: STFT %d/%d, noise-only frames by clustering: %.0f %%, noise tracked over %.1f s,"
                        + " gain floor %.0f dB, transients cut: %s",
                r.stft().nFft(), r.stft().hopLength(), 100 * r.noiseFrameShare(), options.trackingSeconds(),
                options.gainFloorDb(), options.transientThreshold() > 0
                        ? String.format(Locale.ROOT, "%.2f s", r.transientSeconds()) : "off")));
    }
}
