package org.ncw.engine.live;

/** Drops the output: live mode without an output device still shows, measures and records. */
public final class DiscardSink implements BlockSink {
    @Override
    public void write(double[] samples, int offset, int length) {
    }

    @Override
    public String description() {
        return "none (no output device)";
    }

    @Override
    public void close() {
    }
}
