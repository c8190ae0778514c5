package org.ncw.engine.live;

import java.io.IOException;

/** Where live mode's input comes from: a capture line, or a file played as a microphone (blocks on a clock). */
public interface BlockSource extends AutoCloseable {
    int sampleRate();

    /**
     * Blocks (never spins) until {@code length} samples are available and copies them to {@code dst}; returns the
     * number read, fewer only at the end of the input, or -1 when it has ended.
     */
    int read(double[] dst, int offset, int length) throws IOException;

    /** Blocks lost because the reader was late (capture buffer overruns); 0 if the source cannot tell. */
    default long droppedBlocks() {
        return 0;
    }

    /** Samples buffered between the sound and {@link #read} (the capture line's buffer), for the latency figure. */
    default int bufferSamples() {
        return 0;
    }

    /** A name for the panel. */
    String description();

    @Override
    void close();
}
