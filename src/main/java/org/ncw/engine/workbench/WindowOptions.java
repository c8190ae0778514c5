package org.ncw.engine.workbench;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;

/**
 * How {@link WindowedRunner} cuts a long recording: windows whose central part is {@code windowSeconds} long, each
 * read with {@code marginSeconds} more on both sides (so every method sees context at the joins), joined with a
 * raised-cosine crossfade of {@code crossfadeSeconds} centred on each join. A recording of at most one window
 * ({@code windowSeconds + 2 * marginSeconds}) runs whole, exactly as without windows.
 *
 * @param windowSeconds    central part of one window (default {@value #DEFAULT_WINDOW_SECONDS} s)
 * @param marginSeconds    context read on each side of the central part (default {@value #DEFAULT_MARGIN_SECONDS} s)
 * @param crossfadeSeconds length of the crossfade at each join, at most twice the margin (default
 *                         {@value #DEFAULT_CROSSFADE_SECONDS} s)
 */
public record WindowOptions(double windowSeconds, double marginSeconds, double crossfadeSeconds) {
    public static final double DEFAULT_WINDOW_SECONDS = 60;
    public static final double DEFAULT_MARGIN_SECONDS = 3;
    public static final double DEFAULT_CROSSFADE_SECONDS = 0.5;

    public WindowOptions {
        Checks.positive("windowSeconds", windowSeconds);
        Checks.positive("marginSeconds", marginSeconds);
        Checks.positive("crossfadeSeconds", crossfadeSeconds);
        if (crossfadeSeconds > 2 * marginSeconds) {
            throw new InvalidParameterException("crossfadeSeconds must be <= 2 * marginSeconds (" + 2 * marginSeconds
                    + "), got " + crossfadeSeconds);
        }
        if (crossfadeSeconds > windowSeconds) {
            throw new InvalidParameterException("crossfadeSeconds must be <= windowSeconds (" + windowSeconds
                    + "), got " + crossfadeSeconds);
        }
    }

    public static WindowOptions defaults() {
        return new WindowOptions(DEFAULT_WINDOW_SECONDS, DEFAULT_MARGIN_SECONDS, DEFAULT_CROSSFADE_SECONDS);
    }

    /** Windows of another length; the margin becomes at most a quarter of it, the crossfade at most the margin. */
    public WindowOptions withWindowSeconds(double seconds) {
        double margin = Math.min(marginSeconds, seconds / 4);
        return new WindowOptions(seconds, margin, Math.min(crossfadeSeconds, margin));
    }

    /** Input samples of the longest window at {@code sampleRate}: central part, both margins and the last's tail. */
    public long maxWindowSamples(int sampleRate) {
        long s = Math.round(windowSeconds * sampleRate);
        return s + s / 2 + 2 * Math.round(marginSeconds * sampleRate);
    }
}
