package org.ncw.cli;

import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.denoise.BlindDenoiser;
import org.ncw.engine.denoise.BlindDenoiserOptions;

import java.util.List;
import java.util.Locale;

/** {@code ncw denoise --method blind}: the blind denoiser with its defaults. */
final class BlindMethodRunner {
    private BlindMethodRunner() {
    }

    static DenoiseMethod.Outcome run(Signal input, DenoiseCommand command, TaskMonitor monitor) throws Exception {
        BlindDenoiserOptions options = command.transientRatio == null ? BlindDenoiserOptions.defaults()
                : BlindDenoiserOptions.defaults().withTransientThreshold(command.transientRatio);
        BlindDenoiser.Result r = FileLimits.atRate(command.input, input.sampleRate(),
                () -> BlindDenoiser.fit(input, options, monitor));
        double[] x = input.samples();
        double[] y = r.enhanced().samples();
        double[] residue = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            residue[i] = x[i] - y[i];
        }
        return new DenoiseMethod.Outcome(r.enhanced(), input.withSamples(residue), List.of(
                String.format(Locale.ROOT, "blind denoiser: STFT %d/%d, noise-only frames by clustering: %.0f %%, "
                                + "noise tracked over %.1f s, gain floor %.0f dB, transients cut: %s",
                        r.stft().nFft(), r.stft().hopLength(), 100 * r.noiseFrameShare(), options.trackingSeconds(),
                        options.gainFloorDb(), options.transientThreshold() > 0
                                ? String.format(Locale.ROOT, "%.2f s", r.transientSeconds()) : "off")));
    }
}
