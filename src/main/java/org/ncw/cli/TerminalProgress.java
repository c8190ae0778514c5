package org.ncw.cli;

import org.ncw.engine.core.CancellationToken;
import org.ncw.engine.core.ProgressListener;
import org.ncw.engine.core.TaskMonitor;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long run on standard error, as one line rewritten in place ({@code  42 % denoise}), when standard
 * error is a terminal; nothing when it is redirected (logs and pipes stay clean) or with {@code --quiet}. Updates
 * at most every 200 ms, and the line is cleared when the run ends.
 */
final class TerminalProgress implements ProgressListener, AutoCloseable {
    private static final long MIN_INTERVAL_NANOS = 200_000_000L;
    private final PrintWriter err;
    private long lastNanos;
    private String lastText = "";
    private boolean shown;
    private boolean times;
    private final long startNanos = System.nanoTime();

    private TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    /** This listener, adding the elapsed time and an estimate of the time left to the line ("0:42, ~1:10 left"). */
    TerminalProgress withTimes() {
        times = true;
        return this;
    }

    /** A listener for this run: live progress on a terminal, none otherwise. */
    static TerminalProgress forRun(VerboseOption options, PrintWriter err) {
        return new TerminalProgress(options != null && !options.quiet && System.console() != null ? err : null);
    }

    /** A monitor reporting to this listener (never cancelled: Ctrl-C ends the JVM, whose hooks clean up). */
    TaskMonitor monitor() {
        return err == null ? TaskMonitor.none() : TaskMonitor.of(this, new CancellationToken());
    }

    /** A monitor reporting to this listener and cancelled by {@code token}. */
    TaskMonitor monitor(CancellationToken token) {
        return TaskMonitor.of(this, token);
    }

    @Override
    public synchronized void progress(double fraction, String stage) {
        if (err == null) {
            return;
        }
        long now = System.nanoTime();
        double f = Math.max(0, Math.min(1, fraction));
        String text = String.format(Locale.ROOT, "%3d %% %s", Math.round(f * 100), stage);
        if (times) {
            double elapsed = (now - startNanos) / 1e9;
            text += ", " + clock(elapsed) + " elapsed" + (f > 0.005 ? ", ~" + clock(elapsed * (1 - f) / f) + " left"
                    : "");
        }
        if (text.equals(lastText) || (shown && now - lastNanos < MIN_INTERVAL_NANOS && fraction < 1)) {
            return;
        }
        err.print("\r" + pad(text));
        err.flush();
        lastText = text;
        lastNanos = now;
        shown = true;
    }

    /** Seconds as m:ss (h:mm:ss from an hour). */
    static String clock(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private String pad(String text) {
        int width = Math.max(text.length(), lastText.length());
        return text + " ".repeat(width - text.length());
    }

    /** Clears the progress line, so what the command prints next starts on a clean line. */
    @Override
    public synchronized void close() {
        if (err != null && shown) {
            err.print("\r" + " ".repeat(lastText.length()) + "\r");
            err.flush();
            shown = false;
        }
    }
}
