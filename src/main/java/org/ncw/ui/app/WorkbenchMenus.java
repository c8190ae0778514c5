package org.ncw.ui.app;

import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.ncw.ui.timeline.TimeViewport;

/** The menu bar: File, Edit (undo/redo of parameter changes, reset), View, Analysis, Playback, Window, Help. */
final class WorkbenchMenus {
    /** What the menus ask of the window. */
    interface Window {
        void chooseOpen();

        void open(Path file);

        void chooseExport();

        void chooseOpenSession();

        void saveSession();

        void saveSessionAs();

        void chooseLeaderboard();

        void quit();

        void showError(String text);

        void showHelp();

        void openSample();
        /** Shows live mode (capture -> streaming denoiser -> playback). */
        void showLive();
    }

    private final WorkbenchViewModel vm;
    private final FileDialogs dialogs;
    private final Window window;
    private final Menu recentMenu = new Menu("Open _Recent");

    WorkbenchMenus(WorkbenchViewModel vm, FileDialogs dialogs, Window window) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.window = window;
    }

    MenuBar build() {
        MenuBar bar = new MenuBar(file(), edit(), view(), analysis(), playback(), windowMenu(), help());
        bar.setId("menubar");
        return bar;
    }

    private Menu file() {
        MenuItem open = item("_Open…", shortcut(KeyCode.O), window::chooseOpen);
        MenuItem openSession = item("Open Sess_ion…", shiftShortcut(KeyCode.O), window::chooseOpenSession);
        openSession.setId("menu-open-session");
        MenuItem saveSession = item("_Save Session", shortcut(KeyCode.S), window::saveSession);
        saveSession.setId("menu-save-session");
        MenuItem saveSessionAs = item("Save Session _As…", shiftShortcut(KeyCode.S), window::saveSessionAs);
        saveSessionAs.setId("menu-save-session-as");
        saveSession.disableProperty().bind(vm.document().inputPathProperty().isNull());
        saveSessionAs.disableProperty().bind(vm.document().inputPathProperty().isNull());
        recentMenu.setOnShowing(e -> fillRecent());
        fillRecent();
        MenuItem sample = item("Open bundled _sample", null, window::openSample);
        MenuItem ref = item("Load clean _reference…", null, () -> dialogs.audio("Clean reference")
                .ifPresent(vm::openReference));
        MenuItem loadParams = item("_Load parameters…", null, () -> dialogs.json("Load parameters", false, null)
                .ifPresent(vm::loadParameters));
        MenuItem saveParams = item("Save _parameters…", null, () -> dialogs.json("Save parameters", true,
                "parameters.json").ifPresent(this::saveParameters));
        MenuItem export = item("_Export to folder…", shortcut(KeyCode.E), window::chooseExport);
        ToggleGroup fmt = new ToggleGroup();
        RadioMenuItem pcm16 = new RadioMenuItem("WAV 16-bit PCM");
        RadioMenuItem f32 = new RadioMenuItem("WAV 32-bit float");
        pcm16.setToggleGroup(fmt);
        f32.setToggleGroup(fmt);
        pcm16.setSelected(true);
        f32.selectedProperty().bindBidirectional(vm.exportFloatProperty());
        CheckMenuItem labels = new CheckMenuItem("Label grid (labels.csv)");
        labels.setId("export-labels");
        labels.selectedProperty().bindBidirectional(vm.exporter().includeLabelsProperty());
        CheckMenuItem table = new CheckMenuItem("3D table (table3d.tsv, large)");
        table.setId("export-table");
        table.selectedProperty().bindBidirectional(vm.exporter().includeTableProperty());
        Menu format = new Menu("Export _contents", null, pcm16, f32, new SeparatorMenuItem(), labels, table);
        MenuItem quit = item("_Quit", shortcut(KeyCode.Q), window::quit);
        MenuItem board = item("Open Lea_derboard…", null, window::chooseLeaderboard);
        board.setId("menu-open-leaderboard");
        return new Menu("_File", null, open, openSession, recentMenu, sample, ref, new SeparatorMenuItem(),
                saveSession, saveSessionAs, new SeparatorMenuItem(), board, new SeparatorMenuItem(), loadParams,
                saveParams, new SeparatorMenuItem(), export, format, new SeparatorMenuItem(), quit);
    }

    private void saveParameters(Path p) {
        try {
            vm.saveParameters(p);
        } catch (IOException ex) {
            window.showError("Cannot save parameters\n" + ex.getMessage());
        }
    }

    private Menu edit() {
        MenuItem undo = item("_Undo parameter change", shortcut(KeyCode.Z), () -> vm.params().undo());
        undo.setId("menu-undo");
        undo.disableProperty().bind(vm.params().canUndoProperty().not());
        MenuItem redo = item("_Redo parameter change",
                new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> vm.params().redo());
        redo.disableProperty().bind(vm.params().canRedoProperty().not());
        MenuItem reset = item("Reset parameters to _defaults", null, vm.params()::resetToDefaults);
        reset.setId("menu-reset");
        return new Menu("_Edit", null, undo, redo, new SeparatorMenuItem(), reset);
    }

    private Menu view() {
        TimeViewport v = vm.viewport();
        CheckMenuItem overlay = new CheckMenuItem("Label _overlay");
        overlay.selectedProperty().bindBidirectional(vm.spectrogram().overlayVisibleProperty());
        overlay.setAccelerator(new KeyCodeCombination(KeyCode.L));
        CheckMenuItem log = new CheckMenuItem("_Log frequency axis");
        log.selectedProperty().bindBidirectional(vm.spectrogram().logFrequencyProperty());
        MenuItem fit = item("_Fit to window", new KeyCodeCombination(KeyCode.F), v::fit);
        MenuItem zin = item("Zoom _in", new KeyCodeCombination(KeyCode.EQUALS),
                () -> v.zoom(0.5, v.playheadProperty().get()));
        MenuItem zout = item("Zoom o_ut", new KeyCodeCombination(KeyCode.MINUS),
                () -> v.zoom(2, v.playheadProperty().get()));
        MenuItem zsel = item("Zoom to _selection", new KeyCodeCombination(KeyCode.Z), () -> {
            if (v.hasSelection()) {
                v.setWindow(v.selectionStartProperty().get(), v.selectionEndProperty().get());
            }
        });
        MenuItem fitHz = item("Show all _frequencies", new KeyCodeCombination(KeyCode.F, KeyCombination.SHIFT_DOWN),
                vm.spectrogram()::fitFrequency);
        return new Menu("_View", null, fit, zin, zout, zsel, fitHz, new SeparatorMenuItem(), overlay, log);
    }

    private Menu analysis() {
        MenuItem run = item("_Run now", new KeyCodeCombination(KeyCode.F5), vm::runAnalysis);
        MenuItem cancel = item("_Cancel   (Esc)", null, vm::cancel);
        return new Menu("_Analysis", null, run, cancel);
    }

    private Menu playback() {
        MenuItem play = item("_Play / pause   (Space)", null, vm::togglePlay);
        MenuItem stop = item("_Stop", null, vm::stop);
        MenuItem ab = item("_A/B toggle   (A)", null, vm.results()::toggleAB);
        CheckMenuItem match = new CheckMenuItem("_Level-matched");
        match.selectedProperty().bindBidirectional(vm.levelMatchedProperty());
        CheckMenuItem loop = new CheckMenuItem("Loop _selection (shift-drag)");
        loop.selectedProperty().bindBidirectional(vm.loopSelectionProperty());
        return new Menu("_Playback", null, play, stop, ab, match, loop);
    }

    private Menu windowMenu() {
        MenuItem live = item("_Live mode", shortcut(KeyCode.L), window::showLive);
        live.setId("menu-live");
        return new Menu("_Window", null, live);
    }

    private Menu help() {
        MenuItem keys = item("_Keyboard and mouse", new KeyCodeCombination(KeyCode.F1), window::showHelp);
        return new Menu("_Help", null, keys);
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path p : vm.preferences().recentFiles().list()) {
            recentMenu.getItems().add(item(p.getFileName().toString(), null, () -> window.open(p)));
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static KeyCombination shiftShortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
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
}
