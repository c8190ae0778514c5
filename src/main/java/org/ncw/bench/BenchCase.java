package org.ncw.bench;

/**
 * One benchmark workload for {@code ncw bench}. {@link #setUp()} prepares inputs (not timed);
 * {@link #run()} is the timed operation and returns its result so the JIT cannot drop the work.
 */
public interface BenchCase {
    /** Workload name, e.g. "column-by-column, spectrogram, rbf". */
    String name();

    /** Data size, e.g. "2049 x 1960". Valid after {@link #setUp()}. */
    String size();

    /** The target as text, e.g. "<= 0.5 s"; empty when there is none. */
    default String target() {
        return "";
    }

    /** Target in seconds (median must be at or below it), or NaN when there is none. */
    default double targetSeconds() {
        return Double.NaN;
    }

    /** Group used by --filter and to order the output, e.g. "stft", "cluster", "ica", "denoise". */
    String group();

    void setUp() throws Exception;

    Object run() throws Exception;

    /** Optional extra figures measured in the last run (e.g. "rtf=0.012", "ari=0.98"). */
    default String notes() {
        return "";
    }
}
