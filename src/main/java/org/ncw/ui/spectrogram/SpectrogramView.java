package org.ncw.ui.spectrogram;

import java.nio.IntBuffer;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import javafx.beans.Observable;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.ncw.ui.analysis.Spectrum;
import org.ncw.ui.fx.LatestWins;
import org.ncw.ui.fx.RenderThreads;
import org.ncw.ui.timeline.AxisTicks;
import org.ncw.ui.timeline.TimeViewport;
import org.ncw.ui.timeline.TimelinePlot;

/**
 * Spectrogram heatmap with frequency axis, dB legend and the translucent cluster-label overlay. Pixels are
 * computed by {@link SpectrogramRaster} on a render thread and copied into a {@link PixelBuffer}-backed image.
 */
public final class SpectrogramView extends TimelinePlot {
    private record Frame(int[] pixels, int width, int height) { }

    private final SpectrogramViewModel model;
    private final ImageView imageView = new ImageView();
    private final LatestWins<Frame> renderer = new LatestWins<>(RenderThreads.pool());
    private PixelBuffer<IntBuffer> buffer;
    private long framesShown;
    private Runnable onFrameShown = () -> { };

    public SpectrogramView(SpectrogramViewModel model, TimeViewport viewport, DoubleConsumer seek) {
        super(viewport, "Spectrogram", seek);
        this.model = model;
        getStyleClass().add("spectrogram-view");
        plotArea().getChildren().add(imageView);
        // the last frame stretched over the plot area while a new size renders (no half-drawn view mid-drag)
        imageView.setPreserveRatio(false);
        imageView.fitWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double w = imageView.getImage() == null ? 0 : imageView.getImage().getWidth();
            return w * stretch(w, plotArea().getWidth());
        }, plotArea().widthProperty(), imageView.imageProperty()));
        imageView.fitHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double h = imageView.getImage() == null ? 0 : imageView.getImage().getHeight();
            return h * stretch(h, plotArea().getHeight());
        }, plotArea().heightProperty(), imageView.imageProperty()));
        for (Observable o : new Observable[] {model.spectrumProperty(), model.labelsProperty(),
            model.gainDbProperty(), model.rangeDbProperty(), model.logFrequencyProperty(),
            model.overlayVisibleProperty(), model.overlayOpacityProperty(), model.colorMapProperty(),
            model.freqLowHzProperty(), model.freqHighHzProperty()}) {
            o.addListener(x -> {
                requestRender();
                drawOverlay();
            });
        }
        // Shift + wheel zooms the frequency axis around the pointer (before the time zoom sees the event)
        addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (!e.isShiftDown()) {
                return;
            }
            double d = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX(); // some platforms turn shift+wheel sideways
            FrequencyAxis axis = model.frequencyAxis();
            if (d != 0 && axis != null) {
                double frac = 1 - Math.max(0, Math.min(1, (e.getY() - TOP) / plotHeight()));
                model.zoomFrequency(d > 0 ? 0.8 : 1.25, axis.hzAt(frac));
            }
            e.consume();
        });
        setOnMouseMoved(e -> model.readoutProperty().set(readoutAt(e.getX(), e.getY())));
        setOnMouseExited(e -> model.readoutProperty().set(""));
    }

    private String readoutAt(double x, double y) {
        Spectrum s = model.spectrumProperty().get();
        double px = x - LEFT;
        double py = y - TOP;
        if (s == null || px < 0 || py < 0 || px > plotWidth() || py > plotHeight()) {
            return "";
        }
        double t = viewport.xToTime(px, plotWidth());
        double hz = model.frequencyAxis().hzAt(1 - py / plotHeight());
        return SpectrogramReadout.text(s, model.labelsProperty().get(), model.labelGeometryProperty().get(), t, hz);
    }

    /** How many rendered frames reached the screen (tests and the benchmark wait on this). */
    public long framesShown() {
        return framesShown;
    }

    @Override
    protected void requestRender() {
        Spectrum s = model.spectrumProperty().get();
        int w = (int) Math.floor(plotWidth());
        int h = (int) Math.floor(plotHeight());
        if (s == null || w < 2 || h < 2) {
            return;
        }
        boolean overlay = model.overlayVisibleProperty().get();
        SpectrogramRaster.Request req = new SpectrogramRaster.Request(s, viewport.start(), viewport.end(), w, h,
                model.logFrequencyProperty().get(), model.gainDbProperty().get(), model.rangeDbProperty().get(),
                overlay ? model.labelsProperty().get() : null, overlay ? model.labelGeometryProperty().get() : null,
                model.overlayOpacityProperty().get(), model.freqLowHzProperty().get(), model.freqHighHzProperty().get());
        ColorMap colorMap = model.colorMapProperty().get().map();
        renderer.submit(() -> new Frame(SpectrogramRaster.render(req, colorMap), w, h), this::show);
    }

    private void show(Frame f) {
        if (buffer == null || buffer.getWidth() != f.width() || buffer.getHeight() != f.height()) {
            buffer = new PixelBuffer<>(f.width(), f.height(), IntBuffer.allocate(f.width() * f.height()),
                    PixelFormat.getIntArgbPreInstance());
            imageView.setImage(new WritableImage(buffer));
        }
        IntBuffer ib = buffer.getBuffer();
        ib.clear();
        ib.put(f.pixels());
        ib.flip();
        buffer.updateBuffer(b -> null);
        framesShown++;
        onFrameShown.run();
    }

    /** Runs on the FX thread after each rendered frame is on screen. */
    public void setOnFrameShown(Runnable r) {
        onFrameShown = r;
    }

    @Override
    protected void drawYAxis(GraphicsContext g, double plotW, double plotH) {
        Spectrum s = model.spectrumProperty().get();
        if (s == null) {
            return;
        }
        boolean log = model.logFrequencyProperty().get();
        FrequencyAxis axis = model.frequencyAxis();
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(AXIS_TEXT);
        double[] ticks = log ? logTicks(axis) : AxisTicks.ticks(axis.low(), axis.high(), (int) Math.max(2, plotH / 40))
                .stream().mapToDouble(Double::doubleValue).toArray();
        for (double hz : ticks) {
            double frac = axis.fracOf(hz);
            if (frac < 0 || frac > 1.0001) {
                continue;
            }
            double y = TOP + (1 - frac) * plotH;
            g.fillText(AxisTicks.hertz(hz), LEFT - 8, y + 4);
            g.setStroke(AXIS_TEXT);
            g.strokeLine(LEFT - 4, Math.round(y) + 0.5, LEFT, Math.round(y) + 0.5);
        }
        g.save();
        g.translate(12, TOP + plotH / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("Hz", 0, 0);
        g.restore();
        g.setTextAlign(TextAlignment.LEFT);
    }

    private static double[] logTicks(FrequencyAxis axis) {
        double[] decade = java.util.stream.DoubleStream.of(20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000)
                .filter(f -> f >= axis.low() * 0.999 && f <= axis.high() * 1.001).toArray();
        if (decade.length >= 3) {
            return decade;
        }
        // a narrow band on the log axis: linear ticks inside it
        return AxisTicks.ticks(axis.low(), axis.high(), 5).stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    protected void drawRightGutter(GraphicsContext g, double plotW, double plotH) {
        Spectrum s = model.spectrumProperty().get();
        if (s == null) {
            return;
        }
        double x = LEFT + plotW + 10;
        double barW = 12;
        int steps = (int) plotH;
        for (int i = 0; i < steps; i++) {
            int argb = model.colorMapProperty().get().map().argb(1 - (double) i / steps);
            g.setFill(Color.rgb((argb >> 16) & 255, (argb >> 8) & 255, argb & 255));
            g.fillRect(x, TOP + i, barW, 1.5);
        }
        double top = s.db().max() - model.gainDbProperty().get();
        double range = model.rangeDbProperty().get();
        g.setFill(AXIS_TEXT);
        for (double db : AxisTicks.ticks(top - range, top, 6)) {
            double y = TOP + (top - db) / range * plotH;
            g.fillText(String.format(Locale.ROOT, "%.0f", db), x + barW + 4, y + 4);
        }
        g.fillText("dB", x + barW + 4, TOP + plotH + 15);
    }
}
