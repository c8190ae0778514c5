package org.ncw.engine.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.core.Signal;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void readsPcm16MonoWithExactScaling() throws IOException {
        Path f = file("a.wav", WavBytes.riff().fmt(1, 1, 16000, 16)
                .chunk("data", WavBytes.shorts(0, 16384, -32768, 32767, -1)).bytes());
        AudioClip clip = AudioReader.read(f);
        assertArrayEquals(new float[] {0f, 0.5f, -1f, 32767f / 32768, -1f / 32768}, clip.channels()[0]);
        AudioFileInfo info = clip.info();
        assertEquals(AudioContainer.WAV, info.container());
        assertEquals(SampleEncoding.PCM_SIGNED, info.encoding());
        assertEquals(16, info.bitsPerSample());
        assertEquals(16000, info.sampleRate());
        assertEquals(5, info.frames());
        assertEquals(f, info.path());
        assertTrue(info.notes().isEmpty());
    }

    @Test
    void readsUnsigned8BitCentredOn128() throws IOException {
        Path f = file("u8.wav", WavBytes.riff().fmt(1, 1, 8000, 8)
                .chunk("data", new byte[] {(byte) 128, (byte) 192, 0, (byte) 255, 64}).bytes());
        AudioClip clip = AudioReader.read(f);
        assertArrayEquals(new float[] {0f, 0.5f, -1f, 127f / 128, -0.5f}, clip.channels()[0]);
        assertEquals(SampleEncoding.PCM_UNSIGNED, clip.info().encoding());
    }

    @Test
    void reads24BitStereoDeinterleaved() throws IOException {
        // L = 0x400000 (0.5), R = 0xC00000 (-0.5); then L = 0x000001, R = 0xFFFFFF (-1 LSB)
        byte[] data = {0, 0, 0x40, 0, 0, (byte) 0xC0, 1, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        Path f = file("s24.wav", WavBytes.riff().fmt(1, 2, 48000, 24).chunk("data", data).bytes());
        AudioClip clip = AudioReader.read(f);
        assertEquals(2, clip.channelCount());
        assertArrayEquals(new float[] {0.5f, 1f / 8388608}, clip.channels()[0]);
        assertArrayEquals(new float[] {-0.5f, -1f / 8388608}, clip.channels()[1]);
        assertEquals(24, clip.info().bitsPerSample());
    }

    @Test
    void reads32BitIntegerPcm() throws IOException {
        ByteBuffer b = WavBytes.le(8).putInt(Integer.MIN_VALUE).putInt(1 << 29);
        Path f = file("s32.wav", WavBytes.riff().fmt(1, 1, 44100, 32).chunk("data", b.array()).bytes());
        assertArrayEquals(new float[] {-1f, 0.25f}, AudioReader.read(f).channels()[0]);
    }

    @Test
    void readsFloat32AndFloat64() throws IOException {
        ByteBuffer f32 = WavBytes.le(12).putFloat(0.25f).putFloat(-1.5f).putFloat(1e-3f);
        Path a = file("f32.wav", WavBytes.riff().fmt(3, 1, 22050, 32).chunk("data", f32.array()).bytes());
        assertArrayEquals(new float[] {0.25f, -1.5f, 1e-3f}, AudioReader.read(a).channels()[0]);
        assertEquals(SampleEncoding.FLOAT, AudioReader.read(a).info().encoding());

        ByteBuffer f64 = WavBytes.le(16).putDouble(-0.125).putDouble(0.75);
        Path b = file("f64.wav", WavBytes.riff().fmt(3, 1, 22050, 64).chunk("data", f64.array()).bytes());
        AudioClip clip = AudioReader.read(b);
        assertArrayEquals(new float[] {-0.125f, 0.75f}, clip.channels()[0]);
        assertEquals(64, clip.info().bitsPerSample());
    }

    @Test
    void readsExtensiblePcmAndFloat() throws IOException {
        byte[] pcm = {0, 0, 0x40, 0, 0, (byte) 0xC0};
        Path a = file("ext24.wav", WavBytes.riff().fmtExtensible(1, 2, 96000, 24, 20).chunk("data", pcm).bytes());
        AudioClip clip = AudioReader.read(a);
        assertEquals(0.5f, clip.channels()[0][0]);
        assertEquals(-0.5f, clip.channels()[1][0]);
        assertEquals(20, clip.info().bitsPerSample());
        assertEquals(96000, clip.sampleRate());

        ByteBuffer fl = WavBytes.le(24);
        for (int i = 0; i < 6; i++) {
            fl.putFloat(i / 10f);
        }
        Path b = file("extf.wav", WavBytes.riff().fmtExtensible(3, 6, 48000, 32, 32).chunk("data", fl.array()).bytes());
        AudioClip six = AudioReader.read(b);
        assertEquals(6, six.channelCount());
        assertEquals(1, six.frames());
        for (int c = 0; c < 6; c++) {
            assertEquals(c / 10f, six.channels()[c][0]);
        }
    }

    @Test
    void skipsUnknownChunksWithOddPadding() throws IOException {
        Path f = file("odd.wav", WavBytes.riff().chunk("JUNK", new byte[3]).fmt(1, 1, 11025, 16)
                .chunk("LIST", new byte[] {1, 2, 3, 4, 5}).chunk("data", WavBytes.shorts(100, -100))
                .chunk("id3 ", new byte[7]).bytes());
        AudioClip clip = AudioReader.read(f);
        assertArrayEquals(new float[] {100f / 32768, -100f / 32768}, clip.channels()[0]);
        assertEquals(11025, clip.sampleRate());
    }

    @Test
    void readsFmtChunkThatFollowsData() throws IOException {
        Path f = file("late.wav", WavBytes.riff().chunk("data", WavBytes.shorts(1, 2, 3))
                .fmt(1, 1, 8000, 16).bytes());
        assertEquals(3, AudioReader.read(f).frames());
    }

    @Test
    void clampsStreamedDataSizeToTheFileWithANote() throws IOException {
        Path f = file("stream.wav", WavBytes.riff().fmt(1, 1, 16000, 16)
                .chunk("data", 0xFFFFFFFFL, WavBytes.shorts(1, 2, 3, 4)).bytes());
        AudioClip clip = AudioReader.read(f);
        assertEquals(4, clip.frames());
        assertTrue(clip.info().notes().get(0).contains("0xFFFFFFFF"), clip.info().notes().toString());
    }

    @Test
    void clampsOversizedDataChunkAndDropsPartialFrame() throws IOException {
        byte[] data = new byte[4 * 3 + 2]; // 3 stereo frames and half a frame
        Path f = file("trunc.wav", WavBytes.riff().fmt(1, 2, 16000, 16).chunk("data", 4000, data).bytes());
        AudioClip clip = AudioReader.read(f);
        assertEquals(3, clip.frames());
        assertEquals(2, clip.info().notes().size());
        assertTrue(clip.info().notes().get(0).contains("declares 4000 bytes"));
    }

    @Test
    void readsAiffAndAuThroughTheJdk() throws IOException {
        float[] expected = {0f, 0.5f, -0.25f, -1f};
        byte[] be = {0, 0, 0x40, 0, (byte) 0xE0, 0, (byte) 0x80, 0};
        AudioFormat format = new AudioFormat(22050, 16, 1, true, true);
        for (AudioFileFormat.Type type : new AudioFileFormat.Type[] {AudioFileFormat.Type.AIFF, AudioFileFormat.Type.AU}) {
            Path f = dir.resolve("x." + type.getExtension());
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(be), format, 4), type, f.toFile());
            AudioClip clip = AudioReader.read(f);
            assertArrayEquals(expected, clip.channels()[0], type.toString());
            assertEquals(22050, clip.sampleRate());
            assertEquals(type == AudioFileFormat.Type.AIFF ? AudioContainer.AIFF : AudioContainer.AU,
                    clip.info().container());
        }
    }

    @Test
    void readMonoMixesDownOrPicksAChannel() throws IOException {
        Path f = file("st.wav", WavBytes.riff().fmt(1, 2, 8000, 16)
                .chunk("data", WavBytes.shorts(16384, 0, -16384, 8192)).bytes());
        Signal mix = AudioReader.readMono(f, ChannelSelection.mixDown());
        assertArrayEquals(new double[] {0.25, -0.125}, mix.samples(), 1e-12);
        Signal right = AudioReader.readMono(f, ChannelSelection.channel(1));
        assertArrayEquals(new double[] {0, 0.25}, right.samples(), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AudioReader.readMono(f, ChannelSelection.channel(3)));
        assertEquals("channel 3 requested but " + f + " has 2 channels", e.getMessage());
    }

    @Test
    void channelSelectionParsesCommandLineForms() {
        assertTrue(ChannelSelection.parse("mix").isMixDown());
        assertEquals(2, ChannelSelection.parse(" 2 ").index());
        assertThrows(IllegalArgumentException.class, () -> ChannelSelection.parse("left"));
        assertThrows(IllegalArgumentException.class, () -> ChannelSelection.channel(-1));
    }
}
