package org.ncw.ui.app;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.controlsfx.control.StatusBar;

/**
 * The status line (ControlsFX {@link StatusBar}): the last message, the progress of the running job with its
 * stage, elapsed and estimated remaining time, the label latency, audio device problems and a Cancel button.
 */
final class WorkbenchStatusBar extends StatusBar {
    private final Label elapsed = new Label();
    private final WorkbenchViewModel vm;
    private long lastUpdate;

    WorkbenchStatusBar(WorkbenchViewModel vm) {
        this.vm = vm;
        setId("status-bar");
        textProperty().bind(vm.statusProperty());
        Label audio = new Label();
        audio.setId("audio-status");
        audio.getStyleClass().add("audio-status");
        audio.textProperty().bind(vm.audioStatusProperty());
        Label latency = new Label();
        latency.setId("latency");
        vm.labelLatencySecondsProperty().addListener((o, a, b) -> latency.setText(Double.isNaN(b.doubleValue())
                ? "" : String.format(Locale.ROOT, "labels on screen %.0f ms after the change", b.doubleValue() * 1000)));
        Label reference = new Label();
        reference.setId("reference-status");
        vm.referenceProperty().addListener((o, a, b) -> showReference(reference));
        showReference(reference);
        BooleanBinding busy = vm.runningProperty().or(vm.exporter().exportingProperty());
        progressProperty().bind(Bindings.when(busy).then(vm.jobs().progressProperty()).otherwise(0.0));
        Button cancel = new Button("Cancel");
        cancel.setId("btn-cancel");
        cancel.setFocusTraversable(false);
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        elapsed.setId("elapsed");
        elapsed.setMinWidth(120);
        elapsed.setMaxWidth(300);
        audio.setMaxWidth(260);
        getRightItems().addAll(latency, audio, reference, elapsed, cancel);
        FrameTicker.whileActive(busy, this::showTimes, this::showTimes);
        showTimes();
    }

    private void showReference(Label l) {
        boolean has = vm.referenceProperty().get() != null;
        java.nio.file.Path p = vm.document().referencePathProperty().get();
        l.setText(has ? "clean reference: " + (p == null ? "loaded" : p.getFileName()) : "no clean reference");
        l.getStyleClass().removeAll("reference-ok", "reference-missing");
        l.getStyleClass().add(has ? "reference-ok" : "reference-missing");
    }

    /** Stage, elapsed and remaining time of the running job; the last run's time when idle (10 updates/s). */
    private void showTimes() {
        long now = System.nanoTime();
        if (now - lastUpdate < 100_000_000L && (vm.runningProperty().get() || vm.exporter().exportingProperty().get())) {
            return;
        }
        lastUpdate = now;
        boolean exporting = vm.exporter().exportingProperty().get() && !vm.runningProperty().get();
        elapsed.setText(RunTimes.text(vm.runningProperty().get() || exporting, vm.jobs().stageProperty().get(),
                exporting ? vm.exporter().secondsSinceStart() : vm.runStartedSecondsAgo(),
                vm.jobs().progressProperty().get()));
    }
}
