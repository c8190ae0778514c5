package org.ncw.engine.jobs;

import org.ncw.engine.core.CancellationToken;
import org.ncw.engine.core.ProgressListener;
import org.ncw.engine.core.TaskMonitor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs long engine operations and returns futures. The GUI wraps jobs in JavaFX Tasks; tests use
 * {@link #callingThread()} so work runs synchronously and deterministically.
 */
public final class JobService implements AutoCloseable {
    private final Executor executor;
    private final ExecutorService owned;

    private JobService(Executor executor, ExecutorService owned) {
        this.executor = executor;
        this.owned = owned;
    }

    /** A background service with daemon worker threads (never keeps the JVM alive). */
    public static JobService background(int threads) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "ncw-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new JobService(pool, pool);
    }

    /** Runs every job on the thread that submits it (for tests and the CLI). */
    public static JobService callingThread() {
        return new JobService(Runnable::run, null);
    }

    public <T> Job<T> submit(String name, ProgressListener progress, Function<TaskMonitor, T> work) {
        CancellationToken token = new CancellationToken();
        TaskMonitor monitor = TaskMonitor.of(progress, token).stage(name);
        CompletableFuture<T> future = new CompletableFuture<>();
        executor.execute(() -> {
            if (token.isCancelled()) {
                future.cancel(false);
                return;
            }
            try {
                future.complete(work.apply(monitor));
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        });
        return new Job<>(name, future, token);
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
