package org.ncw.ui.history;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ncw.engine.core.Signal;
import org.ncw.ui.analysis.AnalysisResult;
import org.ncw.ui.analysis.Output;
import org.ncw.ui.spectrogram.SpectrogramViewModel;

/**
 * Two runs side by side: the settings that differ, both runs' scores, each run's labels over the recording's
 * spectrogram, and A/B listening between the two runs' same result (e.g. their Speech) at the same position. The
 * switch goes through the playback's A/B ({@code listen}: the player swaps the signal under the playhead,
 * level-matched like the results' A/B).
 */
public final class CompareViewModel {
    public enum Side { A, B }

    private final HistoryViewModel history;
    private final Consumer<Signal> listen;
    private final ObjectProperty<HistoryEntry> a = new SimpleObjectProperty<>();
    private final ObjectProperty<HistoryEntry> b = new SimpleObjectProperty<>();
    private final ObjectProperty<AnalysisResult> resultA = new SimpleObjectProperty<>();
    private final ObjectProperty<AnalysisResult> resultB = new SimpleObjectProperty<>();
    private final ObservableList<HistoryViewModel.Difference> differences = FXCollections.observableArrayList();
    private final ObservableList<String> outputs = FXCollections.observableArrayList();
    private final StringProperty output = new SimpleStringProperty("Speech");
    private final ObjectProperty<Side> heard = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("Select two runs in the history and press Compare");
    private final SpectrogramViewModel spectrogramA = new SpectrogramViewModel();
    private final SpectrogramViewModel spectrogramB = new SpectrogramViewModel();

    /**
     * @param listen plays a signal in place of the heard result, keeping the position (the playback's A/B)
     */
    public CompareViewModel(HistoryViewModel history, Consumer<Signal> listen) {
        this.history = history;
        this.listen = listen;
        output.addListener(o -> {
            if (heard.get() != null) {
                listen(heard.get());
            }
        });
    }

    /** Compares two runs; their results come from memory or are recomputed (then {@code ready} runs). */
    public void compare(HistoryEntry first, HistoryEntry second, Runnable ready) {
        a.set(first);
        b.set(second);
        resultA.set(null);
        resultB.set(null);
        heard.set(null);
        differences.setAll(HistoryViewModel.diff(first, second));
        status.set(differences.isEmpty() ? "Runs " + first.id() + " and " + second.id() + " have the same settings"
                : differences.size() + " setting" + (differences.size() == 1 ? "" : "s") + " differ");
        boolean keptBoth = history.resultsKept(first.id()) && history.resultsKept(second.id());
        if (!keptBoth) {
            status.set(status.get() + " — recomputing the results of the runs not kept in memory …");
        }
        history.results(first, ra -> history.results(second, rb -> {
            if (a.get() != first || b.get() != second) {
                return; // a newer comparison
            }
            resultA.set(ra);
            resultB.set(rb);
            show(spectrogramA, ra);
            show(spectrogramB, rb);
            List<String> common = HistoryViewModel.commonOutputs(ra, rb);
            outputs.setAll(common);
            if (!common.contains(output.get())) {
                output.set(common.contains("Speech") ? "Speech" : common.isEmpty() ? null : common.get(0));
            }
            status.set(differences.isEmpty() ? "Same settings" : differences.size() + " setting"
                    + (differences.size() == 1 ? "" : "s") + " differ");
            ready.run();
        }, this::failed), this::failed);
    }

    private void failed(Throwable t) {
        status.set("Cannot recompute the run: " + (t.getMessage() == null ? t.getClass().getSimpleName()
                : t.getMessage()));
    }

    private static void show(SpectrogramViewModel s, AnalysisResult r) {
        s.labelGeometryProperty().set(r.spectrum());
        s.labelsProperty().set(r.labels());
    }

    /** Plays run A's or B's chosen result from where the playhead is. */
    public void listen(Side side) {
        AnalysisResult r = side == Side.A ? resultA.get() : resultB.get();
        Output o = r == null ? null : r.outputs().stream().filter(x -> x.name().equals(output.get())).findFirst()
                .orElse(null);
        if (o == null) {
            return;
        }
        heard.set(side);
        listen.accept(o.signal());
    }

    /** A/B: the other run. */
    public void toggle() {
        listen(heard.get() == Side.A ? Side.B : Side.A);
    }

    /** The signal of a side's chosen result (null before the results are there). */
    public Signal signal(Side side) {
        AnalysisResult r = side == Side.A ? resultA.get() : resultB.get();
        return r == null ? null : r.outputs().stream().filter(x -> x.name().equals(output.get()))
                .map(Output::signal).findFirst().orElse(null);
    }

    public ObjectProperty<HistoryEntry> aProperty() {
        return a;
    }

    public ObjectProperty<HistoryEntry> bProperty() {
        return b;
    }

    public ObjectProperty<AnalysisResult> resultAProperty() {
        return resultA;
    }

    public ObjectProperty<AnalysisResult> resultBProperty() {
        return resultB;
    }

    public ObservableList<HistoryViewModel.Difference> differences() {
        return differences;
    }

    /** The results both runs have. */
    public ObservableList<String> outputs() {
        return outputs;
    }

    /** Which result A/B plays of each run (e.g. "Speech"). */
    public StringProperty outputProperty() {
        return output;
    }

    /** Which run is heard (null: the results list's result is). */
    public ObjectProperty<Side> heardProperty() {
        return heard;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Run A's labels (the spectrogram itself is the main view's, shared by both). */
    public SpectrogramViewModel spectrogramA() {
        return spectrogramA;
    }

    public SpectrogramViewModel spectrogramB() {
        return spectrogramB;
    }
}
