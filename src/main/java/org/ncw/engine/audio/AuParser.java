package org.ncw.engine.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the header of a Sun/NeXT AU file: 24 big-endian bytes (data offset and size, encoding, rate, channels). */
final class AuParser {
    private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;
    private static final Map<Integer, String> KNOWN_ENCODINGS = Map.of(
            8, "fragmented", 10, "DSP program", 23, "G.721 ADPCM", 24, "G.722 ADPCM", 25, "G.723 3-bit ADPCM",
            26, "G.723 5-bit ADPCM");

    private AuParser() {
    }

    /** Parses the header of an open file whose first 4 bytes are ".snd". */
    static SampleLayout parse(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < 24) {
            throw new AudioFileException(file, "truncated header: " + size + " bytes, an AU file needs at least 24");
        }
        ByteBuffer h = HeaderBytes.read(file, channel, 0, 24, ByteOrder.BIG_ENDIAN);
        long dataOffset = Integer.toUnsignedLong(h.getInt(4));
        long declaredBytes = Integer.toUnsignedLong(h.getInt(8));
        int code = h.getInt(12);
        long rate = Integer.toUnsignedLong(h.getInt(16));
        long channels = Integer.toUnsignedLong(h.getInt(20));
        HeaderBytes.checkChannelsAndRate(file, "AU header", channels, rate);
        WavFormat format = switch (code) {
            case 1 -> new WavFormat(SampleEncoding.MU_LAW, 1, 8, (int) channels, (int) rate);
            case 2, 3, 4, 5 -> new WavFormat(SampleEncoding.PCM_SIGNED, code - 1, 8 * (code - 1), (int) channels,
                    (int) rate);
            case 6 -> new WavFormat(SampleEncoding.FLOAT, 4, 32, (int) channels, (int) rate);
            case 7 -> new WavFormat(SampleEncoding.FLOAT, 8, 64, (int) channels, (int) rate);
            case 27 -> new WavFormat(SampleEncoding.A_LAW, 1, 8, (int) channels, (int) rate);
            default -> throw new AudioFileException(file, "unsupported encoding: AU encoding " + code + " ("
                    + KNOWN_ENCODINGS.getOrDefault(code, "unknown") + "); only mu-law, A-law, 8-32 bit PCM and"
                    + " float are read (convert with e.g. 'sox in.au -e signed -b 16 out.wav')");
        };
        if (dataOffset < 24 || dataOffset > size) {
            throw new AudioFileException(file, "invalid AU header: data offset " + dataOffset + " (the file has "
                    + size + " bytes and the header 24)");
        }
        List<String> notes = new ArrayList<>();
        long available = size - dataOffset;
        long dataBytes = available;
        if (declaredBytes == UNKNOWN_SIZE) {
            notes.add("data size is unset (0xFFFFFFFF, a streamed file); read the " + available + " bytes present");
        } else if (declaredBytes > available) {
            notes.add("header declares " + declaredBytes + " data bytes but the file holds " + available
                    + " (truncated file?); read what is present");
        } else {
            dataBytes = declaredBytes;
        }
        long frames = dataBytes / format.frameBytes();
        return new SampleLayout(AudioContainer.AU, format, format.validBits(), dataOffset, frames, true, notes);
    }
}
