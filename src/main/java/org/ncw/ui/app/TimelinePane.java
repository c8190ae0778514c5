package org.ncw.ui.app;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ncw.ui.scatter.ScatterView;
import org.ncw.ui.scatter.ScatterViewModel;
import org.ncw.ui.spectrogram.SpectrogramView;
import org.ncw.ui.spectrogram.SpectrogramViewModel;
import org.ncw.ui.waveform.WaveformView;

/**
 * The time-axis views stacked on one shared viewport (waveform, spectrogram with label overlay, 3D-table
 * scatter) with their own display controls above them.
 */
public final class TimelinePane extends VBox {
    /** Waveform : spectrogram : 3D table height shares of the timeline (user-draggable dividers). */
    static final double[] TIMELINE_SHARES = {0.2, 0.4, 0.4};

    private final WaveformView waveform;
    private final SpectrogramView spectrogramView;
    private final ScatterView scatterView;

    public TimelinePane(WorkbenchViewModel vm) {
        waveform = new WaveformView(vm.viewport(), vm::seek);
        waveform.setId("waveform");
        spectrogramView = new SpectrogramView(vm.spectrogram(), vm.viewport(), vm::seek);
        spectrogramView.setId("spectrogram");
        spectrogramView.setOnFrameShown(vm::labelsShown);
        scatterView = new ScatterView(vm.scatter(), vm.viewport(), vm::seek);
        scatterView.setId("scatter");
        vm.results().selectedProperty().addListener((o, a, b) ->
                waveform.signalProperty().set(b == null ? null : b.signal()));

        SplitPane timeline = new SplitPane(waveform, spectrogramView, scatterView);
        timeline.setOrientation(Orientation.VERTICAL);
        applyTimelineShares(timeline);
        getChildren().addAll(viewBar(vm.spectrogram(), vm.scatter()), timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);
    }

    private static FlowPane viewBar(SpectrogramViewModel spectrogram, ScatterViewModel scatter) {
        Slider gain = new Slider(-40, 40, 0);
        gain.valueProperty().bindBidirectional(spectrogram.gainDbProperty());
        gain.setPrefWidth(60);
        Slider range = new Slider(20, 140, 80);
        range.valueProperty().bindBidirectional(spectrogram.rangeDbProperty());
        range.setPrefWidth(60);
        Label gainText = new Label();
        gainText.setMinWidth(44);
        gainText.textProperty().bind(spectrogram.gainDbProperty().asString(Locale.ROOT, "%+.0f dB"));
        Label rangeText = new Label();
        rangeText.setMinWidth(40);
        rangeText.textProperty().bind(spectrogram.rangeDbProperty().asString(Locale.ROOT, "%.0f dB"));
        ComboBox<Integer> window = new ComboBox<>();
        window.getItems().addAll(256, 512, 1024, 2048, 4096);
        window.setValue(spectrogram.windowSizeProperty().get());
        window.setMinWidth(84);
        window.valueProperty().addListener((o, a, b) -> spectrogram.windowSizeProperty().set(b));
        CheckBox log = new CheckBox("Log Hz");
        log.setMinWidth(Region.USE_PREF_SIZE);
        log.selectedProperty().bindBidirectional(spectrogram.logFrequencyProperty());
        CheckBox overlay = new CheckBox("Label overlay");
        overlay.setId("toggle-overlay");
        overlay.setMinWidth(Region.USE_PREF_SIZE);
        overlay.selectedProperty().bindBidirectional(spectrogram.overlayVisibleProperty());
        ComboBox<ScatterViewModel.Coloring> colour = new ComboBox<>();
        colour.getItems().addAll(ScatterViewModel.Coloring.values());
        colour.valueProperty().bindBidirectional(scatter.coloringProperty());
        colour.setMinWidth(125);
        // wraps onto a second row in a narrow window rather than pushing the timeline wider than its slot
        FlowPane bar = new FlowPane(8, 4, group(caption("Gain"), gain, gainText),
                group(caption("Range"), range, rangeText), group(caption("Window"), window), log, overlay,
                group(caption("Scatter"), colour));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("view-bar");
        return bar;
    }

    /** Keeps a caption with its control when the view bar wraps. */
    static HBox group(Node... nodes) {
        HBox box = new HBox(5, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    static Label caption(String s) {
        Label l = new Label(s);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("caption");
        return l;
    }

    /**
     * Sets the timeline dividers to {@link #TIMELINE_SHARES} once the split pane first has a real height: set
     * before layout, SplitPane squeezes the positions through the children's minimum heights of a tiny first pass.
     */
    private static void applyTimelineShares(SplitPane timeline) {
        double first = TIMELINE_SHARES[0];
        double second = first + TIMELINE_SHARES[1];
        timeline.setDividerPositions(first, second);
        timeline.heightProperty().addListener(new javafx.beans.value.ChangeListener<Number>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number a, Number b) {
                if (b.doubleValue() > 300) {
                    timeline.heightProperty().removeListener(this);
                    javafx.application.Platform.runLater(() -> timeline.setDividerPositions(first, second));
                }
            }
        });
    }

    public WaveformView waveform() {
        return waveform;
    }

    public SpectrogramView spectrogramView() {
        return spectrogramView;
    }

    public ScatterView scatterView() {
        return scatterView;
    }
}
