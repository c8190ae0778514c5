package org.ncw.engine.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the chunk structure of an AIFF or AIFF-C file (big-endian IFF): the COMM chunk (channels, frames, sample
 * size, 80-bit extended rate, AIFF-C compression type) and where the SSND samples lie. Integer samples of 1-32 bits
 * are left-justified in 1-4 byte containers, so a 12-bit file is decoded as its 16-bit container.
 */
final class AiffParser {
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    private final Path file;
    private final FileChannel channel;
    private final long size;

    private AiffParser(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.size = channel.size();
    }

    /** Parses the header of an open file whose first 4 bytes are "FORM". */
    static SampleLayout parse(Path file, FileChannel channel) throws IOException {
        return new AiffParser(file, channel).parse();
    }

    private SampleLayout parse() throws IOException {
        if (size < 12) {
            throw new AudioFileException(file, "truncated header: " + size + " bytes, an AIFF file needs at least 12");
        }
        ByteBuffer form = HeaderBytes.read(file, channel, 0, 12, BE);
        boolean aifc = HeaderBytes.is(form, 8, "AIFC");
        if (!aifc && !HeaderBytes.is(form, 8, "AIFF")) {
            throw new AudioFileException(file, "an IFF file of type '" + HeaderBytes.fourCc(form, 8)
                    + "', not AIFF audio");
        }
        List<String> notes = new ArrayList<>();
        ByteBuffer comm = null;
        long ssndBody = -1;
        long ssndSize = 0;
        long pos = 12;
        while (pos + 8 <= size && (comm == null || ssndBody < 0)) {
            ByteBuffer header = HeaderBytes.read(file, channel, pos, 8, BE);
            long chunkSize = Integer.toUnsignedLong(header.getInt(4));
            long body = pos + 8;
            if (HeaderBytes.is(header, 0, "COMM")) {
                if (chunkSize < 18 || body + 18 > size) {
                    throw new AudioFileException(file, "truncated COMM chunk: " + Math.min(chunkSize, size - body)
                            + " bytes, needs at least 18");
                }
                comm = HeaderBytes.read(file, channel, body, (int) Math.min(chunkSize, Math.min(64, size - body)), BE);
            } else if (HeaderBytes.is(header, 0, "SSND")) {
                ssndBody = body;
                ssndSize = chunkSize;
            }
            pos = body + chunkSize + (chunkSize & 1);
        }
        if (comm == null) {
            throw new AudioFileException(file, "not a valid AIFF file: missing COMM chunk (no sample format)");
        }
        int channels = comm.getShort(0);
        long declaredFrames = Integer.toUnsignedLong(comm.getInt(2));
        int bits = comm.getShort(6);
        double rate = extended(comm, 8);
        HeaderBytes.checkChannelsAndRate(file, "COMM chunk", channels, rate);
        String compression = aifc ? compressionType(comm) : "NONE";
        WavFormat format = format(compression, bits, channels, (int) Math.round(rate));
        if (ssndBody < 0) {
            if (declaredFrames == 0) {
                throw new AudioFileException(file, "contains no audio samples");
            }
            throw new AudioFileException(file, "not a valid AIFF file: missing SSND chunk (no samples)");
        }
        if (ssndSize < 8 || ssndBody + 8 > size) {
            throw new AudioFileException(file, "truncated SSND chunk: " + Math.min(ssndSize, Math.max(0, size - ssndBody))
                    + " bytes, needs at least 8");
        }
        long offset = Integer.toUnsignedLong(HeaderBytes.read(file, channel, ssndBody, 4, BE).getInt(0));
        long dataOffset = ssndBody + 8 + offset;
        long declaredBytes = Math.max(0, ssndSize - 8 - offset);
        long available = Math.max(0, size - dataOffset);
        if (declaredBytes > available) {
            notes.add("SSND chunk declares " + declaredBytes + " bytes but the file holds " + available
                    + " (truncated file?); read what is present");
            declaredBytes = available;
        }
        long frames = Math.min(declaredFrames, declaredBytes / format.frameBytes());
        if (frames < declaredFrames) {
            notes.add("header declares " + declaredFrames + " frames but only " + frames + " are present; read those");
        }
        return new SampleLayout(AudioContainer.AIFF, format, bits, dataOffset, frames,
                !compression.equals("sowt"), notes);
    }

    private String compressionType(ByteBuffer comm) throws AudioFileException {
        if (comm.limit() < 22) {
            throw new AudioFileException(file, "truncated AIFF-C COMM chunk: " + comm.limit()
                    + " bytes, needs at least 22 (with the compression type)");
        }
        return HeaderBytes.fourCc(comm, 18);
    }

    private WavFormat format(String compression, int bits, int channels, int rate) throws AudioFileException {
        switch (compression) {
            case "NONE", "twos", "sowt", "in24", "in32" -> {
                if (bits < 1 || bits > 32) {
                    throw new AudioFileException(file, "invalid COMM chunk: " + bits
                            + " bits per sample (AIFF integer samples have 1 to 32)");
                }
                return new WavFormat(SampleEncoding.PCM_SIGNED, (bits + 7) / 8, bits, channels, rate);
            }
            case "raw " -> {
                return new WavFormat(SampleEncoding.PCM_UNSIGNED, 1, 8, channels, rate);
            }
            case "fl32", "FL32" -> {
                return new WavFormat(SampleEncoding.FLOAT, 4, 32, channels, rate);
            }
            case "fl64", "FL64" -> {
                return new WavFormat(SampleEncoding.FLOAT, 8, 64, channels, rate);
            }
            case "ulaw", "ULAW" -> {
                return new WavFormat(SampleEncoding.MU_LAW, 1, 8, channels, rate);
            }
            case "alaw", "ALAW" -> {
                return new WavFormat(SampleEncoding.A_LAW, 1, 8, channels, rate);
            }
            default -> throw new AudioFileException(file, "unsupported encoding: AIFF-C compression '" + compression
                    + "'; only uncompressed (NONE, twos, sowt), fl32, fl64, ulaw and alaw are read (convert with"
                    + " e.g. 'sox in.aifc -e signed -b 16 out.wav')");
        }
    }

    /** An IEEE 754 80-bit extended number (sign, 15-bit exponent, 64-bit mantissa with explicit integer bit). */
    static double extended(ByteBuffer b, int at) {
        int signExp = Short.toUnsignedInt(b.getShort(at));
        long mantissa = b.getLong(at + 2);
        int exponent = signExp & 0x7FFF;
        double sign = (signExp & 0x8000) != 0 ? -1 : 1;
        if (exponent == 0x7FFF) {
            return (mantissa << 1) == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        // unsigned 64-bit mantissa as a double, then scaled by 2^(exponent - bias - 63)
        double m = (mantissa >>> 1) * 2.0 + (mantissa & 1);
        return sign * Math.scalb(m, exponent - 16383 - 63);
    }
}
