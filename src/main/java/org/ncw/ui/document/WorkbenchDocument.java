package org.ncw.ui.document;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ncw.engine.core.Signal;
import org.ncw.ui.analysis.AnalysisResult;
import org.ncw.ui.results.ResultsViewModel;

/**
 * What the workbench has open, shared by every view and controller: the input and its clean reference (with
 * their files), the labels on their grid, the listenable results, the history of runs, and the status line.
 * Problems go to two sinks the window provides: errors (a dialog) and warnings (a non-blocking notice).
 */
public final class WorkbenchDocument {
    private final ObjectProperty<Signal> input = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> inputPath = new SimpleObjectProperty<>();
    private final StringProperty inputName = new SimpleStringProperty("");
    private final javafx.beans.property.IntegerProperty inputChannels = new javafx.beans.property.SimpleIntegerProperty(1);
    private final javafx.beans.property.IntegerProperty channel = new javafx.beans.property.SimpleIntegerProperty(MIX_DOWN);
    private Signal mixDown;
    private java.util.List<Signal> perChannel = java.util.List.of();
    /** {@link #channelProperty()}: the average of all channels. */
    public static final int MIX_DOWN = 0;
    private final ObjectProperty<Signal> reference = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> referencePath = new SimpleObjectProperty<>();
    private final ObjectProperty<LabelledGrid> labels = new SimpleObjectProperty<>();
    private final ObjectProperty<AnalysisResult> lastResult = new SimpleObjectProperty<>();
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final ResultsViewModel results = new ResultsViewModel();
    private final StringProperty status = new SimpleStringProperty("Ready");
    private Consumer<String> errors = s -> { };
    private Consumer<String> warnings = s -> { };

    public ObjectProperty<Signal> inputProperty() {
        return input;
    }

    /** The file the input came from; null for a signal made in memory. */
    public ObjectProperty<Path> inputPathProperty() {
        return inputPath;
    }

    /** How many channels the input's file has (the workbench works on their mix-down). */
    public javafx.beans.property.IntegerProperty inputChannelsProperty() {
        return inputChannels;
    }

    /** Which channel of a multi-channel file is the input: {@link #MIX_DOWN} or 1..channels. */
    public javafx.beans.property.IntegerProperty channelProperty() {
        return channel;
    }

    /** A newly opened file's mix-down and, for several channels, each channel (empty for a mono file). */
    public void setChannels(Signal mix, java.util.List<Signal> channels) {
        mixDown = mix;
        perChannel = java.util.List.copyOf(channels);
        inputChannels.set(Math.max(1, channels.size()));
    }

    /** The signal of a channel choice ({@link #MIX_DOWN} or 1..channels); null when there is no such channel. */
    public Signal channelSignal(int choice) {
        if (choice == MIX_DOWN) {
            return mixDown;
        }
        return choice >= 1 && choice <= perChannel.size() ? perChannel.get(choice - 1) : null;
    }

    public StringProperty inputNameProperty() {
        return inputName;
    }

    public ObjectProperty<Signal> referenceProperty() {
        return reference;
    }

    public ObjectProperty<Path> referencePathProperty() {
        return referencePath;
    }

    /** The newest labels together with the grid they belong to (never one without the other). */
    public ObjectProperty<LabelledGrid> labelsProperty() {
        return labels;
    }

    public ObjectProperty<AnalysisResult> lastResultProperty() {
        return lastResult;
    }

    /** Every finished run of this recording, oldest first. */
    public ObservableList<RunRecord> runs() {
        return runs;
    }

    public ResultsViewModel results() {
        return results;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The folder of the open file, for file dialogs; null when nothing came from a file. */
    public Path folder() {
        Path p = inputPath.get();
        Path abs = p == null ? null : p.toAbsolutePath().getParent();
        return abs;
    }

    public void setErrorSink(Consumer<String> sink) {
        errors = sink;
    }

    public void setWarningSink(Consumer<String> sink) {
        warnings = sink;
    }

    /** Reports a failure: one status line and the error sink gets "what\nwhy". */
    public void fail(String what, Throwable error) {
        Throwable t = error instanceof java.io.UncheckedIOException u && u.getCause() != null ? u.getCause() : error;
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        status.set(what + ": " + msg);
        errors.accept(what + "\n" + msg);
    }

    /** Something the user should know that needs no answer (e.g. a truncated file was read). */
    public void warn(String text) {
        warnings.accept(text);
    }
}
