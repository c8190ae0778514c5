package org.ncw.engine.dsp;

/** How a centred STFT pads the signal by n_fft/2 on each side (names as in {@code numpy.pad}). */
public enum PadMode {
    /** Mirror without repeating the edge sample: [a b c] -> [c b | a b c | b a]. librosa &lt; 0.10 default. */
    REFLECT,
    /** Zeros. librosa &gt;= 0.10 default. */
    CONSTANT,
    /** Repeat the edge sample. */
    EDGE;

    /** The sample at index i of the signal extended infinitely by this mode (i may be outside [0, x.length)). */
    double sampleAt(double[] x, long i) {
        int n = x.length;
        if (i >= 0 && i < n) {
            return x[(int) i];
        }
        return switch (this) {
            case CONSTANT -> 0.0;
            case EDGE -> i < 0 ? x[0] : x[n - 1];
            case REFLECT -> {
                if (n == 1) {
                    yield x[0];
                }
                long period = 2L * (n - 1);
                long m = Math.floorMod(i, period);
                yield x[(int) (m < n ? m : period - m)];
            }
        };
    }
}
