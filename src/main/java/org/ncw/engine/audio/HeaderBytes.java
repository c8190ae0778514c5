package org.ncw.engine.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Header reading shared by the WAV, AIFF and AU parsers: exact reads and the limits every header must meet. */
final class HeaderBytes {
    /** More channels than this is a damaged header, not a recording (7th-order ambisonics has 64). */
    static final int MAX_CHANNELS = 256;
    /** Above this a rate is a damaged header (the fastest audio converters run at 768 kHz). */
    static final int MAX_RATE = 1_000_000;

    private HeaderBytes() {
    }

    /** Reads exactly {@code length} bytes at {@code pos}, or says the header is truncated. */
    static ByteBuffer read(Path file, FileChannel channel, long pos, int length, ByteOrder order) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(order);
        while (b.hasRemaining()) {
            if (channel.read(b, pos + b.position()) < 0) {
                throw new AudioFileException(file, "truncated header: file ends inside a chunk at byte " + pos);
            }
        }
        return b;
    }

    /** A four-character code as text, with control and non-ASCII bytes escaped so a terminal shows them safely. */
    static String fourCc(byte[] bytes, int offset) {
        StringBuilder s = new StringBuilder();
        for (int i = offset; i < offset + 4 && i < bytes.length; i++) {
            int c = bytes[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '\\') {
                s.append((char) c);
            } else {
                s.append(String.format("\\x%02X", c));
            }
        }
        return s.toString();
    }

    static String fourCc(ByteBuffer b, int offset) {
        byte[] four = new byte[4];
        for (int i = 0; i < 4; i++) {
            four[i] = b.get(offset + i);
        }
        return fourCc(four, 0);
    }

    static boolean is(ByteBuffer b, int offset, String code) {
        byte[] expected = code.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 4; i++) {
            if (b.get(offset + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Refuses channel counts and sample rates no recording has (a damaged or crafted header). */
    static void checkChannelsAndRate(Path file, String chunk, long channels, double rate) throws AudioFileException {
        if (channels <= 0) {
            throw new AudioFileException(file, "invalid " + chunk + ": " + channels + " channels");
        }
        if (channels > MAX_CHANNELS) {
            throw new AudioFileException(file, "invalid " + chunk + ": " + channels + " channels (more than "
                    + MAX_CHANNELS + " is a damaged header)");
        }
        if (Double.isNaN(rate) || Double.isInfinite(rate)) {
            throw new AudioFileException(file, "invalid " + chunk + ": sample rate is " + rate);
        }
        if (Math.round(rate) <= 0) {
            throw new AudioFileException(file, "invalid " + chunk + ": sample rate " + formatRate(rate) + " Hz");
        }
        if (rate > MAX_RATE) {
            throw new AudioFileException(file, "invalid " + chunk + ": sample rate " + formatRate(rate)
                    + " Hz (above " + MAX_RATE + " Hz is a damaged header)");
        }
    }

    private static String formatRate(double rate) {
        return rate == Math.rint(rate) && Math.abs(rate) < 1e18 ? Long.toString((long) rate) : Double.toString(rate);
    }
}
