package org.ncw.ui.waveform;

import java.util.function.DoubleConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.ncw.engine.core.Signal;
import org.ncw.ui.fx.LatestWins;
import org.ncw.ui.fx.RenderThreads;
import org.ncw.ui.timeline.TimeViewport;
import org.ncw.ui.timeline.TimelinePlot;

/** Waveform of the selected result: one min/max bar per pixel column from a {@link MinMaxPyramid}. */
public final class WaveformView extends TimelinePlot {
    private record Envelope(float[] minMax, double width, double height, double zoom) { }

    private final ObjectProperty<Signal> signal = new SimpleObjectProperty<>();
    private final javafx.beans.property.DoubleProperty amplitudeZoom = new javafx.beans.property.SimpleDoubleProperty(1);
    private final Canvas canvas = new Canvas();
    private final LatestWins<Envelope> renderer = new LatestWins<>(RenderThreads.pool());
    private volatile MinMaxPyramid pyramid;
    private Signal pyramidOf;

    public WaveformView(TimeViewport viewport, DoubleConsumer seek) {
        super(viewport, "Waveform", seek);
        getStyleClass().add("waveform-view");
        plotArea().getChildren().add(canvas);
        stretchToPlotArea(canvas, plotArea());
        signal.addListener((o, a, b) -> requestRender());
        amplitudeZoom.addListener(o -> {
            requestRender();
            drawOverlay();
        });
    }

    /** Vertical magnification: 1 shows ±1 full scale, 4 shows ±0.25 (louder parts are clipped at the edges). */
    public javafx.beans.property.DoubleProperty amplitudeZoomProperty() {
        return amplitudeZoom;
    }

    public ObjectProperty<Signal> signalProperty() {
        return signal;
    }

    @Override
    protected void requestRender() {
        Signal s = signal.get();
        double w = Math.floor(plotWidth());
        double h = Math.floor(plotHeight());
        if (s == null || w < 2 || h < 2) {
            return;
        }
        double from = viewport.start() * s.sampleRate();
        double to = viewport.end() * s.sampleRate();
        double zoom = amplitudeZoom.get();
        renderer.submit(() -> {
            MinMaxPyramid p = pyramidFor(s);
            return new Envelope(p.columns(from, to, (int) w), w, h, zoom);
        }, this::draw);
    }

    private synchronized MinMaxPyramid pyramidFor(Signal s) {
        if (pyramidOf != s) {
            pyramid = MinMaxPyramid.build(s.samples());
            pyramidOf = s;
        }
        return pyramid;
    }

    private void draw(Envelope env) {
        canvas.setWidth(env.width());
        canvas.setHeight(env.height());
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#0d1117"));
        g.fillRect(0, 0, env.width(), env.height());
        double mid = env.height() / 2;
        double scale = env.height() / 2 * 0.95 * env.zoom();
        g.setStroke(Color.web("#ffffff", 0.08));
        g.strokeLine(0, mid + 0.5, env.width(), mid + 0.5);
        g.setStroke(Color.web("#4dd0e1"));
        float[] mm = env.minMax();
        for (int c = 0; c < mm.length / 2; c++) {
            if (Float.isNaN(mm[2 * c])) {
                continue;
            }
            double y0 = Math.max(0, mid - mm[2 * c + 1] * scale);
            double y1 = Math.min(env.height(), mid - mm[2 * c] * scale);
            g.strokeLine(c + 0.5, y0, c + 0.5, Math.max(y1, y0 + 1));
        }
    }

    @Override
    protected void drawYAxis(GraphicsContext g, double plotW, double plotH) {
        g.setFill(AXIS_TEXT);
        g.setTextAlign(TextAlignment.RIGHT);
        String full = String.format(java.util.Locale.ROOT, "%.3f", 1 / amplitudeZoom.get())
                .replaceAll("0+$", "").replaceAll("\\.$", "");
        g.fillText("+" + full, LEFT - 6, TOP + 10);
        g.fillText("0", LEFT - 6, TOP + plotH / 2 + 4);
        g.fillText("-" + full, LEFT - 6, TOP + plotH - 2);
        g.setTextAlign(TextAlignment.LEFT);
    }
}
