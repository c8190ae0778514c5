package org.ncw.engine.audio;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What an audio file holds, as read from its header.
 *
 * @param bitsPerSample stored bits per sample (container size for WAV, e.g. 24)
 * @param frames        sample frames actually read (one sample per channel each)
 * @param notes         repairs made while reading (e.g. a data size clamped to the file), empty if none
 */
public record AudioFileInfo(AudioContainer container, SampleEncoding encoding, int bitsPerSample, int channels,
                            int sampleRate, long frames, Path path, List<String> notes) {
    public AudioFileInfo {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(encoding, "encoding");
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Info for audio made in memory (no file). */
    static AudioFileInfo inMemory(int channels, int sampleRate, long frames) {
        return new AudioFileInfo(AudioContainer.WAV, SampleEncoding.FLOAT, 32, channels, sampleRate, frames, null,
                List.of());
    }

    public double durationSeconds() {
        return frames / (double) sampleRate;
    }
}
