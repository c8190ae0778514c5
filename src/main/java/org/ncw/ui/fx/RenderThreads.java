package org.ncw.ui.fx;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The shared daemon threads that rasterise views (waveform columns, spectrogram pixels, scatter points). */
public final class RenderThreads {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(
            Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), r -> {
                Thread t = new Thread(r, "ncw-render-" + COUNT.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private RenderThreads() {
    }

    public static ExecutorService pool() {
        return POOL;
    }
}
