package org.ncw.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ncw.engine.audio.AudioClip;
import org.ncw.engine.audio.AudioFileException;
import org.ncw.engine.audio.AudioReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes {@link AudioReader#read} (and the header-only {@link AudioReader#readInfo}) with mutated files, one
 * target per container so each grows from its own seeds: {@code src/test/resources/org/ncw/fuzz/
 * AudioReaderFuzzTestInputs/<target>/} holds valid files of every supported encoding and every input that ever
 * failed. {@code mvn test} replays them; {@code JAZZER_FUZZ=1} fuzzes (docs/cli.md, "Fuzzing").
 */
class AudioReaderFuzzTest {
    /** Small enough that no mutated header makes a fuzzing run allocate gigabytes. */
    private static final long MAX_SAMPLES = 1 << 22;
    private static final Path FILE = tempFile();

    private static Path tempFile() {
        try {
            Path dir = Files.createTempDirectory("ncw-fuzz");
            dir.toFile().deleteOnExit();
            Path f = dir.resolve("input.audio");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void read(byte[] bytes) throws IOException {
        Files.write(FILE, bytes);
        FuzzChecks.expectResultOrRefusal(() -> {
            AudioClip clip = AudioReader.read(FILE, MAX_SAMPLES);
            if (clip.frames() <= 0 || clip.sampleRate() <= 0) {
                throw new AssertionError("an empty or rateless clip was returned");
            }
            return AudioReader.readInfo(FILE);
        }, AudioFileException.class);
    }

    @FuzzTest(maxDuration = "30s")
    void wav(byte[] bytes) throws IOException {
        read(bytes);
    }

    @FuzzTest(maxDuration = "30s")
    void aiff(byte[] bytes) throws IOException {
        read(bytes);
    }

    @FuzzTest(maxDuration = "30s")
    void au(byte[] bytes) throws IOException {
        read(bytes);
    }
}
