package org.ncw.engine.jobs;

import org.ncw.engine.core.CancellationToken;

import java.util.concurrent.CompletableFuture;

/** A submitted job: its result future, its cancellation token, and its name for status display. */
public record Job<T>(String name, CompletableFuture<T> future, CancellationToken token) {

    /** Requests cooperative cancellation; the future then completes exceptionally with CancelledException. */
    public void cancel() {
        token.cancel();
    }
}
