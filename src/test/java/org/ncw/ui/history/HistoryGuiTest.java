package org.ncw.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Parent;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.core.Signal;
import org.ncw.ui.analysis.AnalysisResult;
import org.ncw.ui.analysis.ParamCatalog;
import org.ncw.ui.app.MainWindow;
import org.ncw.ui.app.WorkbenchApp;
import org.ncw.ui.app.WorkbenchViewModel;
import org.ncw.ui.session.SessionController;
import org.ncw.ui.session.SessionFile;
import org.ncw.ui.testing.SilentTransport;
import org.ncw.ui.testing.TestRecordings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The history as a user works it, through the window: two runs with different settings are both listed, Compare
 * shows the one differing field, A/B between the runs switches the source at the same position, a pin, the
 * unsaved-changes marker, save, and the history (with its pin) back in a fresh window.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryGuiTest {
    @TempDir
    static Path dir;
    private final SilentTransport transport = new SilentTransport();
    private WorkbenchViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        vm = WorkbenchViewModel.forTests(transport);
        vm.params().load(TestRecordings.fastParameters());
        window = new MainWindow(vm);
        stage.setScene(WorkbenchApp.createScene(window));
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void close() {
        vm.preferences().clear();
        vm.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLeaderboardOpensInItsWindowAndLoadAsRunAddsARun(FxRobot robot) throws Exception {
        Path set = java.nio.file.Files.createDirectories(dir.resolve("sweepset"));
        Path swept = TestRecordings.writePair(set, "swept", 0.5);
        java.util.Map<String, List<Object>> fields = new java.util.LinkedHashMap<>();
        fields.put("clusters", List.of(2L, 3L));
        org.ncw.engine.sweep.SweepGrid grid = new org.ncw.engine.sweep.SweepGrid(
                TestRecordings.fastParameters().toOptions(), fields);
        var result = org.ncw.engine.sweep.Sweep.run(grid, new org.ncw.engine.sweep.SweepInputs(List.of(
                new org.ncw.engine.sweep.SweepInputs.Item("swept", swept, set.resolve("swept.clean.wav")))),
                List.of(), 1, org.ncw.engine.core.TaskMonitor.none(), row -> { });
        var board = org.ncw.engine.sweep.Leaderboard.of(result, org.ncw.engine.sweep.Leaderboard.RankBy.SI_SDR);
        Path json = set.resolve("leaderboard.json");
        java.nio.file.Files.writeString(json, board.toJson(grid));

        Path mine = TestRecordings.writePair(dir, "mine", 0.6);
        robot.interact(() -> vm.open(mine));
        int before = vm.history().entries().size();
        robot.interact(() -> window.openLeaderboard(json));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<org.ncw.engine.sweep.LeaderboardFile.Row> table = robot.lookup("#leaderboard-table")
                .queryAs(TableView.class);
        assertEquals(2, table.getItems().size());
        assertEquals(board.ranking().get(0).setting(), table.getItems().get(0).setting(), "in rank order");
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#btn-load-as-run");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 1, vm.history().entries().size(), "the loaded row ran into the history");
        org.ncw.engine.workbench.WorkbenchOptions expected = grid.settings().stream()
                .filter(x -> x.id().equals(table.getItems().get(0).setting())).findFirst().orElseThrow().experiment();
        assertEquals(expected, vm.history().entries().get(before).run().experiment());
        assertTrue(vm.statusProperty().get().contains("the row was for swept, applied to mine.noisy.wav anyway"),
                vm.statusProperty().get());
        robot.interact(() -> ((Stage) table.getScene().getWindow()).close());
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoRunsCompareAbPinSaveAndReopen(FxRobot robot) throws Exception {
        Path noisy = TestRecordings.writePair(dir, "gui", 1.2);
        robot.interact(() -> vm.open(noisy));
        AnalysisResult first = vm.lastResultProperty().get();
        TextField k = robot.lookup("#param-clusters").queryAs(TextField.class);
        robot.clickOn(k);
        robot.interact(k::selectAll);
        robot.write("3");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        AnalysisResult second = vm.lastResultProperty().get();
        assertEquals(3, second.parameters().integer("clusters"));

        ListView<HistoryEntry> list = robot.lookup("#history-list").queryAs(ListView.class);
        assertEquals(2, list.getItems().size(), "both runs are in the history");
        assertTrue(vm.titleBinding().get().startsWith("* "), "unsaved: " + vm.titleBinding().get());

        robot.interact(() -> list.getSelectionModel().selectIndices(0, 1));
        robot.clickOn("#btn-history-compare");
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(window.compareTab(), window.centre().getSelectionModel().getSelectedItem());
        TableView<HistoryViewModel.Difference> diff = robot.lookup("#compare-diff").queryAs(TableView.class);
        assertEquals(List.of(ParamCatalog.get("clusters").label()),
                diff.getItems().stream().map(HistoryViewModel.Difference::label).toList(), "the one differing field");
        assertEquals("2", diff.getItems().get(0).a());
        assertEquals("3", diff.getItems().get(0).b());
        assertTrue(robot.lookup("#compare-scores").queryAs(TableView.class).getItems().size() >= 3,
                "both runs' scores per result");

        robot.interact(() -> vm.seek(0.35));
        robot.clickOn("#btn-compare-a");
        Signal a = first.outputs().stream().filter(o -> o.name().equals("Speech")).findFirst().orElseThrow().signal();
        Signal b = second.outputs().stream().filter(o -> o.name().equals("Speech")).findFirst().orElseThrow()
                .signal();
        assertSame(a, transport.source(), "hearing run A's speech");
        robot.clickOn("#btn-compare-b");
        assertSame(b, transport.source(), "switched to run B's speech");
        assertEquals(0.35, transport.positionSeconds(), 1e-12, "at the same position");
        robot.clickOn("#btn-compare-ab");
        assertSame(a, transport.source());
        assertEquals(0.35, transport.positionSeconds(), 1e-12);
        assertTrue(robot.lookup("#btn-compare-a").queryAs(ToggleButton.class).isSelected());

        robot.clickOn("#history-pin-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.history().byId(1).pinned());

        // opening another recording asks first; cancel keeps everything
        List<String> asked = new ArrayList<>();
        window.setSaveQuestion(m -> {
            asked.add(m);
            return SessionController.Answer.CANCEL;
        });
        robot.interact(() -> window.open(TestRecordings.writePairUnchecked(dir, "another", 0.5)));
        assertEquals(1, asked.size(), asked.toString());
        assertEquals("gui.noisy.wav", vm.inputNameProperty().get());

        Path session = dir.resolve("gui" + SessionFile.SUFFIX);
        AtomicReference<Path> saved = new AtomicReference<>();
        robot.interact(() -> vm.saveSession(session, saved::set));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> saved.get() != null);
        assertFalse(vm.titleBinding().get().startsWith("*"), vm.titleBinding().get());

        AtomicReference<WorkbenchViewModel> vm2 = new AtomicReference<>();
        AtomicReference<Stage> stage2 = new AtomicReference<>();
        robot.interact(() -> {
            vm2.set(WorkbenchViewModel.forTests(new SilentTransport()));
            MainWindow w = new MainWindow(vm2.get());
            Stage st = new Stage();
            st.setScene(WorkbenchApp.createScene(w));
            st.setWidth(1280);
            st.setHeight(800);
            st.show();
            stage2.set(st);
            vm2.get().open(session);
        });
        try {
            Parent root2 = stage2.get().getScene().getRoot();
            ListView<HistoryEntry> list2 = robot.from(root2).lookup("#history-list").queryAs(ListView.class);
            assertEquals(List.copyOf(vm.history().entries()), List.copyOf(list2.getItems()), "history restored");
            assertTrue(list2.getItems().get(0).pinned());
            assertFalse(list2.getItems().get(1).pinned());
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(robot.from(root2).lookup("#history-pin-1").queryAs(ToggleButton.class).isSelected(),
                    "the pin shows");
            assertEquals(3, vm2.get().params().parametersProperty().get().integer("clusters"));
        } finally {
            robot.interact(() -> {
                stage2.get().close();
                vm2.get().preferences().clear();
                vm2.get().close();
            });
        }
    }
}
