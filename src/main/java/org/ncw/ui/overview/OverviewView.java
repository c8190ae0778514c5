package org.ncw.ui.overview;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.ncw.engine.audio.RecordingOverview;

/**
 * The whole of a long recording in a strip: min/max waveform over a pooled spectrogram, the analysed span
 * outlined; a click analyses the span around it. Shown only while a long recording is open.
 */
public final class OverviewView extends Pane {
    private static final double HEIGHT = 96;
    private final OverviewViewModel vm;
    private final Canvas canvas = new Canvas();
    private WritableImage spectrum;

    public OverviewView(OverviewViewModel vm) {
        this.vm = vm;
        setId("overview");
        setPrefHeight(HEIGHT);
        setMinHeight(HEIGHT);
        getChildren().add(canvas);
        visibleProperty().bind(vm.activeProperty());
        managedProperty().bind(vm.activeProperty());
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener((o, a, b) -> draw());
        canvas.heightProperty().addListener((o, a, b) -> draw());
        vm.overviewProperty().addListener((o, a, b) -> {
            spectrum = b == null ? null : spectrumImage(b);
            draw();
        });
        vm.spanStartProperty().addListener((o, a, b) -> draw());
        vm.spanSecondsProperty().addListener((o, a, b) -> draw());
        canvas.setOnMouseClicked(e -> {
            double d = vm.durationSecondsProperty().get();
            if (d > 0 && canvas.getWidth() > 0) {
                vm.pick(e.getX() / canvas.getWidth() * d);
            }
        });
    }

    /** The pooled spectrogram as an image, one pixel per column and row (low frequencies at the bottom), dB grey. */
    private static WritableImage spectrumImage(RecordingOverview o) {
        WritableImage img = new WritableImage(o.columns(), o.rows());
        PixelWriter w = img.getPixelWriter();
        double top = 1e-30;
        for (float v : o.spectrum()) {
            top = Math.max(top, v);
        }
        for (int c = 0; c < o.columns(); c++) {
            for (int r = 0; r < o.rows(); r++) {
                double db = 10 * Math.log10(Math.max(o.spectrum()[c * o.rows() + r], 1e-30) / top);
                double level = Math.max(0, Math.min(1, (db + 80) / 80));
                w.setColor(c, o.rows() - 1 - r, Color.hsb(240 - 200 * level, 0.8, 0.15 + 0.85 * level));
            }
        }
        return img;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.rgb(24, 24, 28));
        g.fillRect(0, 0, w, h);
        RecordingOverview o = vm.overviewProperty().get();
        double d = vm.durationSecondsProperty().get();
        if (o == null || d <= 0) {
            g.setFill(Color.gray(0.7));
            g.fillText("computing the overview of the whole recording …", 8, h / 2);
        } else {
            double half = h / 2;
            if (spectrum != null) {
                g.drawImage(spectrum, 0, half, w, half);
            }
            g.setStroke(Color.rgb(120, 200, 255));
            double peak = 1e-9;
            for (int c = 0; c < o.columns(); c++) {
                peak = Math.max(peak, Math.max(Math.abs(o.min()[c]), Math.abs(o.max()[c])));
            }
            for (int c = 0; c < o.columns(); c++) {
                if (o.min()[c] > o.max()[c]) {
                    continue; // a column with no samples
                }
                double x = (c + 0.5) * w / o.columns();
                g.strokeLine(x, half / 2 - o.max()[c] / peak * half / 2, x, half / 2 - o.min()[c] / peak * half / 2);
            }
        }
        if (d > 0) {
            double x0 = vm.spanStartProperty().get() / d * w;
            double x1 = (vm.spanStartProperty().get() + vm.spanSecondsProperty().get()) / d * w;
            g.setFill(Color.rgb(255, 200, 0, 0.18));
            g.fillRect(x0, 0, Math.max(2, x1 - x0), h);
            g.setStroke(Color.rgb(255, 200, 0));
            g.strokeRect(x0, 0.5, Math.max(2, x1 - x0), h - 1);
            g.setFill(Color.WHITE);
            g.fillText(OverviewViewModel.clock(d) + " — analysing " + OverviewViewModel.spanLabel(
                    vm.spanStartProperty().get(), vm.spanSecondsProperty().get()) + " (click to analyse another span)",
                    8, 14);
        }
    }
}
