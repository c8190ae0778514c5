package org.ncw.engine.audio;

/**
 * Turns interleaved stored samples (integer PCM of 1-4 bytes, IEEE float of 4/8 bytes, either byte order, or
 * G.711 mu-law/A-law bytes) into float channels scaled to [-1, 1): integers are divided by 2^(bits-1), unsigned
 * 8-bit is centred on 128 first, G.711 is expanded to 16-bit PCM as the ITU-T reference decoder does.
 */
final class PcmFrameDecoder {
    private final SampleEncoding encoding;
    private final int bytesPerSample;
    private final int channels;
    private final boolean bigEndian;
    private final float intScale;

    PcmFrameDecoder(SampleEncoding encoding, int bytesPerSample, int channels, boolean bigEndian) {
        this.encoding = encoding;
        this.bytesPerSample = bytesPerSample;
        this.channels = channels;
        this.bigEndian = bigEndian;
        this.intScale = (float) (1.0 / Math.pow(2, 8 * bytesPerSample - 1));
    }

    int frameBytes() {
        return bytesPerSample * channels;
    }

    /** Decodes {@code frames} frames from {@code src} (starting at 0) into {@code dst[c][dstFrame...]}. */
    void decode(byte[] src, int frames, float[][] dst, int dstFrame) {
        int p = 0;
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                dst[c][dstFrame + i] = sample(src, p);
                p += bytesPerSample;
            }
        }
    }

    private float sample(byte[] b, int p) {
        long raw = bigEndian ? readBigEndian(b, p) : readLittleEndian(b, p);
        switch (encoding) {
            case FLOAT:
                return bytesPerSample == 4 ? Float.intBitsToFloat((int) raw) : (float) Double.longBitsToDouble(raw);
            case MU_LAW:
                return muLaw((int) raw) / 32768f;
            case A_LAW:
                return aLaw((int) raw) / 32768f;
            case PCM_UNSIGNED:
                return (raw - (1L << (8 * bytesPerSample - 1))) * intScale;
            default:
                int shift = 64 - 8 * bytesPerSample;
                return ((raw << shift) >> shift) * intScale; // sign-extend
        }
    }

    /** G.711 mu-law byte to 16-bit PCM (segment and mantissa, bias 0x84). */
    static int muLaw(int code) {
        int u = ~code & 0xFF;
        int t = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
        return (u & 0x80) != 0 ? 0x84 - t : t - 0x84;
    }

    /** G.711 A-law byte to 16-bit PCM (even bits inverted, segment and mantissa). */
    static int aLaw(int code) {
        int a = (code & 0xFF) ^ 0x55;
        int t = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        t = segment == 0 ? t + 8 : (t + 0x108) << (segment - 1);
        return (a & 0x80) != 0 ? t : -t;
    }

    private long readLittleEndian(byte[] b, int p) {
        long v = 0;
        for (int k = bytesPerSample - 1; k >= 0; k--) {
            v = (v << 8) | (b[p + k] & 0xFF);
        }
        return v;
    }

    private long readBigEndian(byte[] b, int p) {
        long v = 0;
        for (int k = 0; k < bytesPerSample; k++) {
            v = (v << 8) | (b[p + k] & 0xFF);
        }
        return v;
    }
}
