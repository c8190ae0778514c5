package org.ncw.engine.live;

import java.util.Arrays;

/** Keeps everything written (tests, and live mode without an output device). Thread-safe snapshot. */
public final class MemorySink implements BlockSink {
    private double[] data = new double[16384];
    private int size;

    @Override
    public synchronized void write(double[] samples, int offset, int length) {
        if (size + length > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + length));
        }
        System.arraycopy(samples, offset, data, size, length);
        size += length;
    }

    public synchronized double[] samples() {
        return Arrays.copyOf(data, size);
    }

    @Override
    public String description() {
        return "memory (no output device)";
    }

    @Override
    public void close() {
    }
}
