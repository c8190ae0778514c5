package org.ncw.engine.core;

/** Receives progress of a long operation: a fraction in [0, 1] and a short stage name. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (fraction, stage) -> { };

    void progress(double fraction, String stage);
}
