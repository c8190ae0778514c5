package org.ncw.ui.fx;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.ncw.engine.core.CancelledException;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.jobs.Job;
import org.ncw.engine.jobs.JobService;

/**
 * Adapts {@link JobService} futures to the FX thread: progress and stage are published into properties
 * (coalesced, one pending runLater at a time) and completion callbacks run on the FX thread. Nothing here
 * ever blocks the FX thread.
 */
public final class FxJobs {
    private final JobService service;
    private final Executor callbacks;
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty stage = new SimpleStringProperty("");
    private volatile double pendingFraction;
    private volatile String pendingStage = "";
    private final java.util.concurrent.atomic.AtomicBoolean publishQueued = new java.util.concurrent.atomic.AtomicBoolean();

    public FxJobs(JobService service) {
        this(service, Platform::runLater);
    }

    /** {@code callbacks} runs completions and progress updates: the FX thread, or {@code Runnable::run} in tests. */
    public FxJobs(JobService service, Executor callbacks) {
        this.service = service;
        this.callbacks = callbacks;
    }

    /** Where completion callbacks run (for related updates that must land on the same thread). */
    public Executor callbacks() {
        return callbacks;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty stageProperty() {
        return stage;
    }

    /**
     * Submits {@code work}; exactly one of the callbacks runs later on the FX thread. A cancelled job calls
     * {@code onCancelled}.
     */
    public <T> Job<T> submit(String name, Function<TaskMonitor, T> work, Consumer<T> onSuccess,
                             Consumer<Throwable> onFailure, Runnable onCancelled) {
        Job<T> job = service.submit(name, this::publish, work);
        job.future().whenComplete((value, error) -> callbacks.execute(() -> {
            Throwable cause = unwrap(error);
            if (cause == null) {
                onSuccess.accept(value);
            } else if (cause instanceof CancelledException || cause instanceof CancellationException) {
                onCancelled.run();
            } else {
                onFailure.accept(cause);
            }
        }));
        return job;
    }

    private void publish(double fraction, String stageName) {
        pendingFraction = fraction;
        pendingStage = stageName;
        if (publishQueued.compareAndSet(false, true)) {
            callbacks.execute(() -> {
                publishQueued.set(false);
                progress.set(pendingFraction);
                stage.set(pendingStage);
            });
        }
    }

    static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
