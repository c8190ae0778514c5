package org.ncw.fuzz;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What every fuzz target asserts: the call returns within {@link #LIMIT_SECONDS} s, and a refusal is one of the
 * project's own exceptions with a one-line message of its own (not a JDK-internal one). Anything else (a runtime
 * exception, an Error, a hang) fails the input, which Jazzer then reports and keeps.
 */
final class FuzzChecks {
    static final int LIMIT_SECONDS = 5;
    private static final ExecutorService WORKER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-target");
        t.setDaemon(true);
        return t;
    });

    private static final java.util.regex.Pattern LEAKED_CLASS_NAME =
            java.util.regex.Pattern.compile("\\b(?:java|javax|jdk|sun|com|org)\\.(?:\\w+\\.)+\\w*(?:Exception|Error)\\b");

    private FuzzChecks() {
    }

    /** Runs {@code call}; returns normally on success or an expected refusal, throws AssertionError otherwise. */
    static void expectResultOrRefusal(Callable<?> call, Class<?>... refusals) {
        Future<?> result = WORKER.submit(call);
        try {
            result.get(LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new AssertionError("hang: no result after " + LIMIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            for (Class<?> refusal : refusals) {
                if (refusal.isInstance(t)) {
                    checkMessage(t);
                    return;
                }
            }
            throw new AssertionError("unexpected " + t, t);
        }
    }

    private static void checkMessage(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            throw new AssertionError("refusal without a message: " + t, t);
        }
        // A JDK or library message leaks a qualified class name (java.io.EOFException, com.fasterxml...Exception);
        // the input's own text echoed in a message (a field named "Exception") is fine.
        if (m.contains("\n") || LEAKED_CLASS_NAME.matcher(m).find()) {
            throw new AssertionError("refusal message is not one line of its own: " + m, t);
        }
    }
}
