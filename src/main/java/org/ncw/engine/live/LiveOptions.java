package org.ncw.engine.live;

import org.ncw.engine.core.Checks;

/**
 * How live mode runs (the denoiser's own parameters are {@code StreamingDenoiserOptions}).
 *
 * @param sampleRate     rate of the capture line, the denoiser and the playback line (Hz); no resampling
 * @param blockSeconds   block read from the source and written to the sink per step (10 ms)
 * @param fadeSeconds    crossfade of the raw/denoised switch (8 ms)
 * @param monitorSeconds span kept for the scrolling waveform and spectrogram (10 s)
 * @param lineSeconds    buffer requested for each device line (40 ms)
 */
public record LiveOptions(int sampleRate, double blockSeconds, double fadeSeconds, double monitorSeconds,
                          double lineSeconds) {
    public LiveOptions {
        Checks.inRange("sampleRate", sampleRate, 8000, 192000);
        Checks.inRange("blockSeconds", blockSeconds, 0.001, 0.5);
        Checks.inRange("fadeSeconds", fadeSeconds, 0, 0.1);
        Checks.inRange("monitorSeconds", monitorSeconds, 1, 120);
        Checks.inRange("lineSeconds", lineSeconds, 0.005, 2);
    }

    public static LiveOptions defaults() {
        return new LiveOptions(16000, 0.010, 0.008, 10, 0.040);
    }

    public LiveOptions withSampleRate(int rate) {
        return new LiveOptions(rate, blockSeconds, fadeSeconds, monitorSeconds, lineSeconds);
    }

    public int blockSamples() {
        return Math.max(1, (int) Math.round(blockSeconds * sampleRate));
    }

    public int fadeSamples() {
        return (int) Math.round(fadeSeconds * sampleRate);
    }

    public int lineBufferSamples() {
        return Math.max(blockSamples(), (int) Math.round(lineSeconds * sampleRate));
    }
}
