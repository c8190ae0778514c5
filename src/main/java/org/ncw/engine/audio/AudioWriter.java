package org.ncw.engine.audio;

import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.OutputSet;
import org.ncw.engine.io.WriteMode;

import org.ncw.engine.core.Signal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes WAV files (PCM16 or FLOAT32) atomically through an {@link OutputSet}: no half-written output remains
 * after a failure, existing files are kept unless {@link WriteMode#OVERWRITE}, and files declared as inputs in an
 * {@link OutputGuard} are never overwritten.
 */
public final class AudioWriter {
    private static final long RIFF_LIMIT = 0xFFFFFFFFL;

    private AudioWriter() {
    }

    public static WriteReport write(Signal signal, Path file, SampleFormat format, WriteMode mode) throws IOException {
        return write(AudioClip.of(signal), file, format, mode, OutputGuard.none());
    }

    public static WriteReport write(Signal signal, Path file, SampleFormat format, WriteMode mode, OutputGuard guard)
            throws IOException {
        return write(AudioClip.of(signal), file, format, mode, guard);
    }

    public static WriteReport write(AudioClip clip, Path file, SampleFormat format, WriteMode mode) throws IOException {
        return write(clip, file, format, mode, OutputGuard.none());
    }

    public static WriteReport write(AudioClip clip, Path file, SampleFormat format, WriteMode mode, OutputGuard guard)
            throws IOException {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(guard, "guard");
        try (OutputSet set = OutputSet.reserve(mode, guard, file)) {
            WriteReport report = write(clip, file, format, set);
            set.commit();
            return report;
        }
    }

    public static WriteReport write(Signal signal, Path file, SampleFormat format, OutputSet outputs)
            throws IOException {
        return write(AudioClip.of(signal), file, format, outputs);
    }

    /** Writes a WAV into its reserved place in a set of outputs; it appears when the set is committed. */
    public static WriteReport write(AudioClip clip, Path file, SampleFormat format, OutputSet outputs)
            throws IOException {
        Objects.requireNonNull(clip, "clip");
        Objects.requireNonNull(format, "format");
        checkFinite(clip, file);
        long size = WavEncoder.encodedSize(format, clip.channelCount(), clip.frames());
        if (size - 8 > RIFF_LIMIT) {
            throw new AudioFileException(file, "too long for a WAV file: " + size + " bytes exceeds the 4 GiB RIFF limit");
        }
        if (clip.channelCount() > 0xFFFF) {
            throw new AudioFileException(file, "too many channels for a WAV file: " + clip.channelCount());
        }
        WavEncoder encoder = new WavEncoder(format);
        long bytes = outputs.write(file, out -> encoder.encode(clip, out));
        return new WriteReport(file, format, clip.channelCount(), clip.sampleRate(), clip.frames(),
                encoder.clippedSamples(), bytes);
    }

    private static void checkFinite(AudioClip clip, Path file) throws AudioFileException {
        float[][] channels = clip.channels();
        for (int c = 0; c < channels.length; c++) {
            float[] ch = channels[c];
            for (int i = 0; i < ch.length; i++) {
                if (!Float.isFinite(ch[i])) {
                    throw new AudioFileException(file, "refusing to write: sample " + i + " of channel " + c + " is "
                            + ch[i] + " (the signal is not finite)");
                }
            }
        }
    }
}
