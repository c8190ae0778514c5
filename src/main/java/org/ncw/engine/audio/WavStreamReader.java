package org.ncw.engine.audio;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads a WAV (RIFF or RF64) stream front to back in bounded memory, e.g. from stdin: the chunks before the data are
 * parsed on the way, the data is decoded block by block ({@link PcmFrameDecoder}). A data size of 0xFFFFFFFF (or 0,
 * as some streaming tools write) means "until the end of the stream".
 */
public final class WavStreamReader {
    private static final int BLOCK_FRAMES = 4096;
    private static final long UNKNOWN = 0xFFFFFFFFL;

    private final InputStream in;
    private final Path name;
    private final int channels;
    private final int sampleRate;
    private final PcmFrameDecoder decoder;
    private final long declaredFrames;
    private final byte[] bytes;
    private final float[][] decoded;
    private long remainingBytes;

    private WavStreamReader(InputStream in, Path name, int tag, int channels, int sampleRate, int bits,
                            int blockAlign, long dataBytes) throws AudioFileException {
        this.in = in;
        this.name = name;
        if (channels <= 0 || sampleRate <= 0) {
            throw new AudioFileException(name, "invalid fmt chunk: " + channels + " channels at " + sampleRate + " Hz");
        }
        int width = blockAlign / channels;
        SampleEncoding encoding;
        if (tag == WavParser.FORMAT_PCM && width >= 1 && width <= 4) {
            encoding = bits <= 8 ? SampleEncoding.PCM_UNSIGNED : SampleEncoding.PCM_SIGNED;
        } else if (tag == WavParser.FORMAT_IEEE_FLOAT && (width == 4 || width == 8)) {
            encoding = SampleEncoding.FLOAT;
        } else {
            throw new AudioFileException(name, String.format("unsupported encoding: format tag 0x%04X with %d bits;"
                    + " only PCM (8-32 bit) and IEEE float WAV streams are read", tag, bits));
        }
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.decoder = new PcmFrameDecoder(encoding, width, channels, false);
        this.remainingBytes = dataBytes;
        this.declaredFrames = dataBytes == Long.MAX_VALUE ? -1 : dataBytes / blockAlign;
        this.bytes = new byte[BLOCK_FRAMES * blockAlign];
        this.decoded = new float[channels][BLOCK_FRAMES];
    }

    /** Reads the header up to the data chunk; {@code name} labels messages ("-" for stdin). */
    public static WavStreamReader open(InputStream in, Path name) throws IOException {
        byte[] riff = readFully(in, 12, name, "RIFF header");
        String magic = new String(riff, 0, 4, StandardCharsets.ISO_8859_1);
        if (!(magic.equals("RIFF") || magic.equals("RF64"))
                || !new String(riff, 8, 4, StandardCharsets.ISO_8859_1).equals("WAVE")) {
            throw new AudioFileException(name, "not a WAV stream (no RIFF/RF64 ... WAVE header); pipe WAV, e.g."
                    + " 'sox in.flac -t wav -'");
        }
        long ds64Data = -1;
        ByteBuffer fmt = null;
        while (true) {
            ByteBuffer chunk = ByteBuffer.wrap(readFully(in, 8, name, "chunk header")).order(ByteOrder.LITTLE_ENDIAN);
            String id = new String(chunk.array(), 0, 4, StandardCharsets.ISO_8859_1);
            long size = Integer.toUnsignedLong(chunk.getInt(4));
            if (id.equals("data")) {
                if (fmt == null) {
                    throw new AudioFileException(name, "not a valid WAV stream: data before the fmt chunk");
                }
                long dataBytes = ds64Data >= 0 && size == UNKNOWN ? ds64Data
                        : (size == UNKNOWN || size == 0) ? Long.MAX_VALUE : size;
                int tag = Short.toUnsignedInt(fmt.getShort(0));
                int bits = Short.toUnsignedInt(fmt.getShort(14));
                if (tag == WavParser.FORMAT_EXTENSIBLE && fmt.capacity() >= 26) {
                    tag = Short.toUnsignedInt(fmt.getShort(24));
                }
                return new WavStreamReader(in, name, tag, Short.toUnsignedInt(fmt.getShort(2)), fmt.getInt(4), bits,
                        Short.toUnsignedInt(fmt.getShort(12)), dataBytes);
            }
            if (size > (1 << 20)) {
                throw new AudioFileException(name, "chunk '" + id + "' of " + size + " bytes before the data;"
                        + " a WAV stream's header chunks are expected below 1 MiB");
            }
            byte[] body = readFully(in, (int) (size + (size & 1)), name, "'" + id + "' chunk");
            if (id.equals("fmt ")) {
                if (size < 16) {
                    throw new AudioFileException(name, "truncated fmt chunk: " + size + " bytes, needs at least 16");
                }
                fmt = ByteBuffer.wrap(body, 0, (int) size).slice().order(ByteOrder.LITTLE_ENDIAN);
            } else if (id.equals("ds64") && size >= 16) {
                ds64Data = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).getLong(8);
            }
        }
    }

    private static byte[] readFully(InputStream in, int n, Path name, String what) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new AudioFileException(name, "the stream ended inside the " + what + " (" + b.length + " of " + n
                    + " bytes)");
        }
        return b;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    /** Frames the header declares, or -1 when the stream says "until the end". */
    public long declaredFrames() {
        return declaredFrames;
    }

    /**
     * Reads up to {@code max} frames (at most one block) of every channel into {@code dst[channel][0..]}; returns
     * the frames read, or -1 at the end of the data. A partial frame at the end is dropped.
     */
    public int readChannels(float[][] dst, int max) throws IOException {
        int frames = fill(max);
        if (frames <= 0) {
            return -1;
        }
        decoder.decode(bytes, frames, dst, 0);
        return frames;
    }

    /** Reads up to {@code max} whole frames (at most one block) into {@code bytes}; 0 at the end of the data. */
    private int fill(int max) throws IOException {
        int frameBytes = decoder.frameBytes();
        int want = (int) Math.min(Math.min(max, BLOCK_FRAMES), remainingBytes / frameBytes);
        if (want <= 0) {
            return 0;
        }
        int got = in.readNBytes(bytes, 0, want * frameBytes);
        remainingBytes = got < want * frameBytes ? 0 : remainingBytes - got;
        return got / frameBytes;
    }

    /**
     * Skips up to {@code frames} frames without decoding them (a seek on a file stream); returns the frames skipped,
     * fewer only at the end of the data.
     */
    public long skip(long frames) throws IOException {
        int frameBytes = decoder.frameBytes();
        long want = Math.min(Math.max(0, frames), remainingBytes / frameBytes) * frameBytes;
        long done = 0;
        while (done < want) {
            long n = in.skip(want - done);
            if (n <= 0) {
                if (in.read() < 0) {
                    break;
                }
                n = 1;
            }
            done += n;
        }
        remainingBytes -= done;
        if (done < want) {
            remainingBytes = 0;
        }
        return done / frameBytes;
    }

    /**
     * Reads up to {@code max} frames as mono (the channels' mean, or one channel) into {@code dst[offset..]};
     * returns the frames read, or -1 at the end of the data. A partial frame at the end is dropped.
     */
    public int read(double[] dst, int offset, int max, ChannelSelection selection) throws IOException {
        if (!selection.isMixDown() && selection.index() >= channels) {
            throw new AudioFileException(name, "has " + channels + " channel(s); channel " + selection.index()
                    + " does not exist (0-based)");
        }
        int frames = fill(max);
        if (frames <= 0) {
            return -1;
        }
        decoder.decode(bytes, frames, decoded, 0);
        for (int i = 0; i < frames; i++) {
            double v;
            if (selection.isMixDown()) {
                v = 0;
                for (int c = 0; c < channels; c++) {
                    v += decoded[c][i];
                }
                v /= channels;
            } else {
                v = decoded[selection.index()][i];
            }
            dst[offset + i] = v;
        }
        return frames;
    }
}
