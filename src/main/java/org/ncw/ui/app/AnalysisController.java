package org.ncw.ui.app;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.ncw.engine.core.Signal;
import org.ncw.engine.jobs.Job;
import org.ncw.ui.analysis.AnalysisResult;
import org.ncw.ui.analysis.AnalysisSession;
import org.ncw.ui.analysis.ParameterSet;
import org.ncw.ui.analysis.Stage;
import org.ncw.ui.document.LabelledGrid;
import org.ncw.ui.document.RunRecord;
import org.ncw.ui.document.WorkbenchDocument;
import org.ncw.ui.fx.Debouncer;
import org.ncw.ui.fx.FxJobs;
import org.ncw.ui.params.ParamsViewModel;

/**
 * Schedules analyses of the document's input: parameter changes are debounced and the latest request wins (a
 * newer run cancels the older one; stale results are dropped by a generation counter). Times the label latency:
 * from a parameter change to the first spectrogram frame that shows the new labels.
 */
public final class AnalysisController {
    private final WorkbenchDocument doc;
    private final ParamsViewModel params;
    private final FxJobs jobs;
    private final Debouncer debounce;
    private final AnalysisSession session;
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty elapsedSeconds = new SimpleDoubleProperty(0);
    private final DoubleProperty labelLatencySeconds = new SimpleDoubleProperty(Double.NaN);

    private Job<AnalysisResult> current;
    private long generation;
    private long runStartNanos;
    private long changeNanos;
    private boolean awaitingLabelsOnScreen;
    private boolean labelsReady;
    private java.util.function.BiConsumer<AnalysisResult, Double> finished = (r, s) -> { };

    public AnalysisController(WorkbenchDocument doc, ParamsViewModel params, FxJobs jobs, Debouncer debounce,
                              AnalysisSession session) {
        this.doc = doc;
        this.params = params;
        this.jobs = jobs;
        this.debounce = debounce;
        this.session = session;
        params.parametersProperty().addListener((o, a, b) -> parametersChanged());
    }

    private void parametersChanged() {
        changeNanos = System.nanoTime();
        awaitingLabelsOnScreen = true;
        labelsReady = false;
        debounce.request(this::run);
    }

    /** Starts a run now with the current parameters, cancelling a run in progress. */
    public void run() {
        Signal in = doc.inputProperty().get();
        if (in == null) {
            return;
        }
        debounce.cancel();
        if (current != null) {
            current.cancel();
        }
        long mine = ++generation;
        ParameterSet p = params.parametersProperty().get();
        Signal ref = doc.referenceProperty().get();
        runStartNanos = System.nanoTime();
        running.set(true);
        elapsedSeconds.set(0);
        doc.statusProperty().set("Running …");
        current = jobs.submit("analysis", m -> session.run(in, ref, p, m, labels -> jobs.callbacks().execute(() -> {
            if (mine == generation) {
                showLabels(new LabelledGrid(labels.spectrum(), labels.labels()));
            }
        })), r -> {
            if (mine == generation) {
                apply(r);
            }
        }, error -> {
            if (mine == generation) {
                running.set(false);
                doc.fail("Analysis failed", error);
            }
        }, () -> {
            if (mine == generation) {
                running.set(false);
                doc.statusProperty().set("Cancelled");
            }
        });
    }

    /** Hears every finished run with its wall time (the run history keeps it). */
    public void setOnRunFinished(java.util.function.BiConsumer<AnalysisResult, Double> listener) {
        finished = listener;
    }

    public void cancel() {
        debounce.cancel();
        if (current != null) {
            current.cancel();
        }
    }

    private void apply(AnalysisResult r) {
        double seconds = (System.nanoTime() - runStartNanos) / 1e9;
        elapsedSeconds.set(seconds);
        running.set(false);
        doc.lastResultProperty().set(r);
        showLabels(new LabelledGrid(r.spectrum(), r.labels()));
        doc.results().setAll(r.outputs());
        List<Stage> recomputed = List.copyOf(r.recomputed());
        doc.runs().add(new RunRecord(r.parameters(), seconds, recomputed, r.labels().speechFraction()));
        String stages = recomputed.isEmpty() ? "nothing (all cached)"
                : String.join(", ", recomputed.stream().map(Stage::title).toList());
        doc.statusProperty().set(String.format(Locale.ROOT, "Done in %.0f ms — recomputed: %s; %.0f%% of bins speech",
                seconds * 1000, stages, 100 * r.labels().speechFraction()));
        finished.accept(r, seconds);
    }

    /** Shows new labels (clustering done); masks, ICA and scores may still be running. */
    private void showLabels(LabelledGrid labelled) {
        LabelledGrid shown = doc.labelsProperty().get();
        if (shown != null && shown.labels() == labelled.labels()) {
            return;
        }
        labelsReady = awaitingLabelsOnScreen;
        doc.labelsProperty().set(labelled);
    }

    /** Called by the view when a spectrogram frame with the current labels reached the screen. */
    public void labelsShown() {
        if (labelsReady) {
            awaitingLabelsOnScreen = false;
            labelsReady = false;
            labelLatencySeconds.set((System.nanoTime() - changeNanos) / 1e9);
        }
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty elapsedSecondsProperty() {
        return elapsedSeconds;
    }

    public DoubleProperty labelLatencySecondsProperty() {
        return labelLatencySeconds;
    }

    /** Seconds since the running analysis started, or the last run's duration when idle. */
    public double runStartedSecondsAgo() {
        return running.get() ? (System.nanoTime() - runStartNanos) / 1e9 : elapsedSeconds.get();
    }
}
