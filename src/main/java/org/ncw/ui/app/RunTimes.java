package org.ncw.ui.app;

import java.util.Locale;

/** The status bar's time readout of a job: stage, elapsed and estimated remaining time. */
final class RunTimes {
    private RunTimes() {
    }

    /** "stage · 1.2 s · about 3 s left" while busy, "1.23 s" when idle. */
    static String text(boolean busy, String stage, double seconds, double fraction) {
        if (!busy) {
            return String.format(Locale.ROOT, "last run %.2f s", seconds);
        }
        String left = fraction > 0.05 && fraction < 1
                ? String.format(Locale.ROOT, " · about %.0f s left", seconds * (1 - fraction) / fraction) : "";
        return String.format(Locale.ROOT, "%s · %.1f s%s", stage == null || stage.isEmpty() ? "working" : stage,
                seconds, left);
    }
}
