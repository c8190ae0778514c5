package org.ncw.engine.audio;

/**
 * Turns interleaved stored samples (integer PCM of 1-4 bytes or IEEE float of 4/8 bytes, either byte order) into
 * float channels scaled to [-1, 1): integers are divided by 2^(bits-1), unsigned 8-bit is centred on 128 first.
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
            case PCM_UNSIGNED:
                return (raw - (1L << (8 * bytesPerSample - 1))) * intScale;
            default:
                int shift = 64 - 8 * bytesPerSample;
                return ((raw << shift) >> shift) * intScale; // sign-extend
        }
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
