package org.ncw.ui.timeline;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The one time axis every view shares: visible window [start, end] in seconds, the playhead and an optional
 * selection (NaN when none). Views listen to it; zoom and pan keep the window inside [0, duration].
 */
public final class TimeViewport {
    private static final double MIN_SPAN = 0.005;
    private final ReadOnlyDoubleWrapper duration = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyDoubleWrapper start = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper end = new ReadOnlyDoubleWrapper(1);
    private final DoubleProperty playhead = new SimpleDoubleProperty(0);
    private final DoubleProperty selectionStart = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty selectionEnd = new SimpleDoubleProperty(Double.NaN);

    public ReadOnlyDoubleProperty durationProperty() {
        return duration.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty startProperty() {
        return start.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty endProperty() {
        return end.getReadOnlyProperty();
    }

    public DoubleProperty playheadProperty() {
        return playhead;
    }

    public DoubleProperty selectionStartProperty() {
        return selectionStart;
    }

    public DoubleProperty selectionEndProperty() {
        return selectionEnd;
    }

    public double start() {
        return start.get();
    }

    public double end() {
        return end.get();
    }

    public double span() {
        return end.get() - start.get();
    }

    public double duration() {
        return duration.get();
    }

    /** New recording: shows all of it and clears playhead and selection. */
    public void reset(double seconds) {
        duration.set(Math.max(MIN_SPAN, seconds));
        setWindow(0, duration.get());
        playhead.set(0);
        clearSelection();
    }

    public void fit() {
        setWindow(0, duration.get());
    }

    /** Zooms by {@code factor} (&lt; 1 zooms in) keeping {@code anchor} seconds at the same screen position. */
    public void zoom(double factor, double anchor) {
        double span = span();
        double newSpan = Math.max(MIN_SPAN, Math.min(duration.get(), span * factor));
        double rel = span > 0 ? (anchor - start.get()) / span : 0.5;
        double s = anchor - rel * newSpan;
        setWindow(s, s + newSpan);
    }

    public void pan(double seconds) {
        setWindow(start.get() + seconds, end.get() + seconds);
    }

    /** Sets the window, shifting it (not shrinking it) to stay inside the recording. */
    public void setWindow(double s, double e) {
        double span = Math.max(MIN_SPAN, Math.min(duration.get(), e - s));
        double ns = Math.max(0, Math.min(duration.get() - span, s));
        start.set(ns);
        end.set(ns + span);
    }

    public double timeToX(double t, double width) {
        return (t - start.get()) / span() * width;
    }

    public double xToTime(double x, double width) {
        return start.get() + x / width * span();
    }

    public boolean hasSelection() {
        return !Double.isNaN(selectionStart.get()) && selectionEnd.get() > selectionStart.get();
    }

    public void select(double a, double b) {
        selectionStart.set(Math.max(0, Math.min(a, b)));
        selectionEnd.set(Math.min(duration.get(), Math.max(a, b)));
    }

    public void clearSelection() {
        selectionStart.set(Double.NaN);
        selectionEnd.set(Double.NaN);
    }
}
