package org.ncw.engine.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds RIFF/WAVE byte streams chunk by chunk, including malformed ones, for reader tests. */
final class WavBytes {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    static WavBytes riff() {
        return new WavBytes();
    }

    /** A plain fmt chunk (16 bytes). */
    WavBytes fmt(int tag, int channels, int rate, int bits) {
        int blockAlign = channels * ((bits + 7) / 8);
        ByteBuffer b = le(16).putShort((short) tag).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        return chunk("fmt ", b.array());
    }

    /** A WAVE_FORMAT_EXTENSIBLE fmt chunk (40 bytes) whose sub-format GUID carries {@code subTag}. */
    WavBytes fmtExtensible(int subTag, int channels, int rate, int containerBits, int validBits) {
        int blockAlign = channels * containerBits / 8;
        ByteBuffer b = le(40).putShort((short) 0xFFFE).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) containerBits)
                .putShort((short) 22).putShort((short) validBits).putInt(channels == 2 ? 3 : 4)
                .putShort((short) subTag).put(WavParser.GUID_SUFFIX);
        return chunk("fmt ", b.array());
    }

    WavBytes chunk(String id, byte[] data) {
        return chunk(id, data.length, data);
    }

    /** A chunk with a declared size that may differ from the bytes given; odd sizes get RIFF's pad byte. */
    WavBytes chunk(String id, long declaredSize, byte[] data) {
        body.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(le(4).putInt((int) declaredSize).array());
        body.writeBytes(data);
        if (data.length % 2 == 1 && declaredSize == data.length) {
            body.write(0);
        }
        return this;
    }

    byte[] bytes() {
        byte[] b = body.toByteArray();
        ByteBuffer out = le(12 + b.length);
        out.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(4 + b.length)
                .put("WAVE".getBytes(StandardCharsets.ISO_8859_1)).put(b);
        return out.array();
    }

    static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    static byte[] shorts(int... v) {
        ByteBuffer b = le(2 * v.length);
        for (int x : v) {
            b.putShort((short) x);
        }
        return b.array();
    }
}
