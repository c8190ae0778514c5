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
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.RangeSlider;
import org.ncw.ui.spectrogram.FrequencyAxis;
import org.ncw.ui.timeline.AxisTicks;
import org.ncw.ui.scatter.ScatterView;
import org.ncw.ui.scatter.ScatterViewModel;
import org.ncw.ui.spectrogram.ColorMap;
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
        waveform.signalProperty().bind(vm.shownSignalProperty());

        SplitPane timeline = new SplitPane(waveform, spectrogramView, scatterView);
        timeline.setId("timeline-split");
        timeline.setOrientation(Orientation.VERTICAL);
        applyTimelineShares(timeline);
        getChildren().addAll(new org.ncw.ui.overview.OverviewView(vm.overview()), viewBar(vm, waveform), timeline,
                readoutBar(vm));
        VBox.setVgrow(timeline, Priority.ALWAYS);
    }

    private static FlowPane viewBar(WorkbenchViewModel vm, WaveformView waveform) {
        ComboBox<Integer> amplitude = new ComboBox<>();
        amplitude.setId("amplitude-zoom");
        amplitude.getItems().addAll(1, 2, 4, 8, 16, 32);
        amplitude.setValue(1);
        amplitude.setTooltip(new Tooltip("Waveform amplitude zoom (×1 = ±1 full scale)"));
        amplitude.valueProperty().addListener((o, a, b) -> waveform.amplitudeZoomProperty().set(b));
        SpectrogramViewModel spectrogram = vm.spectrogram();
        ComboBox<String> show = new ComboBox<>(vm.shownChoices());
        show.setId("show-signal");
        show.valueProperty().bindBidirectional(vm.shownProperty());
        show.setTooltip(new Tooltip("What the waveform and spectrogram show: the input, the result being heard, "
                + "or one result (the residue shows what a method removed)"));
        show.setMinWidth(130);
        RangeSlider levels = new RangeSlider(-160, 40, -80, 0);
        levels.setId("db-range");
        levels.setPrefWidth(120);
        levels.setTooltip(new Tooltip("Colour scale: dB below (−) or above (+) the loudest bin; drag either end"));
        bindLevels(levels, spectrogram);
        Label levelsText = new Label();
        levelsText.setMinWidth(92);
        Runnable showLevels = () -> levelsText.setText(String.format(Locale.ROOT, "%.0f … %+.0f dB",
                levels.getLowValue(), levels.getHighValue()));
        levels.lowValueProperty().addListener(o -> showLevels.run());
        levels.highValueProperty().addListener(o -> showLevels.run());
        showLevels.run();
        RangeSlider band = new RangeSlider(0, 1, 0, 1);
        band.setId("freq-range");
        band.setPrefWidth(110);
        band.setTooltip(new Tooltip("Spectrogram frequency band in Hz (also Shift + wheel over the spectrogram;"
                + " Shift+F shows all of it)"));
        Label bandText = new Label();
        bandText.setMinWidth(92);
        bindBand(band, bandText, spectrogram);
        ComboBox<Integer> window = new ComboBox<>();
        window.getItems().addAll(256, 512, 1024, 2048, 4096);
        window.setValue(spectrogram.windowSizeProperty().get());
        window.setMinWidth(84);
        window.setTooltip(new Tooltip("Display STFT window (Hann) in samples; hop = window/4"));
        window.valueProperty().addListener((o, a, b) -> spectrogram.windowSizeProperty().set(b));
        spectrogram.windowSizeProperty().addListener((o, a, b) -> window.setValue(b.intValue()));
        ComboBox<ColorMap.Named> colours = new ComboBox<>();
        colours.getItems().addAll(ColorMap.Named.values());
        colours.valueProperty().bindBidirectional(spectrogram.colorMapProperty());
        colours.setMinWidth(96);
        CheckBox log = new CheckBox("Log Hz");
        log.setMinWidth(Region.USE_PREF_SIZE);
        log.selectedProperty().bindBidirectional(spectrogram.logFrequencyProperty());
        CheckBox overlay = new CheckBox("Labels");
        overlay.setId("toggle-overlay");
        overlay.setMinWidth(Region.USE_PREF_SIZE);
        overlay.setTooltip(new Tooltip("Label overlay on the spectrogram (L)"));
        overlay.selectedProperty().bindBidirectional(spectrogram.overlayVisibleProperty());
        Slider opacity = new Slider(0.05, 1, spectrogram.overlayOpacityProperty().get());
        opacity.setId("overlay-opacity");
        opacity.setPrefWidth(60);
        opacity.setTooltip(new Tooltip("Overlay opacity"));
        opacity.valueProperty().bindBidirectional(spectrogram.overlayOpacityProperty());
        opacity.disableProperty().bind(overlay.selectedProperty().not());
        ComboBox<ScatterViewModel.Coloring> colour = new ComboBox<>();
        colour.getItems().addAll(ScatterViewModel.Coloring.values());
        colour.valueProperty().bindBidirectional(vm.scatter().coloringProperty());
        colour.setMinWidth(125);
        // wraps onto a second row in a narrow window rather than pushing the timeline wider than its slot
        FlowPane bar = new FlowPane(8, 4, group(caption("Show"), show), group(caption("Level"), levels, levelsText),
                group(caption("Hz"), band, bandText),
                group(caption("Amp ×"), amplitude), group(caption("Window"), window), group(caption("Colours"), colours), log,
                group(overlay, opacity), group(caption("Scatter"), colour));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("view-bar");
        return bar;
    }

    /** The range slider's ends are the colour scale's floor and top in dB relative to the loudest bin. */
    private static void bindLevels(RangeSlider levels, SpectrogramViewModel s) {
        boolean[] updating = {false};
        Runnable fromModel = () -> {
            if (!updating[0]) {
                updating[0] = true;
                double top = -s.gainDbProperty().get();
                levels.setHighValue(top);
                levels.setLowValue(top - s.rangeDbProperty().get());
                updating[0] = false;
            }
        };
        Runnable toModel = () -> {
            if (!updating[0]) {
                updating[0] = true;
                s.gainDbProperty().set(-levels.getHighValue());
                s.rangeDbProperty().set(Math.max(1, levels.getHighValue() - levels.getLowValue()));
                updating[0] = false;
            }
        };
        s.gainDbProperty().addListener(o -> fromModel.run());
        s.rangeDbProperty().addListener(o -> fromModel.run());
        levels.lowValueProperty().addListener(o -> toModel.run());
        levels.highValueProperty().addListener(o -> toModel.run());
        fromModel.run();
    }

    /**
     * The frequency slider's ends are the visible band in Hz (0 .. Nyquist of the shown spectrum); the band at
     * its full extent is stored as 0 .. infinity, so it stays "all" when a spectrum with another rate comes.
     */
    private static void bindBand(RangeSlider band, Label text, SpectrogramViewModel s) {
        boolean[] updating = {false};
        Runnable fromModel = () -> {
            FrequencyAxis axis = s.frequencyAxis();
            if (updating[0] || axis == null) {
                return;
            }
            updating[0] = true;
            double nyquist = s.spectrumProperty().get().nyquist();
            band.setMax(nyquist);
            band.setMajorTickUnit(Math.max(1, nyquist / 4));
            band.setHighValue(axis.high());
            band.setLowValue(axis.low());
            band.setHighValue(axis.high());
            text.setText(String.format(Locale.ROOT, "%s … %s", AxisTicks.hertz(axis.low()),
                    AxisTicks.hertz(axis.high())));
            updating[0] = false;
        };
        Runnable toModel = () -> {
            if (updating[0] || s.spectrumProperty().get() == null) {
                return;
            }
            updating[0] = true;
            FrequencyAxis full = FrequencyAxis.full(s.spectrumProperty().get(), s.logFrequencyProperty().get());
            s.freqLowHzProperty().set(band.getLowValue() <= full.low() + 0.5 ? 0 : band.getLowValue());
            s.freqHighHzProperty().set(band.getHighValue() >= full.high() - 0.5 ? Double.POSITIVE_INFINITY
                    : band.getHighValue());
            updating[0] = false;
            fromModel.run();
        };
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {s.freqLowHzProperty(), s.freqHighHzProperty(),
            s.spectrumProperty(), s.logFrequencyProperty()}) {
            o.addListener(x -> fromModel.run());
        }
        band.lowValueProperty().addListener(o -> toModel.run());
        band.highValueProperty().addListener(o -> toModel.run());
        fromModel.run();
    }

    /** Under the views: what is under the pointer and the selection's start, end and length. */
    private static HBox readoutBar(WorkbenchViewModel vm) {
        Label readout = new Label();
        readout.setId("readout");
        readout.textProperty().bind(vm.spectrogram().readoutProperty());
        Label selection = new Label();
        selection.setId("selection");
        var v = vm.viewport();
        Runnable show = () -> selection.setText(v.hasSelection() ? String.format(Locale.ROOT,
                "selection %.3f – %.3f s (%.3f s)", v.selectionStartProperty().get(), v.selectionEndProperty().get(),
                v.selectionEndProperty().get() - v.selectionStartProperty().get()) : "no selection (shift-drag)");
        v.selectionStartProperty().addListener(o -> show.run());
        v.selectionEndProperty().addListener(o -> show.run());
        show.run();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, readout, spacer, selection);
        bar.setPadding(new Insets(2, 8, 2, 8));
        bar.getStyleClass().add("readout-bar");
        bar.setMinHeight(20);
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
