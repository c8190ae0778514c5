package org.ncw.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.dsp.TfMatrix;
import org.ncw.ui.analysis.AnalysisResult;
import org.ncw.ui.analysis.Output;
import org.ncw.ui.analysis.ParamSpec;
import org.ncw.ui.analysis.ParameterSet;
import org.ncw.ui.export.Exporter;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench end to end, headless (Monocle): open the sample, cluster, A/B, export, invalid input, bad file. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchGuiTest {
    private WorkbenchViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        vm = new WorkbenchViewModel(WorkbenchPreferences.scratch());
        window = new MainWindow(vm);
        stage.setScene(WorkbenchApp.createScene(window));
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    /** Opens the sample; {@code full} = with the blind denoiser, production chain and ICA, else clustering only. */
    private void openSample(FxRobot robot, boolean full) {
        robot.interact(() -> {
            vm.params().textProperty("production").set(String.valueOf(full));
            vm.params().textProperty("ica").set(String.valueOf(full));
            vm.params().textProperty("denoiser").set(String.valueOf(full));
            vm.openBundledSample();
        });
        waitForRun();
    }

    @AfterEach
    void close() {
        vm.preferences().clear();
        vm.close();
    }

    private static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> condition.getAsBoolean());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not reached in 60 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitForRun() {
        waitUntil(() -> !vm.runningProperty().get() && vm.lastResultProperty().get() != null);
    }

    private List<String> resultNames() {
        return vm.results().items().stream().map(Output::name).toList();
    }

    @Test
    void opensTheBundledSampleAndShowsClusteredResults(FxRobot robot) {
        openSample(robot, true);
        assertEquals(11.4, vm.inputProperty().get().durationSeconds(), 0.01);
        assertTrue(resultNames().containsAll(List.of("Original", "Production", "Speech", "Residue")), resultNames().toString());
        LabelGrid labels = vm.lastResultProperty().get().labels();
        double speech = labels.speechFraction();
        // The study's defaults (magnitudes, rbf gamma 1, column by column) pick up each frame's dominant bins.
        assertTrue(speech > 0.001 && speech < 0.5, "labels split the bins, speech fraction " + speech);
        TfMatrix db = vm.lastResultProperty().get().spectrum().db();
        assertEquals(db.bins(), labels.bins(), "labels on the drawn grid");
        double[] sum = new double[2];
        int[] count = new int[2];
        for (int f = 0; f < labels.frames(); f++) {
            for (int b = 0; b < labels.bins(); b++) {
                int l = labels.get(b, f) == LabelGrid.SPEECH ? 1 : 0;
                sum[l] += db.get(b, f);
                count[l]++;
            }
        }
        assertTrue(sum[1] / count[1] > sum[0] / count[0] + 10, "speech bins are the loud ones: "
                + sum[1] / count[1] + " vs " + sum[0] / count[0] + " dB");
        assertTrue(resultNames().containsAll(List.of("ICA speech", "ICA noise")), resultNames().toString());
        Output original = vm.results().items().get(0);
        assertEquals(4.5, original.siSdr(), 1.0, "the sample is mixed at 5 dB SNR over the speech span");
        Output denoised = vm.results().items().stream().filter(o -> o.kind() == Output.Kind.DENOISED).findFirst()
                .orElseThrow(() -> new AssertionError("no Denoised result in " + resultNames()));
        assertEquals("Denoised", denoised.name());
        assertTrue(denoised.siSdr() > original.siSdr() + 3 && denoised.runtimeSeconds() > 0, denoised.toString());
        assertTrue(robot.lookup("#results-list").queryAs(javafx.scene.control.ListView.class).getItems()
                .contains(denoised), "the Denoised row is in the results list");
        for (Output o : vm.results().items()) {
            assertTrue(Double.isFinite(o.siSdr()) && o.stoi() >= 0 && o.stoi() <= 1, o.toString());
            assertTrue(o.estoi() >= -1 && o.estoi() <= 1 && o.estoi() < o.stoi(), "ESTOI scored, below STOI: " + o);
        }
        assertTrue(robot.lookup(".result-metrics").queryAllAs(javafx.scene.control.Label.class).stream()
                .anyMatch(l -> l.getText().contains(" · ESTOI ")), "the results list shows ESTOI beside STOI");
        Output residue = vm.results().items().stream().filter(o -> o.kind() == Output.Kind.RESIDUE).findFirst().orElseThrow();
        // The mask took the loudest speech bins away: what is left scores below the input.
        assertTrue(residue.siSdr() < original.siSdr() - 0.5, "the residue lost speech: " + residue.siSdr() + " vs "
                + original.siSdr() + " dB");
        assertTrue(robot.lookup("#results-list").query().isVisible());
        waitUntil(() -> window.spectrogramView().framesShown() > 0);
        assertFalse(robot.lookup("#status-bar").queryAs(org.controlsfx.control.StatusBar.class).getText().isEmpty());
    }

    @Test
    void maskChangeRerunsOnlyTheMaskAndClusterChangeReclusters(FxRobot robot) {
        openSample(robot, false);
        AnalysisResult first = vm.lastResultProperty().get();
        robot.interact(() -> vm.params().textProperty("reduction").set("0.25"));
        waitUntil(() -> vm.lastResultProperty().get() != first && !vm.runningProperty().get());
        AnalysisResult masked = vm.lastResultProperty().get();
        assertTrue(masked.recomputed().contains(org.ncw.ui.analysis.Stage.MASK));
        assertTrue(Set.of(org.ncw.ui.analysis.Stage.MASK, org.ncw.ui.analysis.Stage.ICA).containsAll(masked.recomputed()),
                "only the mask and what consumes it (ICA) rerun: " + masked.recomputed());
        assertEquals(first.labels(), masked.labels(), "clustering reused");

        robot.interact(() -> vm.params().textProperty("strategy").set("complete"));
        waitUntil(() -> vm.lastResultProperty().get() != masked && !vm.runningProperty().get());
        assertTrue(vm.lastResultProperty().get().recomputed().contains(org.ncw.ui.analysis.Stage.CLUSTER));
        assertFalse(vm.lastResultProperty().get().recomputed().contains(org.ncw.ui.analysis.Stage.SPECTROGRAM));
        waitUntil(() -> !Double.isNaN(vm.labelLatencySecondsProperty().get()));
    }

    @Test
    void numberKeysAndAbToggleSwitchResultsAtTheSamePosition(FxRobot robot) {
        openSample(robot, false);
        robot.interact(() -> vm.seek(3.25));
        robot.clickOn("#results-list");
        robot.interact(() -> window.getScene().getRoot().requestFocus());
        assertEquals(List.of("Original", "Speech", "Residue"), resultNames());
        robot.type(KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Speech", window.heard().name());
        assertEquals(3.25, vm.player().positionSeconds(), 1e-3);
        robot.type(KeyCode.DIGIT1);
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Speech", window.heard().name(), "A toggles back to the previous result");
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Original", window.heard().name());
        assertEquals(3.25, vm.player().positionSeconds(), 1e-3, "switching keeps the position");
        assertEquals(3.25, vm.viewport().playheadProperty().get(), 1e-9);
        assertTrue(vm.player().source() == window.heard().signal());
    }

    @Test
    void exportWritesEveryChosenFileIntoTheFolder(@TempDir Path dir, FxRobot robot) throws Exception {
        openSample(robot, false);
        waitUntil(() -> window.spectrogramView().framesShown() > 0);
        robot.interact(() -> vm.results().setExported("Residue", false));
        AtomicReference<List<Path>> written = new AtomicReference<>();
        robot.interact(() -> window.exportTo(dir, written::set));
        waitUntil(() -> written.get() != null);
        for (String f : List.of("original.wav", "speech.wav", Exporter.LABELS, Exporter.TABLE,
                Exporter.PARAMETERS, Exporter.EXPERIMENT, "waveform.png", "spectrogram.png", "scatter.png")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        assertFalse(Files.exists(dir.resolve("residue.wav")), "unticked result is not exported");
        assertEquals(44 + 2L * vm.inputProperty().get().length(), Files.size(dir.resolve("speech.wav")),
                "16-bit mono WAV, as long as the input");
        LabelGrid labels = vm.lastResultProperty().get().labels();
        List<String> csv = Files.readAllLines(dir.resolve(Exporter.LABELS));
        assertEquals(org.ncw.engine.dataset.LabelGridCsv.HEADER, csv.get(0), "ncw cluster's label grid format");
        assertEquals((long) labels.bins() * labels.frames() + 1, csv.size());
        assertEquals(vm.params().parametersProperty().get(),
                ParameterSet.fromJson(Files.readString(dir.resolve(Exporter.PARAMETERS))));
        assertEquals(org.ncw.ui.analysis.EngineBridge.experimentOptions(vm.params().parametersProperty().get()),
                org.ncw.engine.core.Json.read(Files.readString(dir.resolve(Exporter.EXPERIMENT)),
                        org.ncw.engine.pipeline.ExperimentOptions.class), "the CLI can reproduce the clustering");
        long rows;
        try (var lines = Files.lines(dir.resolve(Exporter.TABLE))) {
            rows = lines.count();
        }
        assertEquals((long) labels.bins() * labels.frames() + 1, rows);
    }

    @Test
    void invalidValueIsFlaggedInPlaceAndNotApplied(FxRobot robot) {
        openSample(robot, false);
        ParameterSet before = vm.params().parametersProperty().get();
        TextField gamma = robot.lookup("#param-gamma").queryAs(TextField.class);
        robot.interact(() -> commit(gamma, "-3"));
        Label error = robot.lookup("#error-gamma").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("gamma"), error.getText());
        assertTrue(gamma.getStyleClass().contains("invalid"));
        assertEquals(before, vm.params().parametersProperty().get());
        robot.interact(() -> commit(gamma, "0.5"));
        assertFalse(error.isVisible());
        assertFalse(gamma.getStyleClass().contains("invalid"));
        assertEquals(0.5, vm.params().parametersProperty().get().real("gamma"));

        // production chain fields: an amount without a spectral stage is flagged until a gate is chosen
        robot.interact(() -> {
            vm.params().textProperty("production").set("true");
            robot.lookup("#param-productionPreset").queryAs(ComboBox.class).setValue("voice-bandpass");
        });
        TextField amount = robot.lookup("#param-productionAmount").queryAs(TextField.class);
        robot.interact(() -> commit(amount, "0.5"));
        Label amountError = robot.lookup("#error-productionAmount").queryAs(Label.class);
        assertTrue(amountError.isVisible() && amountError.getText().startsWith("productionAmount"),
                amountError.getText());
        assertEquals(ParamSpec.PRESET, vm.params().parametersProperty().get().get("productionAmount"));
        robot.interact(() -> robot.lookup("#param-productionGate").queryAs(ComboBox.class).setValue("stationary"));
        assertFalse(amountError.isVisible(), "choosing a gate makes the amount valid");
        assertEquals(0.5, vm.params().parametersProperty().get().real("productionAmount"));
        robot.interact(() -> commit(amount, "2"));
        assertTrue(amountError.isVisible() && amount.getStyleClass().contains("invalid"));
    }

    /** Types a value and presses Enter (a field applies its text only then). */
    private static void commit(TextField field, String text) {
        field.setText(text);
        field.fireEvent(new javafx.event.ActionEvent());
    }

    @Test
    void badFileShowsAClearDialog(@TempDir Path dir, FxRobot robot) throws Exception {
        openSample(robot, false);
        Path bad = dir.resolve("notes.wav");
        Files.writeString(bad, "this is not audio");
        robot.interact(() -> vm.open(bad));
        waitUntil(() -> robot.lookup("#error-dialog").tryQuery().isPresent());
        Node pane = robot.lookup("#error-dialog").query();
        String text = ((javafx.scene.control.DialogPane) pane).getHeaderText() + " "
                + ((javafx.scene.control.DialogPane) pane).getContentText();
        assertTrue(text.contains("notes.wav"), text);
        assertFalse(text.contains("Exception"), "no stack trace or exception name: " + text);
        assertNotNull(vm.inputProperty().get(), "the previous recording stays open");
    }
}
