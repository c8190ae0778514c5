package org.ncw.engine.live;

import java.util.concurrent.locks.LockSupport;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.Signal;

/**
 * A recording played as a microphone: block k (of the reader's size) becomes available when the clock passes
 * (k + 1) blocks after the start, so the loop runs at real-time pace. The reader sleeps until then (no spinning).
 * Like a capture device it holds at most {@code bufferSeconds} of unread input: a reader later than that loses the
 * oldest blocks, which are counted as dropped.
 */
public final class PacedSignalSource implements BlockSource {
    /** Nanosecond time and a sleep; tests of the pacing logic can substitute a fake one. */
    public interface Clock {
        long nanoTime();

        void sleepNanos(long nanos);

        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) {
                LockSupport.parkNanos(nanos);
            }
        };
    }

    private final Signal signal;
    private final String name;
    private final boolean loop;
    private final Clock clock;
    private final long bufferSamples;
    private long start = Long.MIN_VALUE;
    private volatile long delivered;
    private long dropped;
    private volatile boolean closed;

    public PacedSignalSource(Signal signal, String name, boolean loop, double bufferSeconds, Clock clock) {
        this.signal = Checks.notNull("signal", signal);
        this.name = name;
        this.loop = loop;
        this.clock = clock;
        Checks.inRange("bufferSeconds", bufferSeconds, 0.01, 60);
        this.bufferSamples = Math.round(bufferSeconds * signal.sampleRate());
        Checks.positive("signal length", signal.length());
    }

    public PacedSignalSource(Signal signal, String name, boolean loop) {
        this(signal, name, loop, 1.0, Clock.SYSTEM);
    }

    @Override
    public int sampleRate() {
        return signal.sampleRate();
    }

    /** Samples delivered so far (the position in the stream, counting loops). */
    public long delivered() {
        return delivered;
    }

    @Override
    public int read(double[] dst, int offset, int length) {
        long total = signal.length();
        if (!loop && delivered >= total || closed) {
            return -1;
        }
        int n = loop ? length : (int) Math.min(length, total - delivered);
        if (start == Long.MIN_VALUE) {
            start = clock.nanoTime();
        }
        double rate = signal.sampleRate();
        // a device keeps at most bufferSamples unread: skip what a late reader would have lost
        long available = (long) Math.floor((clock.nanoTime() - start) * rate / 1e9);
        long lost = available - delivered - bufferSamples;
        if (lost >= length) {
            long blocks = lost / length;
            dropped += blocks;
            delivered += blocks * length;
            if (!loop && delivered >= total) {
                return -1;
            }
            n = loop ? length : (int) Math.min(length, total - delivered);
        }
        long due = start + (long) Math.ceil((delivered + n) * 1e9 / rate);
        for (long now = clock.nanoTime(); now < due && !closed; now = clock.nanoTime()) {
            clock.sleepNanos(due - now);
        }
        double[] x = signal.samples();
        for (int i = 0; i < n; i++) {
            dst[offset + i] = x[(int) ((delivered + i) % total)];
        }
        delivered += n;
        return n;
    }

    @Override
    public long droppedBlocks() {
        return dropped;
    }

    @Override
    public String description() {
        return name + " (file as microphone" + (loop ? ", looping)" : ")");
    }

    @Override
    public void close() {
        closed = true;
    }
}
