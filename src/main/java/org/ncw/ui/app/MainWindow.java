package org.ncw.ui.app;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import org.ncw.ui.live.LiveDevices;
import org.ncw.ui.live.LiveView;
import org.ncw.ui.live.LiveViewModel;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;
import org.ncw.ui.analysis.Output;
import org.ncw.ui.fx.RenderFailures;
import org.ncw.ui.history.CompareView;
import org.ncw.ui.history.HistoryView;
import org.ncw.ui.params.ParamsView;
import org.ncw.ui.playback.TransportBar;
import org.ncw.ui.results.ResultsView;
import org.ncw.ui.scatter.Scatter3DView;
import org.ncw.ui.session.SessionController;
import org.ncw.ui.spectrogram.SpectrogramView;

/**
 * The main window composes the views: menu bar and toolbar (file actions, the transport's controls, Run and
 * Export) on top, parameters left, the timeline (waveform, spectrogram, scatter, with their display controls) and
 * the 3D view centre, results right, status bar below. It owns the dialogs; all state is in the view model.
 */
public final class MainWindow extends BorderPane implements WorkbenchMenus.Window {
    private static final double PARAMS_WIDTH = 340;
    private static final double RESULTS_WIDTH = 290;

    private final WorkbenchViewModel vm;
    private final TimelinePane timeline;
    private final TransportBar transport;
    private final TabPane centre = new TabPane();
    private final FileDialogs dialogs;
    private Scatter3DView scatter3d;
    private final HistoryView history;
    private final CompareView compareView;
    private final Tab compareTab;
    private SessionController.SaveQuestion saveQuestion = this::askToSave;
    private javafx.stage.Stage leaderboardStage;
    private LiveView live;
    private LiveViewModel liveModel;

    public MainWindow(WorkbenchViewModel vm) {
        this.vm = vm;
        getStyleClass().add("workbench");
        dialogs = new FileDialogs(vm, this::window);
        timeline = new TimelinePane(vm);
        transport = new TransportBar(vm.playback(), vm.results());

        ParamsView params = new ParamsView(vm.params());
        params.setId("params");
        params.setPrefWidth(PARAMS_WIDTH);
        params.setMinWidth(PARAMS_WIDTH - 40);
        ResultsView results = new ResultsView(vm.results());
        results.setId("results");
        results.setPrefWidth(RESULTS_WIDTH);
        results.setMinWidth(RESULTS_WIDTH - 40);
        history = new HistoryView(vm.history(), this::compare, this::chooseExportRuns);
        SplitPane right = new SplitPane(results, history);
        right.setOrientation(javafx.geometry.Orientation.VERTICAL);
        right.setDividerPositions(0.5);
        right.setPrefWidth(RESULTS_WIDTH);
        right.setMinWidth(RESULTS_WIDTH - 40);
        compareView = new CompareView(vm.compare(), vm.viewport(), vm::seek, vm.playback()::hearResults);
        compareTab = new Tab("Compare", compareView);
        compareTab.setId("tab-compare");

        Tab timelineTab = new Tab("Timeline", timeline);
        Tab tab3d = new Tab("3D view");
        tab3d.setId("tab-3d");
        // the 3D scene is in the scene graph only while its tab shows: a hidden SubScene still costs software GL
        tab3d.setOnSelectionChanged(e -> {
            if (tab3d.isSelected()) {
                if (scatter3d == null) {
                    scatter3d = new Scatter3DView(vm.scatter());
                    scatter3d.setId("scatter3d");
                }
                tab3d.setContent(scatter3d);
            } else {
                tab3d.setContent(null);
            }
        });
        Tab liveTab = new Tab("Live");
        liveTab.setId("tab-live");
        // like the 3D view, in the scene graph only while its tab shows (live mode keeps running meanwhile)
        liveTab.setOnSelectionChanged(e -> liveTab.setContent(liveTab.isSelected() ? liveView() : null));
        centre.getTabs().addAll(timelineTab, tab3d, compareTab, liveTab);
        centre.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        centre.setMinWidth(300);

        SplitPane main = new SplitPane(params, centre, right);
        main.setDividerPositions(0.24, 0.805);
        // Fractions are only a first guess before the window has a size.
        pinSidePanels(main, params, right);
        SplitPane.setResizableWithParent(params, false);
        SplitPane.setResizableWithParent(right, false);

        setTop(new VBox(new WorkbenchMenus(vm, dialogs, this).build(), toolBar()));
        setCenter(main);
        setBottom(new WorkbenchStatusBar(vm));

        FrameTicker.whileActive(vm.playingProperty(), vm::tick, () -> { });
        vm.document().setErrorSink(this::showError);
        vm.document().setWarningSink(this::showWarning);
        vm.sessions().setProblemSink(this::sessionProblem);
        RenderFailures.setSink(msg -> Platform.runLater(() -> vm.statusProperty().set(msg)));
    }

    /** Keyboard shortcuts and drag-and-drop; call once the window is in a scene. */
    public void install(Scene scene) {
        Shortcuts.install(scene, vm);
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (!files.isEmpty()) {
                open(files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    private ToolBar toolBar() {
        Button open = TransportBar.button("Open", "Open a recording (Ctrl+O)", this::chooseOpen);
        open.setId("btn-open");
        Button run = TransportBar.button("Run", "Run the analysis now (F5)", vm::runAnalysis);
        run.getStyleClass().add("accent");
        run.setId("btn-run");
        Button export = TransportBar.button("Export…", "Export the ticked results, the chosen tables, views, "
                + "parameters and a manifest (Ctrl+E)", this::chooseExport);
        export.setId("btn-export");
        export.disableProperty().bind(vm.exporter().exportingProperty());
        Label file = new Label();
        file.getStyleClass().add("file-name");
        file.textProperty().bind(vm.inputNameProperty());
        file.setMaxWidth(260);
        file.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(open, sep());
        bar.getItems().addAll(transport.controls());
        bar.getItems().addAll(sep(), run, export, spacer, channelChoice(), file);
        return bar;
    }

    /**
     * For a file of several channels: which one is analysed (the mix-down, or channel n); hidden for mono files.
     */
    private Node channelChoice() {
        javafx.scene.control.ComboBox<String> box = new javafx.scene.control.ComboBox<>();
        box.setId("channel-choice");
        box.setTooltip(new Tooltip("This file has several channels: analyse their mix-down (the average) or one"
                + " channel"));
        boolean[] filling = {false};
        Runnable fill = () -> {
            filling[0] = true;
            int n = vm.document().inputChannelsProperty().get();
            List<String> items = new java.util.ArrayList<>();
            items.add("Mix-down (" + n + " ch)");
            for (int c = 1; c <= n; c++) {
                items.add("Channel " + c);
            }
            box.getItems().setAll(items);
            box.getSelectionModel().select(Math.min(items.size() - 1, vm.document().channelProperty().get()));
            box.setVisible(n > 1);
            box.setManaged(n > 1);
            filling[0] = false;
        };
        vm.document().inputChannelsProperty().addListener(o -> fill.run());
        vm.document().channelProperty().addListener(o -> fill.run());
        vm.inputProperty().addListener(o -> fill.run());
        box.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (!filling[0] && b.intValue() >= 0) {
                vm.selectChannel(b.intValue());
            }
        });
        fill.run();
        return box;
    }

    private static Node sep() {
        Region r = new Region();
        r.getStyleClass().add("tool-separator");
        return r;
    }

    // ---- dialogs -------------------------------------------------------------------------------------------

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    @Override
    public void chooseOpen() {
        guarded("opening another recording", () -> dialogs.audio("Open recording").ifPresent(vm::open));
    }

    /** Opens a recording or a session, first asking to save unsaved changes. */
    @Override
    public void open(Path file) {
        guarded("opening " + file.getFileName(), () -> vm.open(file));
    }

    @Override
    public void openSample() {
        guarded("opening the sample", vm::openBundledSample);
    }

    @Override
    public void quit() {
        guarded("quitting", Platform::exit);
    }

    /**
     * Closing the window: true when it may close now; with unsaved changes it asks first (and, when the answer
     * is save, closes via {@code close} once saved).
     */
    public boolean requestClose(Runnable close) {
        if (!vm.sessions().dirtyProperty().get()) {
            return true;
        }
        guarded("closing", close);
        return false;
    }

    /** Runs {@code action} after asking to save unsaved changes (save, discard or cancel). */
    public void guarded(String action, Runnable proceed) {
        vm.sessions().confirmDiscard(action, saveQuestion, then -> saveSessionThen(then), proceed);
    }

    /** How the window asks whether to save (a dialog in the app; tests answer directly). */
    public void setSaveQuestion(SessionController.SaveQuestion question) {
        saveQuestion = question;
    }

    private SessionController.Answer askToSave(String message) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(window());
        a.setTitle("Noise Clustering Workbench");
        a.setHeaderText(message);
        a.setContentText("The settings or the history's pins changed since the session was last saved.");
        a.getButtonTypes().setAll(save, discard, ButtonType.CANCEL);
        a.getDialogPane().setId("save-changes-dialog");
        ButtonType b = a.showAndWait().orElse(ButtonType.CANCEL);
        return b == save ? SessionController.Answer.SAVE : b == discard ? SessionController.Answer.DISCARD
                : SessionController.Answer.CANCEL;
    }

    private void saveSessionThen(Runnable then) {
        Path current = vm.sessions().sessionFileProperty().get();
        if (current != null) {
            vm.saveSession(current, f -> then.run());
        } else {
            dialogs.session("Save session", true, vm.sessions().suggestedName())
                    .ifPresent(f -> vm.saveSession(f, saved -> then.run()));
        }
    }

    /** Compares two runs of the history in the Compare tab. */
    public void compare(org.ncw.ui.history.HistoryEntry a, org.ncw.ui.history.HistoryEntry b) {
        centre.getSelectionModel().select(compareTab);
        vm.compare().compare(a, b, () -> { });
    }

    private void chooseExportRuns(List<org.ncw.ui.history.HistoryEntry> runs) {
        dialogs.folder("Export " + runs.size() + " runs into folder")
                .ifPresent(dir -> vm.exportRuns(runs, dir, files -> { }));
    }

    @Override
    public void chooseLeaderboard() {
        dialogs.leaderboard("Open sweep leaderboard").ifPresent(this::openLeaderboard);
    }

    /** Reads a sweep leaderboard and shows its rows in their own window. */
    public void openLeaderboard(Path file) {
        vm.leaderboard().open(file, () -> {
            if (leaderboardStage == null) {
                leaderboardStage = new javafx.stage.Stage();
                leaderboardStage.initOwner(window());
                Scene scene = new Scene(new org.ncw.ui.leaderboard.LeaderboardView(vm.leaderboard()), 1100, 420);
                scene.getStylesheets().addAll(getScene() == null ? List.of() : getScene().getStylesheets());
                leaderboardStage.setScene(scene);
            }
            leaderboardStage.setTitle("Leaderboard — " + file.getFileName());
            leaderboardStage.show();
            leaderboardStage.toFront();
        });
    }

    public HistoryView historyView() {
        return history;
    }

    public CompareView compareView() {
        return compareView;
    }

    public Tab compareTab() {
        return compareTab;
    }

    @Override
    public void chooseExport() {
        dialogs.folder("Export into folder").ifPresent(dir -> exportTo(dir, files -> { }));
    }

    @Override
    public void chooseOpenSession() {
        guarded("opening another session", () -> dialogs.session("Open session", false, null).ifPresent(vm::open));
    }

    @Override
    public void saveSession() {
        Path current = vm.sessions().sessionFileProperty().get();
        if (current == null) {
            saveSessionAs();
        } else {
            vm.saveSession(current, f -> { });
        }
    }

    @Override
    public void saveSessionAs() {
        dialogs.session("Save session", true, vm.sessions().suggestedName())
                .ifPresent(f -> vm.saveSession(f, saved -> { }));
    }

    /**
     * A session's recording is missing or changed: one line saying so, with Locate… (a file dialog; the file
     * chosen is checked against the saved hash), Open anyway (only when the file is there but changed), Cancel.
     */
    private void sessionProblem(SessionController.Problem problem) {
        ButtonType locate = new ButtonType("Locate…", ButtonBar.ButtonData.YES);
        ButtonType anyway = new ButtonType("Open anyway", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.WARNING);
        a.initOwner(window());
        a.setTitle("Noise Clustering Workbench");
        a.setHeaderText(problem.message());
        a.setContentText(null);
        a.getButtonTypes().setAll(problem.kind() == SessionController.Problem.Kind.CHANGED
                ? List.of(locate, anyway, ButtonType.CANCEL) : List.of(locate, ButtonType.CANCEL));
        a.getDialogPane().setId("session-problem-dialog");
        a.setOnHidden(e -> {
            ButtonType b = a.getResult();
            if (b == locate) {
                dialogs.audio("Locate " + Path.of(problem.file().recording().path()).getFileName())
                        .ifPresent(f -> vm.sessions().locate(problem, f));
            } else if (b == anyway) {
                vm.sessions().openAnyway(problem);
            }
        });
        a.show();
    }

    /** Snapshots the views (FX thread), then writes everything in the background. */
    public void exportTo(Path folder, Consumer<List<Path>> done) {
        Map<String, BufferedImage> views = new LinkedHashMap<>();
        views.put("waveform", snapshot(timeline.waveform()));
        views.put("spectrogram", snapshot(timeline.spectrogramView()));
        views.put("scatter", snapshot(timeline.scatterView()));
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

    @Override
    public void showError(String text) {
        int nl = text.indexOf('\n');
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(window());
        a.setTitle("Noise Clustering Workbench");
        a.setHeaderText(nl < 0 ? text : text.substring(0, nl));
        a.setContentText(nl < 0 ? "" : text.substring(nl + 1));
        a.getDialogPane().setId("error-dialog");
        a.show();
    }

    /** A warning that needs no answer: a notice in the window's corner and the status line. */
    void showWarning(String text) {
        vm.statusProperty().set("Warning: " + text);
        lastWarning = text;
        if (window() != null && window().isShowing()) {
            Notifications.create().owner(window()).title("Noise Clustering Workbench").text(text)
                    .position(Pos.BOTTOM_RIGHT).hideAfter(javafx.util.Duration.seconds(8)).showWarning();
        }
    }

    private String lastWarning = "";

    /** The last non-blocking warning shown, for tests. */
    public String lastWarning() {
        return lastWarning;
    }

    /** The live mode panel, made on first use; plays the open recording (or the bundled sample) as a microphone. */
    private LiveView liveView() {
        if (live == null) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "ncw-live-devices");
                t.setDaemon(true);
                return t;
            });
            liveModel = new LiveViewModel(LiveDevices.javaSound(), pool, Platform::runLater);
            liveModel.useOptions(vm.params().parametersProperty().get().toOptions().streaming());
            // a loaded experiment's streaming block follows into live mode (from the next block when running)
            vm.params().parametersProperty().addListener((o, a, b) -> {
                if (!a.toOptions().streaming().equals(b.toOptions().streaming())) {
                    liveModel.useOptions(b.toOptions().streaming());
                }
            });
            live = new LiveView(liveModel);
            live.setId("live");
        }
        if (liveModel.fileProperty().get() == null) {
            Path open = vm.document().inputPathProperty().get();
            Path sample = RecordingLoader.samplesFolder().resolve(RecordingLoader.SAMPLE + RecordingLoader.NOISY);
            liveModel.fileProperty().set(open != null ? open : sample);
        }
        return live;
    }

    /** Shows the Live tab (Window > Live mode). */
    @Override
    public void showLive() {
        for (Tab t : centre.getTabs()) {
            if ("tab-live".equals(t.getId())) {
                centre.getSelectionModel().select(t);
            }
        }
    }

    @Override
    public void showHelp() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(3);
        int row = 0;
        for (String[] k : Shortcuts.ALL) {
            Label key = new Label(k[0]);
            key.getStyleClass().add("shortcut-key");
            grid.addRow(row++, key, new Label(k[1]));
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(window());
        a.setTitle("Keyboard and mouse");
        a.setHeaderText("Keyboard and mouse — single keys work wherever the focus is, except while typing in a field");
        a.getDialogPane().setContent(grid);
        a.getDialogPane().setId("help-dialog");
        a.show();
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
        return timeline.spectrogramView();
    }

    public TimelinePane timeline() {
        return timeline;
    }

    public TabPane centre() {
        return centre;
    }

    public TransportBar transport() {
        return transport;
    }

    /** The result currently heard, for tests. */
    public Output heard() {
        return vm.results().selectedProperty().get();
    }
}
