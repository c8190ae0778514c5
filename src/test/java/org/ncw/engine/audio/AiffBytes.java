package org.ncw.engine.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Builds AIFF, AIFF-C and AU byte streams with any header values, including absurd ones, for reader tests. */
final class AiffBytes {
    private AiffBytes() {
    }

    /** An AIFF file (or AIFF-C when {@code compression} is not null) with a COMM and an SSND chunk. */
    static byte[] aiff(int channels, long frames, int bits, double rate, String compression, byte[] samples) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteBuffer comm = ByteBuffer.allocate(compression == null ? 18 : 24).putShort((short) channels)
                .putInt((int) frames).putShort((short) bits).put(extended(rate));
        if (compression != null) {
            comm.put(compression.getBytes(StandardCharsets.ISO_8859_1)).put((byte) 0).put((byte) 0);
            chunk(body, "FVER", ByteBuffer.allocate(4).putInt(0xA2805140).array());
        }
        chunk(body, "COMM", comm.array());
        chunk(body, "SSND", ByteBuffer.allocate(8 + samples.length).putInt(0).putInt(0).put(samples).array());
        byte[] b = body.toByteArray();
        return ByteBuffer.allocate(12 + b.length).put("FORM".getBytes(StandardCharsets.ISO_8859_1))
                .putInt(4 + b.length).put((compression == null ? "AIFF" : "AIFC").getBytes(StandardCharsets.ISO_8859_1))
                .put(b).array();
    }

    /** An AU file: 24-byte header, then the samples. */
    static byte[] au(int encoding, long rate, long channels, long dataSize, byte[] samples) {
        return ByteBuffer.allocate(24 + samples.length).put(".snd".getBytes(StandardCharsets.ISO_8859_1)).putInt(24)
                .putInt((int) dataSize).putInt(encoding).putInt((int) rate).putInt((int) channels).put(samples)
                .array();
    }

    private static void chunk(ByteArrayOutputStream out, String id, byte[] data) {
        out.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write(0);
        }
    }

    /** The IEEE 754 80-bit extended form of a rate; NaN and infinities too. */
    static byte[] extended(double value) {
        ByteBuffer b = ByteBuffer.allocate(10);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            int sign = value < 0 ? 0x8000 : 0;
            return b.putShort((short) (sign | 0x7FFF)).putLong(Double.isNaN(value) ? 0xC000000000000000L : 1L << 63)
                    .array();
        }
        if (value == 0) {
            return b.array();
        }
        int sign = value < 0 ? 0x8000 : 0;
        double v = Math.abs(value);
        int exponent = Math.getExponent(v);
        long mantissa = ((long) Math.scalb(v, 62 - exponent)) << 1; // top bit set: the explicit integer bit
        return b.putShort((short) (sign | (exponent + 16383))).putLong(mantissa).array();
    }

    static byte[] bigEndianShorts(int... v) {
        ByteBuffer b = ByteBuffer.allocate(2 * v.length);
        for (int x : v) {
            b.putShort((short) x);
        }
        return b.array();
    }
}
