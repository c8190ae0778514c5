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
import javafx.scene.control.CheckBox;
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
import org.ncw.ui.testing.SilentTransport;
import org.ncw.ui.testing.TestRecordings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One session as a user works it, through the window's controls: open a recording (its clean reference comes
 * along), change three settings, A/B between results, untick a result and the 3D table, export, and check
 * every file on disk.
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
        CheckBox centroid = robot.lookup("#param-centroidDistance").queryAs(CheckBox.class);
        robot.clickOn(centroid);
        WaitForAsyncUtils.waitForFxEvents();
        ParameterSet chosen = vm.params().parametersProperty().get();
        assertEquals(0.5, chosen.real("gamma"));
        assertEquals("reduce", chosen.text("maskMode"));
        assertTrue(chosen.flag("centroidDistance"));
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
    }
}
