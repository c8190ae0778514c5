package org.ncw.engine.core;

/** Cooperative cancellation: long loops call {@link #throwIfCancelled()} once per column or iteration. */
public final class CancellationToken {
    private static final CancellationToken NEVER = new CancellationToken();
    private volatile boolean cancelled;

    /** A token that is never cancelled (for callers that do not need cancellation). */
    public static CancellationToken none() {
        return NEVER;
    }

    public void cancel() {
        if (this == NEVER) {
            throw new IllegalStateException("the shared 'none' token cannot be cancelled");
        }
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancelledException();
        }
    }
}
