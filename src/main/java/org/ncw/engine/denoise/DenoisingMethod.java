package org.ncw.engine.denoise;

import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

/**
 * Anything that turns a noisy recording into an estimate of its speech, blind (no clean reference, no per-file
 * tuning): what the quality benchmark compares. Implementations use their documented defaults.
 */
public interface DenoisingMethod {
    /** Short unique name shown in tables, e.g. "blind-denoiser". */
    String name();

    /** The estimate of the speech in {@code noisy}: same sample rate, same length. */
    Signal apply(Signal noisy, TaskMonitor monitor);

    /** A method from a name and a function. */
    static DenoisingMethod of(String name, java.util.function.BiFunction<Signal, TaskMonitor, Signal> function) {
        return new DenoisingMethod() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Signal apply(Signal noisy, TaskMonitor monitor) {
                return function.apply(noisy, monitor);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
