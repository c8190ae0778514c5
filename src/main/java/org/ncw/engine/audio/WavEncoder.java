package org.ncw.engine.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a clip as a canonical RIFF/WAVE stream: PCM16 (format tag 1, 16-byte fmt) or FLOAT32 (format tag 3,
 * 18-byte fmt plus the fact chunk the spec asks of non-PCM data). Counts the samples PCM16 had to clip.
 */
final class WavEncoder {
    private static final int BLOCK_FRAMES = 4096;
    private final SampleFormat format;
    private long clipped;

    WavEncoder(SampleFormat format) {
        this.format = format;
    }

    /** Bytes {@link #encode} will write for a clip of this shape; callers check the 4 GiB RIFF limit with it. */
    static long encodedSize(SampleFormat format, int channels, long frames) {
        long header = format == SampleFormat.PCM16 ? 44 : 58;
        return header + frames * channels * (format.bits() / 8);
    }

    long clippedSamples() {
        return clipped;
    }

    void encode(AudioClip clip, OutputStream out) throws IOException {
        int channels = clip.channelCount();
        long frames = clip.frames();
        int bytesPerSample = format.bits() / 8;
        long dataBytes = frames * channels * bytesPerSample;
        boolean pcm = format == SampleFormat.PCM16;
        ByteBuffer h = ByteBuffer.allocate(pcm ? 44 : 58).order(ByteOrder.LITTLE_ENDIAN);
        h.put(ascii("RIFF")).putInt((int) (encodedSize(format, channels, frames) - 8)).put(ascii("WAVE"));
        h.put(ascii("fmt ")).putInt(pcm ? 16 : 18)
                .putShort((short) (pcm ? WavParser.FORMAT_PCM : WavParser.FORMAT_IEEE_FLOAT))
                .putShort((short) channels).putInt(clip.sampleRate())
                .putInt(clip.sampleRate() * channels * bytesPerSample)
                .putShort((short) (channels * bytesPerSample)).putShort((short) format.bits());
        if (!pcm) {
            h.putShort((short) 0); // cbSize
            h.put(ascii("fact")).putInt(4).putInt((int) frames);
        }
        h.put(ascii("data")).putInt((int) dataBytes);
        out.write(h.array());

        ByteBuffer block = ByteBuffer.allocate(BLOCK_FRAMES * channels * bytesPerSample).order(ByteOrder.LITTLE_ENDIAN);
        float[][] data = clip.channels();
        for (int start = 0; start < frames; start += BLOCK_FRAMES) {
            int end = (int) Math.min(frames, start + (long) BLOCK_FRAMES);
            block.clear();
            for (int i = start; i < end; i++) {
                for (int c = 0; c < channels; c++) {
                    float x = data[c][i];
                    if (pcm) {
                        block.putShort(toPcm16(x));
                    } else {
                        block.putFloat(x);
                    }
                }
            }
            out.write(block.array(), 0, block.position());
        }
    }

    /** Scales by 32768 (the inverse of reading), rounds, and clips to the 16-bit range. */
    private short toPcm16(float x) {
        if (x > 1f || x < -1f) {
            clipped++;
        }
        long v = Math.round(x * 32768.0);
        return (short) Math.max(-32768, Math.min(32767, v));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
