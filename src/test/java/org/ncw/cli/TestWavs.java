package org.ncw.cli;

import org.ncw.engine.audio.AudioClip;
import org.ncw.engine.audio.AudioWriter;
import org.ncw.engine.audio.SampleFormat;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.core.Signal;

import java.io.IOException;
import java.nio.file.Path;

/** 32-bit float WAV inputs for the command tests, written as {@code dir/name}. */
final class TestWavs {
    private TestWavs() {
    }

    static Path write(Path dir, String name, Signal signal) throws IOException {
        Path f = dir.resolve(name);
        AudioWriter.write(signal, f, SampleFormat.FLOAT32, WriteMode.FAIL_IF_EXISTS);
        return f;
    }

    static Path write(Path dir, String name, AudioClip clip) throws IOException {
        Path f = dir.resolve(name);
        AudioWriter.write(clip, f, SampleFormat.FLOAT32, WriteMode.FAIL_IF_EXISTS);
        return f;
    }
}
