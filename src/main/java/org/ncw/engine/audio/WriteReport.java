package org.ncw.engine.audio;

import java.nio.file.Path;

/**
 * What {@link AudioWriter} wrote.
 *
 * @param clippedSamples samples outside [-1, 1] that PCM16 clipped (always 0 for FLOAT32)
 */
public record WriteReport(Path path, SampleFormat format, int channels, int sampleRate, long frames,
                          long clippedSamples, long bytes) {
}
