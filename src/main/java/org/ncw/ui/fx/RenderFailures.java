package org.ncw.ui.fx;

import java.util.function.Consumer;

/**
 * Where background renderers report an exception: the main window shows it in the status bar. Without a window
 * (tests, benchmarks) the failure goes to standard error, never silently away.
 */
public final class RenderFailures {
    private static volatile Consumer<String> sink = System.err::println;

    private RenderFailures() {
    }

    public static void setSink(Consumer<String> newSink) {
        sink = newSink == null ? System.err::println : newSink;
    }

    public static void report(Throwable t) {
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        sink.accept("Drawing failed: " + msg);
    }
}
