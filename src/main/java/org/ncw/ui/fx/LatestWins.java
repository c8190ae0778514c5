package org.ncw.ui.fx;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Computes something off the FX thread and applies it on the FX thread, dropping every result that a newer
 * request has superseded (latest request wins). Used by views to render rasters without blocking the UI.
 */
public final class LatestWins<T> {
    private final Executor executor;
    private final AtomicLong generation = new AtomicLong();

    public LatestWins(Executor executor) {
        this.executor = executor;
    }

    /** Starts {@code compute} in the background; {@code apply} runs on the FX thread unless superseded. */
    public void submit(Supplier<T> compute, Consumer<T> apply) {
        long mine = generation.incrementAndGet();
        executor.execute(() -> {
            if (generation.get() != mine) {
                return;
            }
            T value = compute.get();
            Platform.runLater(() -> {
                if (generation.get() == mine) {
                    apply.accept(value);
                }
            });
        });
    }
}
