package org.ncw.ui.scatter;

import java.util.function.DoubleConsumer;
import javafx.beans.Observable;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.ui.fx.LatestWins;
import org.ncw.ui.fx.RenderThreads;
import org.ncw.ui.spectrogram.ColorMap;
import org.ncw.ui.timeline.AxisTicks;
import org.ncw.ui.timeline.TimeViewport;
import org.ncw.ui.timeline.TimelinePlot;

/** 2D scatter of the 3D table: time x frequency, coloured by cluster label or intensity. */
public final class ScatterView extends TimelinePlot {
    static final Color SPEECH = Color.web("#00e5ff");
    static final Color NOISE = Color.web("#ff7043");
    private static final int MAX_POINTS = 40_000;
    private final ScatterViewModel model;
    private final Canvas canvas = new Canvas();
    private final LatestWins<ScatterPoints> sampler = new LatestWins<>(RenderThreads.pool());
    private final ColorMap colorMap = ColorMap.magma();
    private ScatterPoints points;

    public ScatterView(ScatterViewModel model, TimeViewport viewport, DoubleConsumer seek) {
        super(viewport, "3D table: time × frequency", seek);
        this.model = model;
        getStyleClass().add("scatter-view");
        plotArea().getChildren().add(canvas);
        stretchToPlotArea(canvas, plotArea());
        for (Observable o : new Observable[] {model.spectrumProperty(), model.labelsProperty()}) {
            o.addListener(x -> resample());
        }
        model.coloringProperty().addListener(x -> {
            requestRender();
            drawOverlay();
        });
    }

    private void resample() {
        var s = model.spectrumProperty().get();
        LabelGrid l = model.labelsProperty().get();
        if (s == null) {
            return;
        }
        sampler.submit(() -> ScatterPoints.sample(s, l, 60, MAX_POINTS), p -> {
            points = p;
            requestRender();
            drawOverlay();
        });
    }

    public static Color labelColor(int label) {
        return label == LabelGrid.SPEECH ? SPEECH : label == LabelGrid.NOISE ? NOISE : Color.web("#b0bec5");
    }

    /** Drawing 40k small rectangles is quick enough on the FX thread; sampling happens in the background. */
    @Override
    protected void requestRender() {
        double w = Math.floor(plotWidth());
        double h = Math.floor(plotHeight());
        canvas.setWidth(w);
        canvas.setHeight(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#0d1117"));
        g.fillRect(0, 0, w, h);
        ScatterPoints p = points;
        if (p == null) {
            return;
        }
        boolean byLabel = model.coloringProperty().get() == ScatterViewModel.Coloring.LABEL;
        // Each drawn point stands for a stride x stride patch of the lattice: draw it that big, so density reads
        // right at any zoom (at least 1.5 px so single points stay visible).
        double cellW = Math.max(1.5, w * p.stride() * p.frameSeconds() / viewport.span());
        double cellH = Math.max(1.5, h * p.stride() * p.binHz() / p.maxHz());
        double size = cellW;
        for (int i = 0; i < p.count(); i++) {
            double x = viewport.timeToX(p.seconds()[i], w);
            if (x < -size || x > w) {
                continue;
            }
            double y = (1 - p.hertz()[i] / p.maxHz()) * h;
            if (byLabel) {
                g.setFill(labelColor(p.labels()[i]));
            } else {
                int argb = colorMap.argb((p.db()[i] - p.minDb()) / (p.maxDb() - p.minDb()));
                g.setFill(Color.rgb((argb >> 16) & 255, (argb >> 8) & 255, argb & 255));
            }
            g.fillRect(x, y - cellH / 2, cellW, cellH);
        }
    }

    @Override
    protected void drawYAxis(GraphicsContext g, double plotW, double plotH) {
        ScatterPoints p = points;
        if (p == null) {
            return;
        }
        g.setFill(AXIS_TEXT);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double hz : AxisTicks.ticks(0, p.maxHz(), (int) Math.max(2, plotH / 40))) {
            g.fillText(AxisTicks.hertz(hz), LEFT - 8, TOP + (1 - hz / p.maxHz()) * plotH + 4);
        }
        g.setTextAlign(TextAlignment.LEFT);
        boolean byLabel = model.coloringProperty().get() == ScatterViewModel.Coloring.LABEL;
        double x = LEFT + plotW - 150;
        if (byLabel) {
            g.setFill(Color.web("#0d1117", 0.8));
            g.fillRect(x - 6, TOP + 2, 140, 17);
            g.setFill(SPEECH);
            g.fillRect(x, TOP + 6, 8, 8);
            g.setFill(AXIS_TEXT);
            g.fillText("speech", x + 12, TOP + 14);
            g.setFill(NOISE);
            g.fillRect(x + 70, TOP + 6, 8, 8);
            g.setFill(AXIS_TEXT);
            g.fillText("noise", x + 82, TOP + 14);
        }
        String note = String.format(java.util.Locale.ROOT, "%,d rows drawn (lattice stride %d, bins within 60 dB of max)",
                p.count(), p.stride());
        g.setFill(Color.web("#0d1117", 0.8));
        g.fillRect(LEFT + 4, TOP + plotH - 20, note.length() * 6.0 + 8, 17);
        g.setFill(AXIS_TEXT);
        g.fillText(note, LEFT + 8, TOP + plotH - 7);
    }
}
