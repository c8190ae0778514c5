package org.ncw.engine.audio;

/** Sample format of a written WAV file. */
public enum SampleFormat {
    /** 16-bit signed integer PCM; samples outside [-1, 1] are clipped (and counted). */
    PCM16(16),
    /** 32-bit IEEE float; written as is, nothing clipped. */
    FLOAT32(32);

    private final int bits;

    SampleFormat(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }
}
