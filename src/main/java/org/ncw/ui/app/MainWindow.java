package org.ncw.ui.app;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.ncw.ui.analysis.Output;
import org.ncw.ui.params.ParamsView;
import org.ncw.ui.results.ResultsView;
import org.ncw.ui.scatter.Scatter3DView;
import org.ncw.ui.scatter.ScatterView;
import org.ncw.ui.scatter.ScatterViewModel;
import org.ncw.ui.spectrogram.SpectrogramView;
import org.ncw.ui.waveform.WaveformView;

/**
 * The main window: menu bar and transport toolbar on top, parameters left, the time-axis views (waveform,
 * spectrogram with label overlay, 3D-table scatter) and the 3D view centre, results right, status bar below.
 */
public final class MainWindow extends BorderPane {
    private final WorkbenchViewModel vm;
    private final WaveformView waveform;
    private final SpectrogramView spectrogramView;
    private final ScatterView scatterView;
    private final TabPane centre = new TabPane();
    private final Menu recentMenu = new Menu("Open _Recent");
    private Scatter3DView scatter3d;

    public MainWindow(WorkbenchViewModel vm) {
        this.vm = vm;
        getStyleClass().add("workbench");
        waveform = new WaveformView(vm.viewport(), vm::seek);
        waveform.setId("waveform");
        spectrogramView = new SpectrogramView(vm.spectrogram(), vm.viewport(), vm::seek);
        spectrogramView.setId("spectrogram");
        spectrogramView.setOnFrameShown(vm::labelsShown);
        scatterView = new ScatterView(vm.scatter(), vm.viewport(), vm::seek);
        scatterView.setId("scatter");
        vm.results().selectedProperty().addListener((o, a, b) -> waveform.signalProperty().set(b == null ? null : b.signal()));

        ParamsView params = new ParamsView(vm.params());
        params.setId("params");
        params.setPrefWidth(PARAMS_WIDTH);
        params.setMinWidth(PARAMS_WIDTH - 40);
        ResultsView results = new ResultsView(vm.results());
        results.setId("results");
        results.setPrefWidth(290);

        SplitPane timeline = new SplitPane(waveform, spectrogramView, scatterView);
        timeline.setOrientation(Orientation.VERTICAL);
        applyTimelineShares(timeline);
        VBox timelineBox = new VBox(viewBar(), timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        Tab timelineTab = new Tab("Timeline", timelineBox);
        Tab tab3d = new Tab("3D view");
        tab3d.setId("tab-3d");
        tab3d.setOnSelectionChanged(e -> {
            if (tab3d.isSelected() && scatter3d == null) {
                scatter3d = new Scatter3DView(vm.scatter());
                scatter3d.setId("scatter3d");
                tab3d.setContent(scatter3d);
            }
        });
        centre.getTabs().addAll(timelineTab, tab3d);
        centre.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        SplitPane main = new SplitPane(params, centre, results);
        main.setDividerPositions(0.24, 0.805);
        // Fractions are only a first guess before the window has a size.
        pinSidePanels(main, params, results);
        SplitPane.setResizableWithParent(params, false);
        SplitPane.setResizableWithParent(results, false);

        setTop(new VBox(menuBar(), toolBar()));
        setCenter(main);
        setBottom(statusBar());

        new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.tick();
                if (vm.playingProperty().get()) {
                    double t = vm.viewport().playheadProperty().get();
                    if (t > vm.viewport().end()) {
                        vm.viewport().setWindow(t, t + vm.viewport().span());
                    }
                }
            }
        }.start();
        vm.errorHandlerProperty().set(this::showError);
    }

    /** Keyboard shortcuts and drag-and-drop; call once the window is in a scene. */
    public void install(Scene scene) {
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            KeyCode c = e.getCode();
            if (c.isDigitKey() && !"0".equals(e.getText())) {
                vm.results().selectNumber(Integer.parseInt(e.getText().isEmpty() ? c.getName() : e.getText()));
                e.consume();
            } else if (c == KeyCode.A) {
                vm.results().toggleAB();
                e.consume();
            } else if (c == KeyCode.SPACE) {
                vm.togglePlay();
                e.consume();
            } else if (c == KeyCode.ESCAPE) {
                vm.cancel();
                e.consume();
            }
        });
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (!files.isEmpty()) {
                vm.open(files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    private MenuBar menuBar() {
        MenuItem open = item("_Open…", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseOpen);
        recentMenu.setOnShowing(e -> fillRecent());
        fillRecent();
        MenuItem sample = item("Open bundled _sample", null, vm::openBundledSample);
        MenuItem ref = item("Load clean _reference…", null, () -> chooseFile("Clean reference", false)
                .ifPresent(vm::openReference));
        MenuItem loadParams = item("_Load parameters…", null, () -> chooseJson(false).ifPresent(vm::loadParameters));
        MenuItem saveParams = item("Save _parameters…", null, () -> chooseJson(true).ifPresent(p -> {
            try {
                vm.saveParameters(p);
            } catch (IOException ex) {
                showError("Cannot save parameters\n" + ex.getMessage());
            }
        }));
        MenuItem export = item("_Export all to folder…", new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                this::chooseExport);
        ToggleGroup fmt = new ToggleGroup();
        RadioMenuItem pcm16 = new RadioMenuItem("WAV 16-bit PCM");
        RadioMenuItem f32 = new RadioMenuItem("WAV 32-bit float");
        pcm16.setToggleGroup(fmt);
        f32.setToggleGroup(fmt);
        pcm16.setSelected(true);
        f32.selectedProperty().bindBidirectional(vm.exportFloatProperty());
        Menu format = new Menu("Export _format", null, pcm16, f32);
        MenuItem quit = item("_Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), Platform::exit);
        Menu file = new Menu("_File", null, open, recentMenu, sample, ref, new SeparatorMenuItem(), loadParams,
                saveParams, new SeparatorMenuItem(), export, format, new SeparatorMenuItem(), quit);

        CheckMenuItem overlay = new CheckMenuItem("Label _overlay");
        overlay.selectedProperty().bindBidirectional(vm.spectrogram().overlayVisibleProperty());
        overlay.setAccelerator(new KeyCodeCombination(KeyCode.L));
        CheckMenuItem log = new CheckMenuItem("_Log frequency axis");
        log.selectedProperty().bindBidirectional(vm.spectrogram().logFrequencyProperty());
        MenuItem fit = item("_Fit to window", new KeyCodeCombination(KeyCode.F), vm.viewport()::fit);
        MenuItem zin = item("Zoom _in", new KeyCodeCombination(KeyCode.EQUALS),
                () -> vm.viewport().zoom(0.5, vm.viewport().playheadProperty().get()));
        MenuItem zout = item("Zoom o_ut", new KeyCodeCombination(KeyCode.MINUS),
                () -> vm.viewport().zoom(2, vm.viewport().playheadProperty().get()));
        Menu view = new Menu("_View", null, fit, zin, zout, new SeparatorMenuItem(), overlay, log);

        MenuItem run = item("_Run now", new KeyCodeCombination(KeyCode.F5), vm::runAnalysis);
        MenuItem cancel = item("_Cancel", null, vm::cancel);
        Menu analysis = new Menu("_Analysis", null, run, cancel);

        MenuItem play = item("_Play / pause   (Space)", null, vm::togglePlay);
        MenuItem stop = item("_Stop", null, vm::stop);
        MenuItem ab = item("_A/B toggle   (A)", null, vm.results()::toggleAB);
        CheckMenuItem match = new CheckMenuItem("_Level-matched");
        match.selectedProperty().bindBidirectional(vm.levelMatchedProperty());
        CheckMenuItem loop = new CheckMenuItem("Loop _selection (shift-drag)");
        loop.selectedProperty().bindBidirectional(vm.loopSelectionProperty());
        Menu playback = new Menu("_Playback", null, play, stop, ab, match, loop);

        MenuItem keys = item("_Keyboard and mouse", null, () -> info("Keyboard and mouse",
                "Space play/pause · 1–9 choose result · A toggle A/B · L label overlay · F fit · +/− zoom · F5 run · "
                        + "Esc cancel\nWheel zooms around the pointer · drag pans · shift-drag selects · click seeks"));
        Menu help = new Menu("_Help", null, keys);
        MenuBar bar = new MenuBar(file, view, analysis, playback, help);
        bar.setId("menubar");
        return bar;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path p : RecentFiles.userDefault().list()) {
            recentMenu.getItems().add(item(p.getFileName().toString(), null, () -> vm.open(p)));
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
    }

    private static MenuItem item(String text, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setMnemonicParsing(true);
        if (key != null) {
            m.setAccelerator(key);
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private ToolBar toolBar() {
        Button open = button("Open", "Open a recording (Ctrl+O)", this::chooseOpen);
        open.setId("btn-open");
        ToggleButton play = new ToggleButton("▶  Play");
        play.setId("btn-play");
        play.setTooltip(new Tooltip("Play / pause (Space)"));
        play.selectedProperty().bindBidirectional(vm.playingProperty());
        play.setOnAction(e -> {
            play.setSelected(!play.isSelected());
            vm.togglePlay();
        });
        vm.playingProperty().addListener((o, a, b) -> play.setText(b ? "❚❚  Pause" : "▶  Play"));
        Button stop = button("■", "Stop and rewind", vm::stop);
        ToggleButton loop = new ToggleButton("Loop");
        loop.setTooltip(new Tooltip("Loop the selection (shift-drag on a view to select)"));
        loop.selectedProperty().bindBidirectional(vm.loopSelectionProperty());
        Button ab = button("A/B", "Back to the previous result at the same position (A)", vm.results()::toggleAB);
        ab.setId("btn-ab");
        CheckBox match = new CheckBox("Level-matched");
        match.setTooltip(new Tooltip("Play every result at the loudness of the original"));
        match.selectedProperty().bindBidirectional(vm.levelMatchedProperty());
        Label hearing = new Label();
        hearing.setId("now-hearing");
        hearing.getStyleClass().add("now-hearing");
        vm.results().selectedProperty().addListener((o, a, b) -> hearing.setText(b == null ? ""
                : "Hearing: " + (vm.results().selectedIndexProperty().get() + 1) + " · " + b.name()));
        Button run = button("Run", "Run the analysis now (F5)", vm::runAnalysis);
        run.getStyleClass().add("accent");
        Button export = button("Export…", "Export the ticked results, labels, table, views and parameters",
                this::chooseExport);
        export.setId("btn-export");
        Label file = new Label();
        file.getStyleClass().add("file-name");
        file.textProperty().bind(vm.inputNameProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(open, sep(), play, stop, loop, ab, match, hearing, sep(), run, export, spacer, file);
    }

    private static Node sep() {
        Region r = new Region();
        r.getStyleClass().add("tool-separator");
        return r;
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private FlowPane viewBar() {
        Slider gain = new Slider(-40, 40, 0);
        gain.valueProperty().bindBidirectional(vm.spectrogram().gainDbProperty());
        gain.setPrefWidth(60);
        Slider range = new Slider(20, 140, 80);
        range.valueProperty().bindBidirectional(vm.spectrogram().rangeDbProperty());
        range.setPrefWidth(60);
        Label gainText = new Label();
        gainText.setMinWidth(44);
        gainText.textProperty().bind(vm.spectrogram().gainDbProperty().asString(Locale.ROOT, "%+.0f dB"));
        Label rangeText = new Label();
        rangeText.setMinWidth(40);
        rangeText.textProperty().bind(vm.spectrogram().rangeDbProperty().asString(Locale.ROOT, "%.0f dB"));
        ComboBox<Integer> window = new ComboBox<>();
        window.getItems().addAll(256, 512, 1024, 2048, 4096);
        window.setValue(vm.spectrogram().windowSizeProperty().get());
        window.setMinWidth(84);
        window.valueProperty().addListener((o, a, b) -> vm.spectrogram().windowSizeProperty().set(b));
        CheckBox log = new CheckBox("Log Hz");
        log.setMinWidth(Region.USE_PREF_SIZE);
        log.selectedProperty().bindBidirectional(vm.spectrogram().logFrequencyProperty());
        CheckBox overlay = new CheckBox("Label overlay");
        overlay.setId("toggle-overlay");
        overlay.setMinWidth(Region.USE_PREF_SIZE);
        overlay.selectedProperty().bindBidirectional(vm.spectrogram().overlayVisibleProperty());
        ComboBox<ScatterViewModel.Coloring> colour = new ComboBox<>();
        colour.getItems().addAll(ScatterViewModel.Coloring.values());
        colour.valueProperty().bindBidirectional(vm.scatter().coloringProperty());
        colour.setMinWidth(125);
        // wraps onto a second row in a narrow window rather than pushing the timeline wider than its slot
        FlowPane bar = new FlowPane(8, 4, group(caption("Gain"), gain, gainText), group(caption("Range"), range, rangeText),
                group(caption("Window"), window), log, overlay, group(caption("Scatter"), colour));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("view-bar");
        return bar;
    }

    /** Keeps a caption with its control when the view bar wraps. */
    private static HBox group(javafx.scene.Node... nodes) {
        HBox box = new HBox(5, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label caption(String s) {
        Label l = new Label(s);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("caption");
        return l;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        Label audio = new Label();
        audio.setId("audio-status");
        audio.getStyleClass().add("audio-status");
        audio.textProperty().bind(vm.audioStatusProperty());
        Label latency = new Label();
        latency.setId("latency");
        vm.labelLatencySecondsProperty().addListener((o, a, b) -> latency.setText(Double.isNaN(b.doubleValue())
                ? "" : String.format(Locale.ROOT, "labels on screen %.0f ms after the change", b.doubleValue() * 1000)));
        ProgressBar progress = new ProgressBar(0);
        progress.setId("progress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(vm.jobs().progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("btn-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.runningProperty());
        Label elapsed = new Label();
        elapsed.setId("elapsed");
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                elapsed.setText(String.format(Locale.ROOT, "%.2f s", vm.runStartedSecondsAgo()));
            }
        }.start();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, status, spacer, latency, audio, progress, cancel, elapsed);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 10, 3, 10));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    // ---- dialogs -------------------------------------------------------------------------------------------

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void chooseOpen() {
        chooseFile("Open recording", false).ifPresent(vm::open);
    }

    private java.util.Optional<Path> chooseFile(String title, boolean save) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Audio (WAV)", "*.wav", "*.WAV"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = save ? fc.showSaveDialog(window()) : fc.showOpenDialog(window());
        return java.util.Optional.ofNullable(f).map(File::toPath);
    }

    private java.util.Optional<Path> chooseJson(boolean save) {
        FileChooser fc = new FileChooser();
        fc.setTitle(save ? "Save parameters" : "Load parameters");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Experiment parameters (JSON)", "*.json"));
        if (save) {
            fc.setInitialFileName("parameters.json");
        }
        File f = save ? fc.showSaveDialog(window()) : fc.showOpenDialog(window());
        return java.util.Optional.ofNullable(f).map(File::toPath);
    }

    private void chooseExport() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Export into folder");
        File dir = dc.showDialog(window());
        if (dir != null) {
            exportTo(dir.toPath(), files -> { });
        }
    }

    /** Snapshots the views (FX thread), then writes everything in the background. */
    public void exportTo(Path folder, java.util.function.Consumer<List<Path>> done) {
        Map<String, BufferedImage> views = new LinkedHashMap<>();
        views.put("waveform", snapshot(waveform));
        views.put("spectrogram", snapshot(spectrogramView));
        views.put("scatter", snapshot(scatterView));
        if (scatter3d != null && Platform.isSupported(ConditionalFeature.SCENE3D)) {
            views.put("scatter3d", snapshot(scatter3d));
        }
        views.values().removeIf(java.util.Objects::isNull);
        vm.export(folder, views, done);
    }

    private static BufferedImage snapshot(Node n) {
        if (n.getScene() == null || n.getLayoutBounds().getWidth() < 1 || n.getLayoutBounds().getHeight() < 1) {
            return null;
        }
        WritableImage img = n.snapshot(null, null);
        return SwingFXUtils.fromFXImage(img, null);
    }

    private void showError(String text) {
        int nl = text.indexOf('\n');
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(window());
        a.setTitle("Noise Clustering Workbench");
        a.setHeaderText(nl < 0 ? text : text.substring(0, nl));
        a.setContentText(nl < 0 ? "" : text.substring(nl + 1));
        a.getDialogPane().setId("error-dialog");
        a.show();
    }

    private void info(String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text);
        a.initOwner(window());
        a.setHeaderText(title);
        a.show();
    }

    /** Waveform : spectrogram : 3D table height shares of the timeline (user-draggable dividers). */
    static final double[] TIMELINE_SHARES = {0.2, 0.4, 0.4};
    private static final double PARAMS_WIDTH = 340;

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

    /** Until the user first presses on the split pane, the side panels keep their preferred widths on resize. */
    private static void pinSidePanels(SplitPane main, Region left, Region right) {
        javafx.beans.InvalidationListener pin = o -> {
            double w = main.getWidth();
            if (w > left.getPrefWidth() + right.getPrefWidth() + 200) {
                main.setDividerPositions(left.getPrefWidth() / w, 1 - right.getPrefWidth() / w);
            }
        };
        main.widthProperty().addListener(pin);
        main.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> main.widthProperty().removeListener(pin));
    }

    public SpectrogramView spectrogramView() {
        return spectrogramView;
    }

    public TabPane centre() {
        return centre;
    }

    /** The result currently heard, for tests. */
    public Output heard() {
        return vm.results().selectedProperty().get();
    }
}
