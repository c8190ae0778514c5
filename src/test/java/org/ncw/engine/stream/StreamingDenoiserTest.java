package org.ncw.engine.stream;

import org.junit.jupiter.api.Test;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StreamingDenoiserTest {
    private static final int RATE = 16000;

    /** Feeds {@code x} in blocks of {@code block} samples and collects the whole output. */
    static double[] run(StreamingDenoiser.Processor p, double[] x, int block) throws IOException {
        double[] y = new double[x.length];
        int[] at = {0};
        SampleSink sink = (s, off, len) -> {
            System.arraycopy(s, off, y, at[0], len);
            at[0] += len;
        };
        for (int i = 0; i < x.length; i += block) {
            p.process(x, i, Math.min(block, x.length - i), sink);
        }
        p.flush(sink);
        assertEquals(x.length, at[0], "output length");
        return y;
    }

    static double[] noise(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.1 * r.nextGaussian();
        }
        return x;
    }

    @Test
    void unitGainReconstructsTheInputExactlyAligned() throws IOException {
        double[] x = noise(RATE + 77, 1);
        StreamingDenoiser.Processor p = StreamingDenoiser.open(RATE, StreamingDenoiserOptions.defaults(),
                n -> (power, gain) -> Arrays.fill(gain, 1.0));
        double[] y = run(p, x, 100);
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], y[i], 1e-12, "sample " + i);
        }
    }
}
