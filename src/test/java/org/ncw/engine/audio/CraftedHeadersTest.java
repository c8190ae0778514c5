package org.ncw.engine.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headers found by fuzzing (issue 11) and the edge cases around them: each is either decoded correctly or refused
 * with the reason, within seconds (several used to loop forever or divide by zero).
 */
class CraftedHeadersTest {
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private AudioClip read(String name, byte[] bytes) throws IOException {
        Path f = Files.write(dir.resolve(name), bytes);
        return assertTimeoutPreemptively(PROMPTLY, () -> AudioReader.read(f));
    }

    private String refusal(String name, byte[] bytes) throws IOException {
        return refusal(Files.write(dir.resolve(name), bytes));
    }

    private static String refusal(Path f) {
        AudioFileException e = assertTimeoutPreemptively(PROMPTLY,
                () -> assertThrows(AudioFileException.class, () -> AudioReader.read(f)));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        return e.getMessage().substring(f.toString().length() + 2);
    }

    @Test
    void aiffWith32767ChannelsIsRefusedNotLoopedOn() throws IOException {
        assertEquals("invalid COMM chunk: 32767 channels (more than 256 is a damaged header)",
                refusal("many.aiff", AiffBytes.aiff(32767, 1, 16, 8000, null, new byte[64])));
    }

    @Test
    void aiffOf17BitSamplesDecodesItsThreeByteContainer() throws IOException {
        byte[] samples = {0x40, 0, 0, (byte) 0xC0, 0, 0};          // left-justified: +0.5, -0.5
        AudioClip clip = read("s17.aiff", AiffBytes.aiff(1, 2, 17, 8000, null, samples));
        assertArrayEquals(new float[] {0.5f, -0.5f}, clip.channels()[0]);
        assertEquals(17, clip.info().bitsPerSample());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void aiffOf1To8BitSamplesDecodesItsByte(int bits) throws IOException {
        byte[] samples = {0x40, (byte) 0x80};
        AudioClip clip = read("small.aiff", AiffBytes.aiff(1, 2, bits, 8000, null, samples));
        assertArrayEquals(new float[] {0.5f, -1f}, clip.channels()[0]);
    }

    @Test
    void aiffOf12And20BitSamplesDecodesTheirContainers() throws IOException {
        // a 12-bit sample v is stored as v << 4 in 16 bits (AIFF left-justifies)
        AudioClip s12 = read("s12.aiff", AiffBytes.aiff(1, 3, 12, 8000, null,
                AiffBytes.bigEndianShorts(2047 << 4, -2048 << 4, 1 << 4)));
        assertArrayEquals(new float[] {2047 / 2048f, -1f, 1 / 2048f}, s12.channels()[0]);
        assertEquals(12, s12.info().bitsPerSample());
        byte[] twenty = {0x7F, (byte) 0xFF, (byte) 0xF0, 0, 0, 0x10};   // 2^19 - 1 and 1, shifted left by 4
        AudioClip s20 = read("s20.aiff", AiffBytes.aiff(1, 2, 20, 8000, null, twenty));
        assertArrayEquals(new float[] {(float) ((Math.pow(2, 19) - 1) / Math.pow(2, 19)), (float) Math.pow(2, -19)},
                s20.channels()[0]);
    }

    @Test
    void aiffSampleSizesOutside1To32AreRefused() throws IOException {
        assertEquals("invalid COMM chunk: 0 bits per sample (AIFF integer samples have 1 to 32)",
                refusal("b0.aiff", AiffBytes.aiff(1, 2, 0, 8000, null, new byte[8])));
        assertEquals("invalid COMM chunk: 33 bits per sample (AIFF integer samples have 1 to 32)",
                refusal("b33.aiff", AiffBytes.aiff(1, 2, 33, 8000, null, new byte[8])));
    }

    @Test
    void aiffRatesThatAreNoRatesAreRefused() throws IOException {
        byte[] s = new byte[4];
        assertEquals("invalid COMM chunk: sample rate is NaN", refusal("nan.aiff", AiffBytes.aiff(1, 2, 16, Double.NaN, null, s)));
        assertEquals("invalid COMM chunk: sample rate is Infinity",
                refusal("inf.aiff", AiffBytes.aiff(1, 2, 16, Double.POSITIVE_INFINITY, null, s)));
        assertEquals("invalid COMM chunk: sample rate 0 Hz", refusal("zero.aiff", AiffBytes.aiff(1, 2, 16, 0, null, s)));
        assertEquals("invalid COMM chunk: sample rate 2147483647 Hz (above 1000000 Hz is a damaged header)",
                refusal("huge.aiff", AiffBytes.aiff(1, 2, 16, Integer.MAX_VALUE, null, s)));
        assertEquals(44100, read("cd.aiff", AiffBytes.aiff(1, 2, 16, 44100, null, s)).sampleRate());
    }

    @Test
    void aiffCFloatAndByteSwappedAreRead() throws IOException {
        byte[] fl32 = java.nio.ByteBuffer.allocate(8).putFloat(0.25f).putFloat(-0.75f).array();
        AudioClip f = read("f.aifc", AiffBytes.aiff(1, 2, 32, 8000, "fl32", fl32));
        assertArrayEquals(new float[] {0.25f, -0.75f}, f.channels()[0]);
        assertEquals(SampleEncoding.FLOAT, f.info().encoding());
        AudioClip sowt = read("le.aifc", AiffBytes.aiff(1, 1, 16, 8000, "sowt", new byte[] {0, 0x40}));
        assertArrayEquals(new float[] {0.5f}, sowt.channels()[0]);
        assertTrue(refusal("ima.aifc", AiffBytes.aiff(1, 2, 16, 8000, "ima4", new byte[8]))
                .startsWith("unsupported encoding: AIFF-C compression 'ima4'"));
    }

    @Test
    void aiffDeclaringMoreFramesThanItHoldsReadsWhatIsPresent() throws IOException {
        AudioClip clip = read("cut.aiff", AiffBytes.aiff(1, 1000, 16, 8000, null, AiffBytes.bigEndianShorts(1, 2)));
        assertEquals(2, clip.frames());
        assertEquals("header declares 1000 frames but only 2 are present; read those", clip.info().notes().get(0));
    }

    @Test
    void iffTypeAndRiffTypeWithControlCharactersAreEscaped() throws IOException {
        byte[] form = "FORM\0\0\0\4\u0007\u001b[2".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("an IFF file of type '\\x07\\x1B[2', not AIFF audio", refusal("x.aiff", form));
        byte[] riff = "RIFF\0\0\0\4\u001b]0;".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("a RIFF file of type '\\x1B]0;', not WAVE audio", refusal("x.wav", riff));
    }

    @Test
    void auHeadersAreCheckedAndDecoded() throws IOException {
        AudioClip clip = read("ok.au", AiffBytes.au(3, 8000, 1, 4, AiffBytes.bigEndianShorts(0x4000, -0x8000)));
        assertArrayEquals(new float[] {0.5f, -1f}, clip.channels()[0]);
        AudioClip streamed = read("st.au", AiffBytes.au(3, 8000, 1, 0xFFFFFFFFL, AiffBytes.bigEndianShorts(1, 2, 3)));
        assertEquals(3, streamed.frames());
        assertTrue(streamed.info().notes().get(0).startsWith("data size is unset"));
        assertEquals("invalid AU header: 4096 channels (more than 256 is a damaged header)",
                refusal("ch.au", AiffBytes.au(3, 8000, 4096, 4, new byte[4])));
        assertEquals("invalid AU header: sample rate 2147483647 Hz (above 1000000 Hz is a damaged header)",
                refusal("rate.au", AiffBytes.au(3, Integer.MAX_VALUE, 1, 4, new byte[4])));
        assertTrue(refusal("g721.au", AiffBytes.au(23, 8000, 1, 4, new byte[4]))
                .startsWith("unsupported encoding: AU encoding 23 (G.721 ADPCM)"));
    }

    @Test
    void wavWithAbsurdRateOrChannelsOrBlockAlignIsRefused() throws IOException {
        assertEquals("invalid fmt chunk: sample rate 2147483647 Hz (above 1000000 Hz is a damaged header)",
                refusal("rate.wav", WavBytes.riff().fmt(1, 1, Integer.MAX_VALUE, 16).chunk("data", new byte[240]).bytes()));
        assertEquals("invalid fmt chunk: 4096 channels (more than 256 is a damaged header)",
                refusal("ch.wav", WavBytes.riff().fmt(1, 4096, 8000, 16).chunk("data", new byte[8192]).bytes()));
        byte[] wide = WavBytes.riff().fmt(1, 1, 8000, 16).chunk("data", new byte[24]).bytes();
        wide[32] = 12; // block align of the fmt chunk: 12 bytes per frame for one 16-bit channel
        assertEquals("invalid fmt chunk: block align 12 bytes for 1 channel of 16-bit samples (12 bytes per sample;"
                + " integer PCM uses at most 4)", refusal("align.wav", wide));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/zero", "/dev/urandom", "/dev/null"})
    void devicesAreNotRegularFiles(String device) {
        Path f = Path.of(device);
        assumeTrue(Files.exists(f));
        assertEquals("not a regular file (a device, pipe or socket); give an audio file", refusal(f));
    }

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("pipe.wav");
        int rc;
        try {
            rc = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        } catch (IOException e) {
            rc = -1;
        }
        assumeTrue(rc == 0, "mkfifo is not available");
        assertEquals("not a regular file (a device, pipe or socket); give an audio file", refusal(fifo));
    }

    @Test
    void anUnreadableFileSaysPermissionDenied() throws IOException {
        Path f = Files.write(dir.resolve("secret.wav"), WavBytes.riff().fmt(1, 1, 8000, 16)
                .chunk("data", new byte[4]).bytes());
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(f), "running as root: every file is readable");
        assertEquals("permission denied", refusal(f));
    }
}
