package org.ncw.engine.audio;

import org.ncw.engine.io.AtomicFileWriter;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.io.FileProblemException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.core.Signal;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioWriterTest {
    @TempDir
    Path dir;

    private static AudioClip noise(int channels, int frames, int rate, double amplitude, long seed) {
        Random r = new Random(seed);
        float[][] ch = new float[channels][frames];
        for (float[] c : ch) {
            for (int i = 0; i < frames; i++) {
                c[i] = (float) (amplitude * (2 * r.nextDouble() - 1));
            }
        }
        return new AudioClip(ch, rate, null);
    }

    @Test
    void pcm16RoundTripIsWithinHalfAQuantisationStep() throws IOException {
        for (int channels : new int[] {1, 2, 5}) {
            AudioClip clip = noise(channels, 3001, 22050, 0.99, channels);
            Path f = dir.resolve("pcm" + channels + ".wav");
            WriteReport report = AudioWriter.write(clip, f, SampleFormat.PCM16, WriteMode.FAIL_IF_EXISTS);
            assertEquals(0, report.clippedSamples());
            assertEquals(44 + 2L * channels * 3001, report.bytes());
            AudioClip back = AudioReader.read(f);
            assertEquals(22050, back.sampleRate());
            assertEquals(16, back.info().bitsPerSample());
            for (int c = 0; c < channels; c++) {
                assertArrayEquals(clip.channels()[c], back.channels()[c], 0.5f / 32768 + 1e-7f);
            }
        }
    }

    @Test
    void outputGetsDefaultPermissionsNotTheTempFilesOwnerOnlyMode() throws IOException {
        java.nio.file.attribute.PosixFileAttributeView view =
                Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class);
        org.junit.jupiter.api.Assumptions.assumeTrue(view != null, "POSIX permissions only");
        Path plain = Files.createFile(dir.resolve("plain.bin"));
        Path f = dir.resolve("perm.wav");
        AudioWriter.write(noise(1, 100, 8000, 0.5, 1), f, SampleFormat.PCM16, WriteMode.FAIL_IF_EXISTS);
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(f));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.filter(p -> p.getFileName().toString().endsWith(".tmp")).count());
        }
    }

    @Test
    void float32RoundTripIsExact() throws IOException {
        AudioClip clip = noise(2, 1234, 44100, 3.0, 7); // float keeps values beyond [-1, 1]
        Path f = dir.resolve("f.wav");
        WriteReport report = AudioWriter.write(clip, f, SampleFormat.FLOAT32, WriteMode.FAIL_IF_EXISTS);
        assertEquals(0, report.clippedSamples());
        AudioClip back = AudioReader.read(f);
        assertEquals(SampleEncoding.FLOAT, back.info().encoding());
        assertArrayEquals(clip.channels()[0], back.channels()[0]);
        assertArrayEquals(clip.channels()[1], back.channels()[1]);
    }

    @Test
    void signalRoundTripThroughPcm16() throws IOException {
        double[] s = new double[16000];
        for (int i = 0; i < s.length; i++) {
            s[i] = 0.8 * Math.sin(2 * Math.PI * 440 * i / 16000.0);
        }
        Path f = dir.resolve("sine.wav");
        AudioWriter.write(new Signal(s, 16000), f, SampleFormat.PCM16, WriteMode.FAIL_IF_EXISTS);
        Signal back = AudioReader.readMono(f, ChannelSelection.mixDown());
        assertEquals(16000, back.sampleRate());
        assertArrayEquals(s, back.samples(), 0.5 / 32768 + 1e-9);
    }

    @Test
    void jdkReadsOurPcm16Identically() throws IOException, UnsupportedAudioFileException {
        AudioClip clip = noise(2, 500, 8000, 0.9, 3);
        Path f = dir.resolve("jdk.wav");
        AudioWriter.write(clip, f, SampleFormat.PCM16, WriteMode.FAIL_IF_EXISTS);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(f.toFile())) {
            assertEquals(2, in.getFormat().getChannels());
            assertEquals(8000f, in.getFormat().getSampleRate());
            ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            AudioClip ours = AudioReader.read(f);
            for (int i = 0; i < 500; i++) {
                assertEquals(b.getShort() / 32768f, ours.channels()[0][i]);
                assertEquals(b.getShort() / 32768f, ours.channels()[1][i]);
            }
        }
    }

    @Test
    void pcm16ClipsAndCountsOutOfRangeSamples() throws IOException {
        Signal s = new Signal(new double[] {1.0, 1.5, -1.0, -2.0, 0.3, -1.0001}, 8000);
        Path f = dir.resolve("clip.wav");
        WriteReport report = AudioWriter.write(s, f, SampleFormat.PCM16, WriteMode.FAIL_IF_EXISTS);
        assertEquals(3, report.clippedSamples());
        float[] back = AudioReader.read(f).channels()[0];
        assertArrayEquals(new float[] {32767f / 32768, 32767f / 32768, -1f, -1f, 9830f / 32768, -1f}, back);
    }

    @Test
    void existingFileIsKeptUnlessOverwrite() throws IOException {
        Path f = Files.writeString(dir.resolve("old.wav"), "keep me");
        Signal s = new Signal(new double[] {0.5}, 8000);
        FileProblemException e = assertThrows(FileProblemException.class,
                () -> AudioWriter.write(s, f, SampleFormat.PCM16, WriteMode.FAIL_IF_EXISTS));
        assertTrue(e.getMessage().endsWith(": already exists"), e.getMessage());
        assertEquals("keep me", Files.readString(f));
        AudioWriter.write(s, f, SampleFormat.PCM16, WriteMode.OVERWRITE);
        assertEquals(1, AudioReader.read(f).frames());
        assertOnlyFiles("old.wav");
    }

    @Test
    void inputsAreNeverOverwrittenEvenWithOverwrite() throws IOException {
        Path input = dir.resolve("in.wav");
        AudioWriter.write(new Signal(new double[] {0.25, 0.5}, 8000), input, SampleFormat.PCM16, WriteMode.OVERWRITE);
        byte[] before = Files.readAllBytes(input);
        Path link = Files.createSymbolicLink(dir.resolve("link.wav"), input);
        Signal s = new Signal(new double[] {0.9}, 8000);
        for (Path out : new Path[] {input, dir.resolve("sub/../in.wav"), link}) {
            FileProblemException e = assertThrows(FileProblemException.class, () -> AudioWriter.write(s, out,
                    SampleFormat.PCM16, WriteMode.OVERWRITE, OutputGuard.protecting(input)));
            assertEquals(out + ": refusing to overwrite input file " + input, e.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(input));
        // a different file is fine
        AudioWriter.write(s, dir.resolve("out.wav"), SampleFormat.PCM16, WriteMode.OVERWRITE,
                OutputGuard.protecting(input));
    }

    @Test
    void failedWriteLeavesNoFile() throws IOException {
        Path target = dir.resolve("half.wav");
        IOException e = assertThrows(IOException.class, () -> AtomicFileWriter.write(target, WriteMode.OVERWRITE,
                OutputGuard.none(), out -> {
                    out.write(new byte[100_000]); // more than the buffer: bytes reach the temporary file
                    throw new IOException("disk on fire");
                }));
        assertTrue(e.getMessage().contains("disk on fire"), e.getMessage());
        assertOnlyFiles();

        Signal nan = new Signal(new double[] {0.1, Double.NaN}, 8000);
        FileProblemException e2 = assertThrows(FileProblemException.class,
                () -> AudioWriter.write(nan, target, SampleFormat.FLOAT32, WriteMode.OVERWRITE));
        assertTrue(e2.getMessage().contains("sample 1 of channel 0 is NaN"), e2.getMessage());
        assertOnlyFiles();
    }

    @Test
    void failedOverwriteKeepsTheOldFile() throws IOException {
        Path target = Files.writeString(dir.resolve("keep.wav"), "old");
        assertThrows(IOException.class, () -> AtomicFileWriter.write(target, WriteMode.OVERWRITE, OutputGuard.none(),
                out -> {
                    out.write(1);
                    throw new IOException("boom");
                }));
        assertEquals("old", Files.readString(target));
        assertOnlyFiles("keep.wav");
    }

    @Test
    void missingDirectoryIsNamed() {
        Path f = dir.resolve("nope/out.wav");
        FileProblemException e = assertThrows(FileProblemException.class, () -> AudioWriter.write(
                new Signal(new double[] {0}, 8000), f, SampleFormat.PCM16, WriteMode.OVERWRITE));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    private void assertOnlyFiles(String... names) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            assertArrayEquals(names, s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("in.wav") && !n.equals("link.wav")).sorted().toArray(String[]::new));
        }
    }
}
