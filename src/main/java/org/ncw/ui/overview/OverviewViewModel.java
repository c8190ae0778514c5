package org.ncw.ui.overview;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.ncw.engine.audio.RecordingOverview;

import java.util.function.DoubleConsumer;

/**
 * A long recording opened as a span: the whole file's overview, the span being analysed, and the request to analyse
 * another span (properties only; the loader does the reading).
 */
public final class OverviewViewModel {
    /** Recordings longer than this open as a span with an overview (system property {@code ncw.longRecordingSeconds}). */
    public static final double DEFAULT_THRESHOLD_SECONDS = Double.parseDouble(
            System.getProperty("ncw.longRecordingSeconds", "600"));
    /** The span analysed by default, seconds. */
    public static final double DEFAULT_SPAN_SECONDS = 30;

    private final DoubleProperty thresholdSeconds = new SimpleDoubleProperty(DEFAULT_THRESHOLD_SECONDS);
    private final BooleanProperty active = new SimpleBooleanProperty(false);
    private final ObjectProperty<RecordingOverview> overview = new SimpleObjectProperty<>();
    private final DoubleProperty durationSeconds = new SimpleDoubleProperty();
    private final DoubleProperty spanStart = new SimpleDoubleProperty();
    private final DoubleProperty spanSeconds = new SimpleDoubleProperty(DEFAULT_SPAN_SECONDS);
    private DoubleConsumer onPick = s -> { };

    /** WAV recordings longer than this open as a span with an overview. */
    public DoubleProperty thresholdSecondsProperty() {
        return thresholdSeconds;
    }

    /** True while the document holds a span of a long recording. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** The whole recording's overview; null while it is computed. */
    public ObjectProperty<RecordingOverview> overviewProperty() {
        return overview;
    }

    public DoubleProperty durationSecondsProperty() {
        return durationSeconds;
    }

    /** Start of the analysed span in the recording, seconds. */
    public DoubleProperty spanStartProperty() {
        return spanStart;
    }

    public DoubleProperty spanSecondsProperty() {
        return spanSeconds;
    }

    /** Who loads a span when one is picked (the recording loader). */
    public void setOnPick(DoubleConsumer onPick) {
        this.onPick = onPick;
    }

    /**
     * Asks for the span centred on {@code seconds} of the recording (clamped to the recording); nothing when no long
     * recording is open.
     */
    public void pick(double seconds) {
        if (!active.get()) {
            return;
        }
        double span = Math.min(spanSeconds.get(), durationSeconds.get());
        double start = Math.max(0, Math.min(seconds - span / 2, durationSeconds.get() - span));
        onPick.accept(start);
    }

    /** "12:00–13:00" for a span. */
    public static String spanLabel(double start, double seconds) {
        return clock(start) + "–" + clock(start + seconds);
    }

    /** H:MM:SS, or M:SS under an hour. */
    public static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
