package org.ncw.engine.live;

/** The last N samples of a stream, written by the live loop and copied out by a display at its own pace. */
public final class SampleRing {
    private final double[] data;
    private long written;

    public SampleRing(int capacity) {
        this.data = new double[capacity];
    }

    public int capacity() {
        return data.length;
    }

    public synchronized void write(double[] x, int offset, int length) {
        for (int i = 0; i < length; i++) {
            data[(int) ((written + i) % data.length)] = x[offset + i];
        }
        written += length;
    }

    /** Samples written since the start. */
    public synchronized long written() {
        return written;
    }

    /**
     * Copies the newest {@code dst.length} samples (oldest first, zeros before the stream's start) and returns the
     * total written, so a display can tell how far the stream moved since its last frame.
     */
    public synchronized long copyLatest(double[] dst) {
        int n = Math.min(dst.length, data.length);
        int pad = dst.length - n;
        java.util.Arrays.fill(dst, 0, pad, 0.0);
        for (int i = 0; i < n; i++) {
            long t = written - n + i;
            dst[pad + i] = t < 0 ? 0 : data[(int) (t % data.length)];
        }
        return written;
    }

    /** Copies samples {@code start ... start + dst.length - 1}; those not held (too old, not yet written, < 0) are 0. */
    public synchronized void copyRange(long start, double[] dst) {
        long oldest = Math.max(0, written - data.length);
        for (int i = 0; i < dst.length; i++) {
            long t = start + i;
            dst[i] = t < oldest || t >= written ? 0 : data[(int) (t % data.length)];
        }
    }
}
