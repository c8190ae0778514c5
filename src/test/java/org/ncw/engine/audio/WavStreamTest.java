package org.ncw.engine.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WavStreamTest {
    @TempDir
    Path dir;

    private static double[] ramp(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(0.01 * i) * 0.9;
        }
        return x;
    }

    private static double[] readAll(InputStream in, Path name) throws IOException {
        WavStreamReader r = WavStreamReader.open(in, name);
        double[] x = new double[0];
        double[] block = new double[1000];
        int got;
        while ((got = r.read(block, 0, block.length, ChannelSelection.mixDown())) >= 0) {
            x = Arrays.copyOf(x, x.length + got);
            System.arraycopy(block, 0, x, x.length - got, got);
        }
        return x;
    }

    private Path writeFile(String name, double[] x, SampleFormat format, long threshold) throws IOException {
        Path f = dir.resolve(name);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            WavStreamWriter w = WavStreamWriter.toFile(ch, 16000, format, threshold);
            for (int i = 0; i < x.length; i += 777) {
                w.write(x, i, Math.min(777, x.length - i));
            }
            w.finish();
        }
        return f;
    }

    @Test
    void fileWithPatchedSizesReadsBackThroughTheFileReaderAndTheStreamReader() throws IOException {
        double[] x = ramp(20001);
        for (SampleFormat format : SampleFormat.values()) {
            Path f = writeFile("a-" + format + ".wav", x, format, WavStreamWriter.RIFF_LIMIT);
            AudioClip clip = AudioReader.read(f);
            assertEquals(16000, clip.sampleRate());
            assertEquals(x.length, clip.frames(), format + " frames from the patched data size");
            double tolerance = format == SampleFormat.PCM16 ? 1.0 / 32768 : 1e-7;
            double[] back = readAll(Files.newInputStream(f), f);
            assertEquals(x.length, back.length);
            for (int i = 0; i < x.length; i++) {
                assertEquals(x[i], clip.channel(0).samples()[i], tolerance, "file reader, sample " + i);
                assertEquals(x[i], back[i], tolerance, "stream reader, sample " + i);
            }
        }
    }

    @Test
    void beyondTheThresholdTheFileBecomesRf64WithDs64Sizes() throws IOException {
        double[] x = ramp(5000);
        Path f = writeFile("big.wav", x, SampleFormat.PCM16, 4000);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RF64", new String(b.array(), 0, 4, StandardCharsets.ISO_8859_1));
        assertEquals(0xFFFFFFFF, b.getInt(4), "32-bit RIFF size unset");
        assertEquals("ds64", new String(b.array(), 12, 4, StandardCharsets.ISO_8859_1));
        assertEquals(f.toFile().length() - 8, b.getLong(20), "ds64 RIFF size");
        assertEquals(2L * x.length, b.getLong(28), "ds64 data size");
        assertEquals(x.length, b.getLong(36), "ds64 sample count");
        double[] back = readAll(Files.newInputStream(f), f);
        assertEquals(x.length, back.length);
        assertEquals(x[1234], back[1234], 1.0 / 32768);
        // below the threshold the same writer leaves a plain RIFF file
        Path small = writeFile("small.wav", x, SampleFormat.PCM16, WavStreamWriter.RIFF_LIMIT);
        assertEquals("RIFF", new String(Files.readAllBytes(small), 0, 4, StandardCharsets.ISO_8859_1));
    }

    @Test
    void pipeStreamsUseUnknownSizesAndReadUntilTheEnd() throws IOException {
        double[] x = ramp(3001);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WavStreamWriter w = WavStreamWriter.toPipe(out, 8000, SampleFormat.FLOAT32);
        w.write(x, 0, 1000);
        assertTrue(out.size() > 0, "the header leaves before the end of the stream");
        w.write(x, 1000, x.length - 1000);
        w.finish();
        ByteBuffer b = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xFFFFFFFF, b.getInt(4));
        double[] back = readAll(new ByteArrayInputStream(out.toByteArray()), Path.of("-"));
        assertArrayEquals(Arrays.stream(x).map(v -> (float) v).toArray(), back, 0.0);
    }

    @Test
    void notAWavStreamIsOneClearLine() {
        AudioFileException e = assertThrows(AudioFileException.class, () -> WavStreamReader.open(
                new ByteArrayInputStream("fLaC and then some bytes".getBytes(StandardCharsets.ISO_8859_1)),
                Path.of("-")));
        assertTrue(e.getMessage().contains("not a WAV stream"), e.getMessage());
        AudioFileException cut = assertThrows(AudioFileException.class, () -> WavStreamReader.open(
                new ByteArrayInputStream("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1)), Path.of("-")));
        assertTrue(cut.getMessage().contains("ended inside"), cut.getMessage());
    }
}
