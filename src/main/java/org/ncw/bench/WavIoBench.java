package org.ncw.bench;

import org.ncw.engine.audio.AudioClip;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.audio.AudioWriter;
import org.ncw.engine.audio.SampleFormat;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.core.Signal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Atomic PCM16 WAV write (temp file, fsync, rename) and read back of the study's clip size: 11.4 s at 22050 Hz. */
public final class WavIoBench implements BenchCase {
    private Signal clip;
    private Path dir;

    @Override
    public String name() {
        return "WAV PCM16 write + read, 11.4 s @ 22050 Hz";
    }

    @Override
    public String group() {
        return "audio";
    }

    @Override
    public String size() {
        return clip.length() + " samples";
    }

    @Override
    public String target() {
        return "<= 0.1 s";
    }

    @Override
    public double targetSeconds() {
        return 0.1;
    }

    @Override
    public void setUp() throws IOException {
        clip = new Signal(new Random(3).doubles(251370, -0.5, 0.5).toArray(), 22050);
        dir = Files.createTempDirectory("ncw-wav-bench");
        dir.toFile().deleteOnExit();
    }

    @Override
    public Object run() throws IOException {
        Path f = dir.resolve("bench.wav");
        try {
            AudioWriter.write(clip, f, SampleFormat.PCM16, WriteMode.OVERWRITE);
            AudioClip back = AudioReader.read(f);
            return back.channels()[0][back.frames() / 2];
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
