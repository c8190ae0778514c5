package org.ncw.engine.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the chunk structure of a RIFF/WAVE file: the fmt chunk (PCM, IEEE float, WAVE_FORMAT_EXTENSIBLE) and where
 * the data chunk lies. Unknown chunks are skipped (with RIFF's pad byte after odd sizes). A data size of 0xFFFFFFFF
 * or past the end of the file (left by streaming writers) is clamped to the file, with a note.
 */
final class WavParser {
    static final int FORMAT_PCM = 0x0001;
    static final int FORMAT_IEEE_FLOAT = 0x0003;
    static final int FORMAT_EXTENSIBLE = 0xFFFE;
    /** Bytes 2..15 of the KSDATAFORMAT_SUBTYPE_* GUIDs; bytes 0..1 carry the plain format tag. */
    static final byte[] GUID_SUFFIX = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA,
            0x00, 0x38, (byte) 0x9B, 0x71};

    private static final Map<Integer, String> KNOWN_TAGS = Map.ofEntries(
            Map.entry(0x0002, "Microsoft ADPCM"), Map.entry(0x0006, "A-law"), Map.entry(0x0007, "mu-law"),
            Map.entry(0x0011, "IMA ADPCM"), Map.entry(0x0031, "GSM 6.10"), Map.entry(0x0050, "MPEG"),
            Map.entry(0x0055, "MPEG Layer 3"), Map.entry(0x0092, "Dolby AC-3"), Map.entry(0x00FF, "AAC"),
            Map.entry(0x0161, "Windows Media Audio"), Map.entry(0x1610, "MPEG-4 AAC"), Map.entry(0xF1AC, "FLAC"));

    /** Where the samples are and how they are stored. */
    record Layout(WavFormat format, long dataOffset, long dataBytes, List<String> notes) {
        long frames() {
            return dataBytes / format.frameBytes();
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final long size;

    private WavParser(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.size = channel.size();
    }

    /** Parses the header of an open file whose first 12 bytes are "RIFF....WAVE". */
    static Layout parse(Path file, FileChannel channel) throws IOException {
        return new WavParser(file, channel).parse();
    }

    private Layout parse() throws IOException {
        List<String> notes = new ArrayList<>();
        WavFormat format = null;
        long dataOffset = -1;
        long dataBytes = 0;
        long pos = 12;
        while (pos + 8 <= size) {
            ByteBuffer header = read(pos, 8);
            String id = new String(header.array(), 0, 4, StandardCharsets.ISO_8859_1);
            long chunkSize = Integer.toUnsignedLong(header.getInt(4));
            long body = pos + 8;
            if (id.equals("fmt ")) {
                format = parseFormat(chunkSize, body);
            } else if (id.equals("data")) {
                dataOffset = body;
                long available = size - body;
                if (chunkSize > available) {
                    notes.add(chunkSize == 0xFFFFFFFFL
                            ? "data chunk size is unset (0xFFFFFFFF, a streamed file); read the " + available
                                    + " bytes present"
                            : "data chunk declares " + chunkSize + " bytes but the file holds " + available
                                    + " (truncated file?); read what is present");
                    dataBytes = available;
                    break;
                }
                dataBytes = chunkSize;
                if (format != null) {
                    break;
                }
            }
            pos = body + chunkSize + (chunkSize & 1);
        }
        if (format == null) {
            throw new AudioFileException(file, dataOffset < 0
                    ? "not a valid WAV file: missing fmt and data chunks"
                    : "not a valid WAV file: missing fmt chunk (no sample format before the end of the file)");
        }
        if (dataOffset < 0) {
            throw new AudioFileException(file, "not a valid WAV file: missing data chunk (no samples)");
        }
        long partial = dataBytes % format.frameBytes();
        if (partial != 0) {
            notes.add("data ends in a partial frame; ignored its last " + partial + " bytes");
            dataBytes -= partial;
        }
        return new Layout(format, dataOffset, dataBytes, notes);
    }

    private WavFormat parseFormat(long chunkSize, long body) throws IOException {
        if (chunkSize < 16 || body + 16 > size) {
            throw new AudioFileException(file, "truncated fmt chunk: " + Math.min(chunkSize, size - body)
                    + " bytes, needs at least 16");
        }
        int length = (int) Math.min(chunkSize, Math.min(64, size - body));
        ByteBuffer b = read(body, length);
        int tag = Short.toUnsignedInt(b.getShort(0));
        int channels = Short.toUnsignedInt(b.getShort(2));
        long rate = Integer.toUnsignedLong(b.getInt(4));
        int blockAlign = Short.toUnsignedInt(b.getShort(12));
        int bits = Short.toUnsignedInt(b.getShort(14));
        if (tag == FORMAT_EXTENSIBLE) {
            if (length < 40) {
                throw new AudioFileException(file, "truncated WAVE_FORMAT_EXTENSIBLE fmt chunk: " + length
                        + " bytes, needs 40");
            }
            int validBits = Short.toUnsignedInt(b.getShort(18));
            tag = Short.toUnsignedInt(b.getShort(24));
            for (int i = 0; i < GUID_SUFFIX.length; i++) {
                if (b.get(26 + i) != GUID_SUFFIX[i]) {
                    throw new AudioFileException(file, "unsupported encoding: WAVE_FORMAT_EXTENSIBLE with sub-format GUID "
                            + guid(b, 24) + "; only PCM and IEEE float are read");
                }
            }
            if (validBits > 0 && validBits <= bits) {
                return layout(tag, channels, rate, blockAlign, bits, validBits);
            }
        }
        return layout(tag, channels, rate, blockAlign, bits, bits);
    }

    private WavFormat layout(int tag, int channels, long rate, int blockAlign, int bits, int validBits)
            throws AudioFileException {
        SampleEncoding encoding;
        if (tag == FORMAT_PCM) {
            encoding = bits <= 8 ? SampleEncoding.PCM_UNSIGNED : SampleEncoding.PCM_SIGNED;
        } else if (tag == FORMAT_IEEE_FLOAT) {
            encoding = SampleEncoding.FLOAT;
        } else {
            String name = KNOWN_TAGS.getOrDefault(tag, "unknown");
            throw new AudioFileException(file, String.format("unsupported encoding: format tag 0x%04X (%s); only PCM"
                    + " and IEEE float WAV are read (convert with e.g. 'sox in.wav -e signed -b 16 out.wav')", tag, name));
        }
        if (channels == 0) {
            throw new AudioFileException(file, "invalid fmt chunk: zero channels");
        }
        HeaderBytes.checkChannelsAndRate(file, "fmt chunk", channels, rate);
        int bytes = (bits + 7) / 8;
        // Samples narrower than their container (e.g. 12-bit in 16) are left-justified: decode the container.
        if (bits > 0 && blockAlign % channels == 0 && blockAlign / channels > bytes) {
            bytes = blockAlign / channels;
        }
        boolean ok = encoding == SampleEncoding.FLOAT ? (bytes == 4 || bytes == 8) : (bytes >= 1 && bytes <= 4);
        if (!ok && bits > 0 && bytes > (bits + 7) / 8) {
            throw new AudioFileException(file, "invalid fmt chunk: block align " + blockAlign + " bytes for "
                    + channels + " channel" + (channels == 1 ? "" : "s") + " of " + bits + "-bit samples (" + bytes
                    + " bytes per sample; " + (encoding == SampleEncoding.FLOAT ? "float uses 4 or 8)"
                    : "integer PCM uses at most 4)"));
        }
        if (!ok || bits == 0) {
            throw new AudioFileException(file, "unsupported encoding: " + encoding.label() + " with " + bits
                    + " bits per sample");
        }
        return new WavFormat(encoding, bytes, validBits, channels, (int) rate);
    }

    private static String guid(ByteBuffer b, int at) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            s.append(String.format("%02X", b.get(at + i)));
        }
        return s.toString();
    }

    private ByteBuffer read(long pos, int length) throws IOException {
        return HeaderBytes.read(file, channel, pos, length, ByteOrder.LITTLE_ENDIAN);
    }
}
