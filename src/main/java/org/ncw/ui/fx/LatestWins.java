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
    private final Executor apply;
    private final AtomicLong generation = new AtomicLong();

    public LatestWins(Executor executor) {
        this(executor, Platform::runLater);
    }

    /** {@code apply} runs the results (the FX thread, or {@code Runnable::run} in tests). */
    public LatestWins(Executor executor, Executor apply) {
        this.executor = executor;
        this.apply = apply;
    }

    /** Starts {@code compute} in the background; {@code apply} runs on the FX thread unless superseded. */
    public void submit(Supplier<T> compute, Consumer<T> apply) {
        long mine = generation.incrementAndGet();
        executor.execute(() -> {
            if (generation.get() != mine) {
                return;
            }
            T value;
            try {
                value = compute.get();
            } catch (RuntimeException | Error e) {
                // a failed render is reported where the user sees it instead of dying on a pool thread
                this.apply.execute(() -> RenderFailures.report(e));
                return;
            }
            this.apply.execute(() -> {
                if (generation.get() == mine) {
                    apply.accept(value);
                }
            });
        });
    }
}
