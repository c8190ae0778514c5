package org.ncw.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.ui.analysis.EngineBridge;
import org.ncw.ui.analysis.ParameterSet;
import org.ncw.ui.export.ExportManifest;
import org.ncw.ui.export.Exporter;
import org.ncw.ui.session.SessionFile;
import org.ncw.ui.testing.SilentTransport;
import org.ncw.ui.testing.TestRecordings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One session as a user works it, through the window's controls: open a recording (its clean reference comes
 * along), change three settings, A/B between results, untick a result and the 3D table, export, save the session
 * (then Ctrl+S after a view change), and reopen it in a fresh view model and window: every file on disk is
 * checked, and the reopened window shows what was saved.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchSessionTest {
    @TempDir
    static Path dir;
    private WorkbenchViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        vm = WorkbenchViewModel.forTests(new SilentTransport());
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
    void openChangeThreeSettingsCompareAndExport(FxRobot robot) throws Exception {
        Path noisy = TestRecordings.writePair(dir, "session", 1.2);
        robot.interact(() -> vm.open(noisy));
        assertEquals("session.noisy.wav", vm.inputNameProperty().get());

        TextField gamma = robot.lookup("#param-gamma").queryAs(TextField.class);
        robot.clickOn(gamma);
        robot.interact(gamma::selectAll);
        robot.write("0.5");
        robot.type(KeyCode.ENTER);
        ComboBox<String> mode = robot.lookup("#param-maskMode").queryAs(ComboBox.class);
        robot.interact(() -> mode.setValue("reduce"));
        TextField k = robot.lookup("#param-clusters").queryAs(TextField.class);
        assertTrue(k.getTooltip().getText().contains("the other k-1 are all noise"), "the role rule is explained");
        robot.clickOn(k);
        robot.interact(k::selectAll);
        robot.write("3");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        ParameterSet chosen = vm.params().parametersProperty().get();
        assertEquals(0.5, chosen.real("gamma"));
        assertEquals("reduce", chosen.text("maskMode"));
        assertEquals(3, chosen.integer("clusters"));
        assertEquals(3, chosen.toOptions().clusterer().nClusters());
        assertEquals(chosen, vm.lastResultProperty().get().parameters(), "the shown results are of these settings");

        robot.clickOn("#waveform");
        robot.type(KeyCode.DIGIT2);
        robot.clickOn("#btn-ab");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Original", window.heard().name(), "A/B went back from Speech to the Original");
        robot.clickOn("#btn-ab");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Speech", window.heard().name());

        robot.interact(() -> {
            vm.results().setExported("Residue", false);
            vm.exporter().includeTableProperty().set(false);
        });
        Path out = dir.resolve("export");
        AtomicReference<List<Path>> written = new AtomicReference<>();
        robot.interact(() -> window.exportTo(out, written::set));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> written.get() != null);

        Signal input = vm.inputProperty().get();
        for (String stem : List.of("original", "speech")) {
            Signal s = EngineBridge.read(out.resolve(stem + ".wav"));
            assertEquals(input.length(), s.length(), stem + ".wav as long as the input");
        }
        assertEquals(input.samples()[100], EngineBridge.read(out.resolve("original.wav")).samples()[100], 1e-4,
                "the original is written unchanged (16-bit)");
        assertFalse(Files.exists(out.resolve("residue.wav")), "unticked result not exported");
        assertFalse(Files.exists(out.resolve(Exporter.TABLE)), "3D table not chosen");
        assertEquals(chosen, ParameterSet.fromJson(Files.readString(out.resolve(Exporter.PARAMETERS))));
        for (String png : List.of("waveform.png", "spectrogram.png", "scatter.png")) {
            assertTrue(Files.size(out.resolve(png)) > 1000, png);
        }
        JsonNode manifest = Json.mapper().readTree(Files.readString(out.resolve(ExportManifest.FILE)));
        assertEquals(ExportManifest.sha256(noisy), manifest.get("input").get("sha256").asText());
        assertTrue(manifest.get("cleanReference").get("path").asText().endsWith("session.clean.wav"));
        assertEquals(2, manifest.get("results").size());
        assertTrue(manifest.get("results").get(1).get("siSdrDb").isNumber(), "scores are recorded");
        assertEquals(written.get().size(), manifest.get("files").size() + 1);
        assertEquals(List.of("original.wav", "speech.wav"), List.of(manifest.get("results").get(0).get("file").asText(),
                manifest.get("results").get(1).get("file").asText()));
        for (JsonNode f : manifest.get("files")) {
            assertEquals(Files.size(out.resolve(f.get("file").asText())), f.get("bytes").asLong(), f.toString());
        }

        // save the session, change the view, Ctrl+S saves it again to the same file
        Path session = dir.resolve("work" + SessionFile.SUFFIX);
        AtomicReference<Path> saved = new AtomicReference<>();
        robot.interact(() -> vm.saveSession(session, saved::set));
        assertEquals(session, saved.get());
        ComboBox<String> show = robot.lookup("#show-signal").queryAs(ComboBox.class);
        robot.interact(() -> {
            show.setValue("Residue");
            vm.viewport().setWindow(0.25, 0.85);
            vm.viewport().select(0.3, 0.6);
            vm.spectrogram().gainDbProperty().set(10);
            vm.spectrogram().rangeDbProperty().set(50);
        });
        String before = Files.readString(session);
        robot.clickOn("#waveform", javafx.scene.input.MouseButton.SECONDARY);
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(before.equals(Files.readString(session)), "Ctrl+S wrote the session file again");
        JsonNode file = Json.mapper().readTree(Files.readString(session));
        assertEquals("ncw-session", file.get("format").asText());
        assertEquals(ExportManifest.sha256(noisy), file.get("recording").get("sha256").asText());
        assertEquals(ExportManifest.sha256(dir.resolve("session.clean.wav")),
                file.get("cleanReference").get("sha256").asText());
        assertEquals(chosen, ParameterSet.fromJson(file.get("experiment").toString()));
        JsonNode view = file.get("view");
        assertEquals("Speech", view.get("heard").asText());
        assertEquals("Original", view.get("compared").asText());
        assertEquals("Residue", view.get("shown").asText());
        assertEquals(0.25, view.get("timeStart").asDouble(), 1e-9);
        assertEquals(0.6, view.get("selectionEnd").asDouble(), 1e-9);
        assertEquals(-60, view.get("dbFloor").asDouble(), 1e-9);
        assertEquals(-10, view.get("dbTop").asDouble(), 1e-9);
        SessionFile.ViewState savedView = vm.sessions().captureView();

        // reopen in a fresh view model and window
        AtomicReference<WorkbenchViewModel> vm2 = new AtomicReference<>();
        AtomicReference<MainWindow> window2 = new AtomicReference<>();
        AtomicReference<Stage> stage2 = new AtomicReference<>();
        robot.interact(() -> {
            vm2.set(WorkbenchViewModel.forTests(new SilentTransport()));
            window2.set(new MainWindow(vm2.get()));
            Stage st = new Stage();
            st.setScene(WorkbenchApp.createScene(window2.get()));
            st.setWidth(1280);
            st.setHeight(800);
            st.show();
            stage2.set(st);
            vm2.get().open(session);
        });
        try {
            WorkbenchViewModel again = vm2.get();
            assertEquals(noisy, again.document().inputPathProperty().get());
            assertEquals(dir.resolve("session.clean.wav"), again.document().referencePathProperty().get());
            assertEquals(chosen, again.params().parametersProperty().get());
            assertEquals(chosen, again.lastResultProperty().get().parameters());
            assertEquals(savedView, again.sessions().captureView(), "the reopened state equals the saved one");
            assertEquals("Speech", window2.get().heard().name());
            javafx.scene.Parent root2 = stage2.get().getScene().getRoot();
            assertEquals("3", robot.from(root2).lookup("#param-clusters").queryAs(TextField.class).getText());
            assertEquals("0.5", robot.from(root2).lookup("#param-gamma").queryAs(TextField.class).getText());
            assertEquals("reduce", robot.from(root2).lookup("#param-maskMode").queryAs(ComboBox.class).getValue());
            assertEquals("Residue", robot.from(root2).lookup("#show-signal").queryAs(ComboBox.class).getValue());
            org.controlsfx.control.RangeSlider levels = robot.from(root2).lookup("#db-range")
                    .queryAs(org.controlsfx.control.RangeSlider.class);
            assertEquals(-60, levels.getLowValue(), 1e-9);
            assertEquals(-10, levels.getHighValue(), 1e-9);
            assertEquals(0.25, again.viewport().start(), 1e-9);
            assertEquals(0.85, again.viewport().end(), 1e-9);
        } finally {
            robot.interact(() -> {
                stage2.get().close();
                vm2.get().preferences().clear();
                vm2.get().close();
            });
        }
    }

    @Test
    void aSessionWhoseRecordingIsGoneAsksToLocateItInOneLine(FxRobot robot) throws Exception {
        Path noisy = TestRecordings.writePair(dir, "lost", 0.6);
        Path session = dir.resolve("lost" + SessionFile.SUFFIX);
        robot.interact(() -> vm.open(noisy));
        robot.interact(() -> vm.saveSession(session, f -> { }));
        Files.delete(noisy);
        robot.interact(() -> vm.open(session));
        javafx.scene.control.DialogPane dialog = robot.lookup("#session-problem-dialog")
                .queryAs(javafx.scene.control.DialogPane.class);
        assertEquals("lost.ncw-session.json: the recording " + noisy.toAbsolutePath()
                + " is missing (moved or deleted?) — locate it", dialog.getHeaderText());
        assertEquals(List.of("Locate…", "Cancel"), dialog.getButtonTypes().stream()
                .map(javafx.scene.control.ButtonType::getText).toList());
        robot.interact(() -> ((javafx.scene.control.Button) dialog.lookupButton(
                javafx.scene.control.ButtonType.CANCEL)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("lost.noisy.wav", vm.inputNameProperty().get(), "the open recording stays");
        assertTrue(robot.lookup("#session-problem-dialog").tryQuery().isEmpty(), "dialog closed");
    }
}
