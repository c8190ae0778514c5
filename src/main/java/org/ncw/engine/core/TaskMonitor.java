package org.ncw.engine.core;

import java.util.Objects;

/**
 * The progress listener and cancellation token of one long operation, passed as one argument.
 * {@link #step(long, long)} checks cancellation and reports progress; call it per column / iteration.
 * {@link #sub(double, double)} maps a sub-operation's [0,1] onto a slice of this one's range.
 */
public final class TaskMonitor {
    private static final TaskMonitor NONE = new TaskMonitor(ProgressListener.NONE, CancellationToken.none(), 0, 1, "");

    private final ProgressListener listener;
    private final CancellationToken token;
    private final double from;
    private final double span;
    private final String stage;

    private TaskMonitor(ProgressListener listener, CancellationToken token, double from, double span, String stage) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.token = Objects.requireNonNull(token, "token");
        this.from = from;
        this.span = span;
        this.stage = stage;
    }

    /**
     * A monitor whose reports only move forward: parallel workers finish out of order, so a late report of an
     * earlier step is dropped rather than moving a progress bar back.
     */
    public static TaskMonitor of(ProgressListener listener, CancellationToken token) {
        Objects.requireNonNull(listener, "listener");
        return new TaskMonitor(listener == ProgressListener.NONE ? listener : forwardOnly(listener), token, 0, 1, "");
    }

    private static ProgressListener forwardOnly(ProgressListener listener) {
        double[] furthest = {Double.NEGATIVE_INFINITY};
        return (fraction, stage) -> {
            synchronized (furthest) {
                if (fraction < furthest[0]) {
                    return;
                }
                furthest[0] = fraction;
                listener.progress(fraction, stage);
            }
        };
    }

    /** No progress reporting and no cancellation. */
    public static TaskMonitor none() {
        return NONE;
    }

    public CancellationToken token() {
        return token;
    }

    public ProgressListener listener() {
        return listener;
    }

    /** The same monitor, reporting under another stage name. */
    public TaskMonitor stage(String name) {
        return new TaskMonitor(listener, token, from, span, name);
    }

    /** A monitor for a sub-operation that covers [start, end] of this one's progress range. */
    public TaskMonitor sub(double start, double end) {
        if (!(start >= 0 && end <= 1 && start <= end)) {
            throw new IllegalArgumentException("sub range must satisfy 0 <= start <= end <= 1, got " + start + ".." + end);
        }
        return new TaskMonitor(listener, token, from + span * start, span * (end - start), stage);
    }

    public void checkCancelled() {
        token.throwIfCancelled();
    }

    /** Checks cancellation, then reports done/total of this monitor's range. */
    public void step(long done, long total) {
        token.throwIfCancelled();
        if (listener != ProgressListener.NONE && total > 0) {
            listener.progress(from + span * Math.min(1.0, (double) done / total), stage);
        }
    }

    public void done() {
        step(1, 1);
    }
}
