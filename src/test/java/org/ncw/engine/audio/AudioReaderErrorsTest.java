package org.ncw.engine.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of bad input is refused with a message that names the file and the problem. */
class AudioReaderErrorsTest {
    @TempDir
    Path dir;

    private String refusal(String name, byte[] bytes) throws IOException {
        Path f = Files.write(dir.resolve(name), bytes);
        return refusal(f, AudioReader.DEFAULT_MAX_SAMPLES);
    }

    private static String refusal(Path f, long maxSamples) {
        AudioFileException e = assertThrows(AudioFileException.class, () -> AudioReader.read(f, maxSamples));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertEquals(f, e.file());
        return e.getMessage().substring(f.toString().length() + 2);
    }

    private static byte[] pcm16(int frames) {
        return new byte[2 * frames];
    }

    @Test
    void nonFiniteFloatSamples() throws IOException {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            java.nio.ByteBuffer data = WavBytes.le(2 * 8 * 4);
            for (int t = 0; t < 8; t++) {
                data.putFloat(0.1f).putFloat(t == 5 ? bad : 0.2f);   // stereo: channel 1, frame 5
            }
            String m = refusal("float.wav", WavBytes.riff().fmt(3, 2, 8000, 32).chunk("data", data.array()).bytes());
            assertEquals("sample 5 of channel 1 is " + bad + " (at 0.001 s): float audio must be finite", m);
        }
    }

    @Test
    void emptyFile() throws IOException {
        assertEquals("empty file (0 bytes)", refusal("empty.wav", new byte[0]));
    }

    @Test
    void truncatedHeader() throws IOException {
        assertEquals("truncated header: 6 bytes, a WAV file needs at least 12",
                refusal("short.wav", "RIFF\0\0".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void truncatedFmtChunk() throws IOException {
        String m = refusal("fmt.wav", WavBytes.riff().chunk("fmt ", new byte[10]).bytes());
        assertTrue(m.startsWith("truncated fmt chunk: 10 bytes"), m);
    }

    @Test
    void missingFmtOrDataChunk() throws IOException {
        assertTrue(refusal("nofmt.wav", WavBytes.riff().chunk("data", pcm16(4)).bytes())
                .contains("missing fmt chunk"));
        assertTrue(refusal("nodata.wav", WavBytes.riff().fmt(1, 1, 8000, 16).bytes())
                .contains("missing data chunk"));
        assertTrue(refusal("bare.wav", WavBytes.riff().bytes()).contains("missing fmt and data chunks"));
    }

    @Test
    void textAndPngFilesAreNotAudio() throws IOException {
        assertEquals("not a WAV, AIFF or AU audio file (looks like a text file)",
                refusal("notes.wav", "hello, this is not audio\n".getBytes(StandardCharsets.UTF_8)));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        assertEquals("not a WAV, AIFF or AU audio file (looks like a PNG image)", refusal("pic.wav", png));
        assertTrue(refusal("avi.wav", "RIFF\0\0\0\0AVI LIST".getBytes(StandardCharsets.ISO_8859_1))
                .contains("RIFF file of type 'AVI '"));
    }

    @Test
    void unsupportedEncodingsNameTheFormatTag() throws IOException {
        String adpcm = refusal("adpcm.wav", WavBytes.riff().fmt(2, 1, 8000, 4).chunk("data", new byte[8]).bytes());
        assertTrue(adpcm.startsWith("unsupported encoding: format tag 0x0002 (Microsoft ADPCM)"), adpcm);
        String alaw = refusal("alaw.wav", WavBytes.riff().fmt(6, 1, 8000, 8).chunk("data", new byte[8]).bytes());
        assertTrue(alaw.startsWith("unsupported encoding: format tag 0x0006 (A-law)"), alaw);
        String guid = refusal("ext.wav", WavBytes.riff().fmtExtensible(0x0161, 1, 8000, 16, 16)
                .chunk("data", new byte[8]).bytes());
        assertTrue(guid.startsWith("unsupported encoding: format tag 0x0161 (Windows Media Audio)"), guid);
        String f16 = refusal("f16.wav", WavBytes.riff().fmt(3, 1, 8000, 16).chunk("data", new byte[8]).bytes());
        assertEquals("unsupported encoding: IEEE float with 16 bits per sample", f16);
    }

    @Test
    void zeroChannelsOrZeroRate() throws IOException {
        assertEquals("invalid fmt chunk: zero channels",
                refusal("ch0.wav", WavBytes.riff().fmt(1, 0, 8000, 16).chunk("data", pcm16(4)).bytes()));
        assertEquals("invalid fmt chunk: sample rate 0 Hz",
                refusal("sr0.wav", WavBytes.riff().fmt(1, 1, 0, 16).chunk("data", pcm16(4)).bytes()));
    }

    @Test
    void noSamples() throws IOException {
        assertEquals("contains no audio samples",
                refusal("silent.wav", WavBytes.riff().fmt(1, 2, 8000, 16).chunk("data", new byte[0]).bytes()));
    }

    @Test
    void tooLargeForMemoryIsRefusedBeforeAllocating() throws IOException {
        Path f = Files.write(dir.resolve("big.wav"), WavBytes.riff().fmt(1, 2, 8000, 16)
                .chunk("data", pcm16(2 * 1000)).bytes());
        String m = refusal(f, 1000);
        assertTrue(m.startsWith("too large to load into memory: 1000 frames x 2 channels = 2000 samples"), m);
        assertTrue(m.contains("limit is 1000 samples"), m);
    }

    @Test
    void missingFileAndDirectory() throws IOException {
        assertEquals("no such file", refusal(dir.resolve("absent.wav"), AudioReader.DEFAULT_MAX_SAMPLES));
        Path sub = Files.createDirectory(dir.resolve("sub.wav"));
        assertEquals("is a directory, not an audio file", refusal(sub, AudioReader.DEFAULT_MAX_SAMPLES));
    }

    @Test
    void damagedAiffIsRefused() throws IOException {
        String m = refusal("bad.aiff", "FORM\0\0\0\4AIFFxxxx".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(m.contains("AIFF"), m);
    }
}
