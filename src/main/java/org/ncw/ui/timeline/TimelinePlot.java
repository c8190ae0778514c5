package org.ncw.ui.timeline;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A plot on the shared time axis: a content layer (subclass nodes inside {@link #plotArea()}) under an overlay
 * canvas with the time axis, the y axis, the selection band and the playhead. Zoom/pan/seek gestures are
 * installed on the whole plot. Subclasses render their content off the FX thread in {@link #requestRender()}.
 */
public abstract class TimelinePlot extends Region {
    /** Left gutter (y axis labels); the same in every view so the time axes line up. */
    public static final double LEFT = 58;
    /** Right gutter (the spectrogram's dB legend); every view reserves it so a time maps to one x everywhere. */
    public static final double RIGHT = 64;
    public static final double BOTTOM = 20;
    public static final double TOP = 6;
    protected static final Color AXIS_TEXT = Color.web("#9aa4b2");
    protected static final Color GRID = Color.web("#ffffff", 0.07);
    protected static final Font AXIS_FONT = Font.font("System", 10.5);

    protected final TimeViewport viewport;
    private final Pane plotArea = new Pane();
    private final Canvas overlay = new Canvas();
    private final String title;
    private double laidOutWidth = -1;
    private double laidOutHeight = -1;

    protected TimelinePlot(TimeViewport viewport, String title, java.util.function.DoubleConsumer seek) {
        this.viewport = viewport;
        this.title = title;
        getStyleClass().add("timeline-plot");
        plotArea.getStyleClass().add("plot-area");
        overlay.setMouseTransparent(true);
        getChildren().addAll(plotArea, overlay);
        viewport.startProperty().addListener(o -> viewChanged());
        viewport.endProperty().addListener(o -> viewChanged());
        viewport.playheadProperty().addListener(o -> drawOverlay());
        viewport.selectionStartProperty().addListener(o -> drawOverlay());
        viewport.selectionEndProperty().addListener(o -> drawOverlay());
        TimelineGestures.install(this, viewport, () -> LEFT, this::plotWidth, seek);
        setMinHeight(90);
    }

    protected Pane plotArea() {
        return plotArea;
    }

    /**
     * Keeps a canvas that was drawn at some size stretched over the whole plot area, so while the view is being
     * resized (a divider dragged) the last frame fills the area and lines up with the axes, which are redrawn at
     * once; the exact frame replaces it when its render is done (then the scale is 1).
     */
    protected static void stretchToPlotArea(javafx.scene.canvas.Canvas content, Pane area) {
        javafx.scene.transform.Scale scale = new javafx.scene.transform.Scale(1, 1, 0, 0);
        scale.xProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> stretch(content.getWidth(),
                area.getWidth()), area.widthProperty(), content.widthProperty()));
        scale.yProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> stretch(content.getHeight(),
                area.getHeight()), area.heightProperty(), content.heightProperty()));
        content.getTransforms().add(scale);
    }

    /**
     * The factor that stretches {@code drawn} pixels over {@code area}: 1 when they differ by less than a pixel
     * (frames are rendered at the floored size; resampling them by a fraction of a pixel would only blur).
     */
    public static double stretch(double drawn, double area) {
        return drawn <= 0 || Math.abs(area - drawn) < 1 ? 1 : area / drawn;
    }

    /** Where the drawn content lies inside the plot area (tests: it covers the area, also mid-resize). */
    public javafx.geometry.Bounds contentBounds() {
        return plotArea.getChildren().isEmpty() ? new javafx.geometry.BoundingBox(0, 0, 0, 0)
                : plotArea.getChildren().get(0).getBoundsInParent();
    }

    public double plotWidth() {
        return Math.max(1, getWidth() - LEFT - RIGHT);
    }

    /** The x (in this view's coordinates) where time {@code seconds} is drawn. */
    public double timeToViewX(double seconds) {
        return LEFT + viewport.timeToX(seconds, plotWidth());
    }

    public double plotHeight() {
        return Math.max(1, getHeight() - TOP - BOTTOM);
    }

    // The overlay canvas is sized to the view, so Region's default (children's extent) would ratchet the
    // minimum and preferred size up to the last size and stop the view from ever shrinking.
    @Override
    protected double computeMinWidth(double height) {
        return LEFT + RIGHT + 60;
    }

    @Override
    protected double computePrefWidth(double height) {
        return LEFT + RIGHT + 400;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 200;
    }

    /**
     * Re-renders only when the size changed: a finished render puts new content into the plot area, which asks
     * for a layout again, and rendering on every layout pass kept an idle window busy forever.
     */
    @Override
    protected void layoutChildren() {
        plotArea.resizeRelocate(LEFT, TOP, plotWidth(), plotHeight());
        if (getWidth() == laidOutWidth && getHeight() == laidOutHeight) {
            return;
        }
        laidOutWidth = getWidth();
        laidOutHeight = getHeight();
        overlay.setWidth(getWidth());
        overlay.setHeight(getHeight());
        requestRender();
        drawOverlay();
    }


    private void viewChanged() {
        requestRender();
        drawOverlay();
    }

    /** Recomputes the content for the current window and size (off the FX thread where it is costly). */
    protected abstract void requestRender();

    /** Draws the y axis labels into the left gutter; plot area origin is (LEFT, TOP). */
    protected abstract void drawYAxis(GraphicsContext g, double plotW, double plotH);

    /** Draws extra decorations (legend) into the right gutter, {@link #RIGHT} wide. */
    protected void drawRightGutter(GraphicsContext g, double plotW, double plotH) {
    }

    protected final void drawOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        double w = plotWidth();
        double h = plotHeight();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        g.setFont(AXIS_FONT);
        double step = AxisTicks.step(viewport.span(), Math.max(2, (int) (w / 90)));
        g.setTextAlign(TextAlignment.CENTER);
        for (double t : AxisTicks.ticks(viewport.start(), viewport.end(), Math.max(2, (int) (w / 90)))) {
            double x = LEFT + viewport.timeToX(t, w);
            g.setStroke(GRID);
            g.strokeLine(Math.round(x) + 0.5, TOP, Math.round(x) + 0.5, TOP + h);
            g.setStroke(AXIS_TEXT);
            g.strokeLine(Math.round(x) + 0.5, TOP + h, Math.round(x) + 0.5, TOP + h + 4);
            g.setFill(AXIS_TEXT);
            g.fillText(AxisTicks.seconds(t, step), x, TOP + h + 15);
        }
        g.setTextAlign(TextAlignment.LEFT);
        drawYAxis(g, w, h);
        drawRightGutter(g, w, h);
        if (viewport.hasSelection()) {
            double x0 = LEFT + Math.max(0, viewport.timeToX(viewport.selectionStartProperty().get(), w));
            double x1 = LEFT + Math.min(w, viewport.timeToX(viewport.selectionEndProperty().get(), w));
            if (x1 > x0) {
                g.setFill(Color.web("#4fc3f7", 0.18));
                g.fillRect(x0, TOP, x1 - x0, h);
                g.setStroke(Color.web("#4fc3f7", 0.8));
                g.strokeLine(x0, TOP, x0, TOP + h);
                g.strokeLine(x1, TOP, x1, TOP + h);
            }
        }
        double px = viewport.timeToX(viewport.playheadProperty().get(), w);
        if (px >= 0 && px <= w) {
            g.setStroke(Color.web("#ffb74d"));
            g.setLineWidth(1.5);
            g.strokeLine(LEFT + px, TOP, LEFT + px, TOP + h);
            g.setLineWidth(1);
        }
        g.setFill(Color.web("#0d1117", 0.75));
        g.fillRect(LEFT + 2, TOP + 2, title.length() * 6.6 + 12, 17);
        g.setFill(Color.web("#e6edf3", 0.85));
        g.setFont(Font.font("System", javafx.scene.text.FontWeight.BOLD, 11));
        g.fillText(title, LEFT + 8, TOP + 14);
        g.setStroke(Color.web("#30363d"));
        g.strokeRect(LEFT - 0.5, TOP - 0.5, w + 1, h + 1);
    }
}
