package org.ncw.engine.live;

import java.io.IOException;

/** Where live mode's output goes: a playback line, or memory (tests, no device). */
public interface BlockSink extends AutoCloseable {
    /** Writes the samples; a device blocks (never spins) while its buffer is full, which paces the loop. */
    void write(double[] samples, int offset, int length) throws IOException;

    /** Times the device ran out of samples (output underruns); 0 if the sink cannot tell. */
    default long underruns() {
        return 0;
    }

    /** Samples buffered between {@link #write} and the sound (the playback line's buffer). */
    default int bufferSamples() {
        return 0;
    }

    String description();

    @Override
    void close();
}
