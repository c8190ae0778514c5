package org.ncw.engine.stream;

import java.io.IOException;

/** Receives the output of a block processor; the array is reused after the call returns. */
@FunctionalInterface
public interface SampleSink {
    void accept(double[] samples, int offset, int length) throws IOException;
}
