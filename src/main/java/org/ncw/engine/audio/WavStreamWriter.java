package org.ncw.engine.audio;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Writes a mono WAV stream block by block in bounded memory.
 * <ul>
 *   <li>to a seekable file channel: the header reserves a 28-byte JUNK chunk; {@link #finish()} patches the sizes,
 *       and beyond the 4 GiB RIFF limit turns the file into RF64 (EBU Tech 3306: "RF64", the JUNK chunk becomes ds64
 *       with the 64-bit sizes, the 32-bit fields hold 0xFFFFFFFF);</li>
 *   <li>to a pipe: the sizes are unknown, so RIFF and data sizes are 0xFFFFFFFF (the streaming convention that sox
 *       and ffmpeg read as "until the end"), and no fact chunk.</li>
 * </ul>
 * PCM16 clips samples outside [-1, 1] (counted); FLOAT32 writes them as they are.
 */
public final class WavStreamWriter implements Closeable {
    /** Largest RIFF size field: files whose RIFF chunk exceeds it become RF64. */
    static final long RIFF_LIMIT = 0xFFFFFFFFL;
    private static final int UNKNOWN = 0xFFFFFFFF;
    private static final int JUNK_BYTES = 28;
    private static final int BLOCK_SAMPLES = 8192;

    private final FileChannel channel;
    private final OutputStream pipe;
    private final SampleFormat format;
    private final int sampleRate;
    private final long rf64Threshold;
    private final int headerBytes;
    private final ByteBuffer block;
    private long frames;
    private long clipped;
    private boolean finished;

    private WavStreamWriter(FileChannel channel, OutputStream pipe, int sampleRate, SampleFormat format,
                            long rf64Threshold) throws IOException {
        this.channel = channel;
        this.pipe = pipe;
        this.sampleRate = sampleRate;
        this.format = format;
        this.rf64Threshold = rf64Threshold;
        this.block = ByteBuffer.allocate(BLOCK_SAMPLES * bytesPerSample()).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer h = header(false);
        this.headerBytes = h.remaining();
        put(h);
    }

    /** A writer to a file channel positioned at 0 (sizes patched by {@link #finish()}). */
    public static WavStreamWriter toFile(FileChannel channel, int sampleRate, SampleFormat format) throws IOException {
        return new WavStreamWriter(channel, null, sampleRate, format, RIFF_LIMIT);
    }

    /** As {@link #toFile}, becoming RF64 once the RIFF size would exceed {@code rf64Threshold} (tests use small ones). */
    static WavStreamWriter toFile(FileChannel channel, int sampleRate, SampleFormat format, long rf64Threshold)
            throws IOException {
        return new WavStreamWriter(channel, null, sampleRate, format, rf64Threshold);
    }

    /** A writer to a stream that cannot seek (stdout, a pipe). */
    public static WavStreamWriter toPipe(OutputStream out, int sampleRate, SampleFormat format) throws IOException {
        return new WavStreamWriter(null, out, sampleRate, format, RIFF_LIMIT);
    }

    private int bytesPerSample() {
        return format.bits() / 8;
    }

    private ByteBuffer header(boolean rf64) {
        boolean pcm = format == SampleFormat.PCM16;
        boolean seekable = channel != null;
        long dataBytes = frames * bytesPerSample();
        int size = 12 + (seekable ? 8 + JUNK_BYTES : 0) + 8 + (pcm ? 16 : 18) + (pcm || !seekable ? 0 : 12) + 8;
        ByteBuffer h = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        long riffSize = size - 8 + dataBytes;
        h.put(ascii(rf64 ? "RF64" : "RIFF")).putInt(seekable && !rf64 ? (int) riffSize : UNKNOWN).put(ascii("WAVE"));
        if (seekable) {
            h.put(ascii(rf64 ? "ds64" : "JUNK")).putInt(JUNK_BYTES);
            h.putLong(rf64 ? riffSize : 0).putLong(rf64 ? dataBytes : 0).putLong(rf64 ? frames : 0).putInt(0);
        }
        int bytes = bytesPerSample();
        h.put(ascii("fmt ")).putInt(pcm ? 16 : 18)
                .putShort((short) (pcm ? WavParser.FORMAT_PCM : WavParser.FORMAT_IEEE_FLOAT))
                .putShort((short) 1).putInt(sampleRate).putInt(sampleRate * bytes)
                .putShort((short) bytes).putShort((short) format.bits());
        if (!pcm) {
            h.putShort((short) 0); // cbSize
            if (seekable) {
                h.put(ascii("fact")).putInt(4).putInt(rf64 ? UNKNOWN : (int) frames);
            }
        }
        h.put(ascii("data")).putInt(seekable && !rf64 ? (int) dataBytes : UNKNOWN);
        return h.flip();
    }

    /** Appends {@code length} mono samples. */
    public void write(double[] samples, int offset, int length) throws IOException {
        if (finished) {
            throw new IllegalStateException("the WAV stream was finished");
        }
        boolean pcm = format == SampleFormat.PCM16;
        for (int i = 0; i < length; i++) {
            double x = samples[offset + i];
            if (pcm) {
                if (x > 1 || x < -1) {
                    clipped++;
                }
                block.putShort((short) Math.max(-32768, Math.min(32767, Math.round(x * 32768.0))));
            } else {
                block.putFloat((float) x);
            }
            if (!block.hasRemaining()) {
                drain();
            }
        }
        frames += length;
    }

    private void drain() throws IOException {
        block.flip();
        put(block);
        block.clear();
    }

    private void put(ByteBuffer b) throws IOException {
        if (channel != null) {
            while (b.hasRemaining()) {
                channel.write(b);
            }
        } else {
            pipe.write(b.array(), b.position(), b.remaining());
            b.position(b.limit());
        }
    }

    /** Passes what is buffered on (to a pipe: flushed, so a reader downstream gets it now). */
    public void flush() throws IOException {
        drain();
        if (pipe != null) {
            pipe.flush();
        }
    }

    /** Writes what is buffered and, on a file, the final sizes (RF64 beyond the threshold). Idempotent. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        drain();
        finished = true;
        if (channel != null) {
            long riffSize = headerBytes - 8 + frames * bytesPerSample();
            ByteBuffer h = header(riffSize > rf64Threshold);
            long end = channel.position();
            channel.position(0);
            while (h.hasRemaining()) {
                channel.write(h);
            }
            channel.position(end);
        } else {
            pipe.flush();
        }
    }

    public long frames() {
        return frames;
    }

    public long clippedSamples() {
        return clipped;
    }

    /** Same as {@link #finish()}; the channel or stream stays open (its owner closes it). */
    @Override
    public void close() throws IOException {
        finish();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
