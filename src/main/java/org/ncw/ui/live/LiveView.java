package org.ncw.ui.live;

import java.io.File;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import org.ncw.engine.live.LiveSpectrum;
import org.ncw.engine.live.SampleRing;
import org.ncw.ui.spectrogram.ColorMap;

/**
 * Live mode: input and output choice, start/stop, the raw/denoised switch (key B), record, the denoiser's live
 * parameters, the figures, and a scrolling waveform and two spectrograms (raw above, denoised below) of the last
 * seconds, drawn by an AnimationTimer at most 30 times a second and only while live mode runs.
 */
public final class LiveView extends BorderPane {
    /** At most 30 frames a second ({@code -Dncw.live.fps=N} lowers it). */
    private static final long FRAME_NANOS = 1_000_000_000L / Math.max(1, Math.min(30, Integer.getInteger("ncw.live.fps", 30)));
    private static final double DB_LOW = -100;
    private static final double DB_HIGH = -20;

    private final LiveViewModel vm;
    private final Canvas wave = new Canvas();
    private final Canvas rawSpec = new Canvas();
    private final Canvas denSpec = new Canvas();
    private final EventHandler<KeyEvent> keys;
    private Scroller rawScroller;
    private Scroller denScroller;
    private double[] rawWave = new double[0];
    private double[] denWave = new double[0];

    public LiveView(LiveViewModel vm) {
        this.vm = vm;
        getStyleClass().add("live-view");
        setPadding(new Insets(8));

        ComboBox<String> input = new ComboBox<>(vm.inputs());
        input.setId("live-input");
        input.valueProperty().bindBidirectional(vm.inputProperty());
        ComboBox<String> output = new ComboBox<>(vm.outputs());
        output.setId("live-output");
        output.valueProperty().bindBidirectional(vm.outputProperty());
        ComboBox<Integer> rate = new ComboBox<>();
        rate.getItems().addAll(8000, 16000, 22050, 44100, 48000);
        rate.setValue(vm.sampleRateProperty().get());
        rate.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.sampleRateProperty().get()) {
                vm.sampleRateProperty().set(b);
                vm.refreshDevices();
            }
        });
        vm.sampleRateProperty().addListener((o, a, b) -> rate.setValue(b.intValue()));
        TextField file = new TextField();
        file.setId("live-file");
        file.setEditable(false);
        file.setPrefColumnCount(24);
        file.textProperty().bind(vm.fileProperty().asString());
        Button choose = new Button("File…");
        choose.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("A recording to play as a microphone");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Audio", "*.wav", "*.aif", "*.aiff", "*.au"));
            File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                vm.fileProperty().set(f.toPath());
            }
        });
        CheckBox loop = new CheckBox("loop");
        loop.selectedProperty().bindBidirectional(vm.loopFileProperty());
        Button start = new Button();
        start.setId("live-start");
        start.textProperty().bind(vm.runningProperty().map(r -> r ? "Stop" : "Start"));
        start.setOnAction(e -> {
            if (vm.runningProperty().get()) {
                vm.stop();
            } else {
                vm.start();
            }
        });
        ToggleButton heard = new ToggleButton();
        heard.setId("live-heard");
        heard.selectedProperty().bindBidirectional(vm.denoisedHeardProperty());
        heard.textProperty().bind(vm.denoisedHeardProperty().map(d -> d ? "Hearing: denoised (B)" : "Hearing: raw (B)"));
        heard.setFocusTraversable(false);
        Button record = new Button();
        record.setId("live-record");
        record.textProperty().bind(vm.recordingProperty().map(r -> r ? "■ Stop recording" : "● Record"));
        record.disableProperty().bind(vm.runningProperty().not());
        record.setOnAction(e -> vm.toggleRecord());
        input.disableProperty().bind(vm.runningProperty());
        output.disableProperty().bind(vm.runningProperty());
        rate.disableProperty().bind(vm.runningProperty());
        choose.disableProperty().bind(vm.runningProperty());

        input.setPrefWidth(230);
        output.setPrefWidth(230);
        HBox row1 = new HBox(6, fixed("Input"), input, file, choose, loop);
        row1.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(file, Priority.ALWAYS);
        HBox row1b = new HBox(6, fixed("Output"), output, fixed("Rate Hz"), rate);
        row1b.setAlignment(Pos.CENTER_LEFT);
        HBox row2 = new HBox(6, start, heard, record);
        row2.setAlignment(Pos.CENTER_LEFT);

        GridPane params = new GridPane();
        params.setHgap(8);
        params.setVgap(2);
        addSlider(params, 0, "Gain floor dB", vm.gainFloorDbProperty(), -60, 0);
        addSlider(params, 1, "Wiener exponent", vm.wienerExponentProperty(), 0.1, 2);
        addSlider(params, 2, "Low cut Hz", vm.lowCutHzProperty(), 0, 500);
        GridPane figures = new GridPane();
        figures.setHgap(8);
        figures.setVgap(2);
        addFigure(figures, 0, "Latency", vm.latencyProperty(), "live-latency");
        addFigure(figures, 1, "CPU load", vm.cpuProperty(), "live-cpu");
        addFigure(figures, 2, "Dropped blocks", vm.droppedProperty(), "live-dropped");
        HBox info = new HBox(24, params, figures);
        HBox.setHgrow(figures, Priority.ALWAYS);
        Label status = new Label();
        status.setId("live-status");
        status.textProperty().bind(vm.statusProperty());
        VBox top = new VBox(6, row1, row1b, row2, info, status);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);

        VBox graphs = new VBox(4, caption("Waveform (grey raw, orange denoised), last 10 s"), holder(wave, 0.22),
                caption("Raw spectrogram"), holder(rawSpec, 0.39), caption("Denoised spectrogram"),
                holder(denSpec, 0.39));
        setCenter(graphs);

        AnimationTimer timer = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (now - last >= FRAME_NANOS) {
                    last = now;
                    frame();
                }
            }
        };
        vm.runningProperty().addListener((o, a, b) -> {
            if (b) {
                timer.start();
            } else {
                timer.stop();
                frame();
            }
        });
        keys = e -> {
            if (e.getCode() == KeyCode.B && !e.isShortcutDown() && !e.isAltDown()
                    && !(getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl)) {
                vm.toggleHeard();
                e.consume();
            }
        };
        sceneProperty().addListener((o, a, b) -> {
            if (a != null) {
                a.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
            if (b != null) {
                b.addEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
        });
    }

    private static Label fixed(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        return l;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("live-caption");
        return l;
    }

    private Pane holder(Canvas c, double share) {
        Pane p = new Pane(c);
        p.setMinHeight(60);
        p.prefHeightProperty().bind(heightProperty().multiply(share * 0.7));
        c.widthProperty().bind(p.widthProperty());
        c.heightProperty().bind(p.heightProperty());
        VBox.setVgrow(p, Priority.ALWAYS);
        return p;
    }

    private static void addSlider(GridPane g, int row, String name, javafx.beans.property.DoubleProperty p,
                                  double min, double max) {
        Slider s = new Slider(min, max, p.get());
        s.setPrefWidth(160);
        s.valueProperty().bindBidirectional(p);
        Label v = new Label();
        v.setMinWidth(50);
        v.textProperty().bind(p.asString("%.2f"));
        g.addRow(row, fixed(name), s, v);
    }

    private static void addFigure(GridPane g, int row, String name, javafx.beans.value.ObservableStringValue value,
                                  String id) {
        Label v = new Label();
        v.setId(id);
        v.textProperty().bind(value);
        g.addRow(row, fixed(name), v);
    }

    /** One display frame: figures, waveform, and the spectrogram columns that arrived since the last frame. */
    void frame() {
        vm.refresh();
        SampleRing raw = vm.rawMonitor();
        SampleRing den = vm.denoisedMonitor();
        if (raw == null || den == null) {
            return;
        }
        int rate = vm.engine().liveOptions().sampleRate();
        if (rawScroller == null || rawScroller.rate != rate || rawScroller.ring != raw) {
            rawScroller = new Scroller(raw, rate, raw.capacity());
            denScroller = new Scroller(den, rate, den.capacity());
        }
        drawWave(raw, den);
        rawScroller.advance();
        denScroller.advance();
        rawScroller.draw(rawSpec);
        denScroller.draw(denSpec);
    }

    private void drawWave(SampleRing raw, SampleRing den) {
        int w = (int) wave.getWidth();
        int h = (int) wave.getHeight();
        GraphicsContext g = wave.getGraphicsContext2D();
        g.setFill(Color.rgb(24, 24, 28));
        g.fillRect(0, 0, w, h);
        if (w < 2 || h < 2) {
            return;
        }
        if (rawWave.length != raw.capacity()) {
            rawWave = new double[raw.capacity()];
            denWave = new double[den.capacity()];
        }
        raw.copyLatest(rawWave);
        den.copyLatest(denWave);
        drawEnvelope(g, rawWave, w, h, Color.rgb(150, 150, 160));
        drawEnvelope(g, denWave, w, h, Color.rgb(255, 150, 40));
    }

    private static void drawEnvelope(GraphicsContext g, double[] x, int w, int h, Color c) {
        g.setFill(c);
        double mid = h / 2.0;
        // one filled polygon (upper envelope left to right, lower back): a single draw call per frame, not w lines
        double[] xs = new double[2 * w];
        double[] ys = new double[2 * w];
        for (int px = 0; px < w; px++) {
            int a = (int) ((long) px * x.length / w);
            int b = (int) ((long) (px + 1) * x.length / w);
            double lo = 0;
            double hi = 0;
            for (int i = a; i < b; i++) {
                lo = Math.min(lo, x[i]);
                hi = Math.max(hi, x[i]);
            }
            xs[px] = px + 0.5;
            ys[px] = mid - hi * mid - 0.5;
            xs[2 * w - 1 - px] = px + 0.5;
            ys[2 * w - 1 - px] = mid - lo * mid + 0.5;
        }
        g.fillPolygon(xs, ys, 2 * w);
    }

    /** A ring of spectrogram columns (one per hop of 8 ms) over the ring's span, scrolled by drawing in two parts. */
    private static final class Scroller {
        final SampleRing ring;
        final int rate;
        final int hop;
        final LiveSpectrum spectrum;
        final int columns;
        final int rows;
        final WritableImage image;
        final int[] column;
        final double[] db;
        final ColorMap map = ColorMap.magma();
        long nextEnd;
        int nextColumn;

        Scroller(SampleRing ring, int rate, int capacity) {
            this.ring = ring;
            this.rate = rate;
            this.hop = Math.max(16, rate / 125);
            this.spectrum = new LiveSpectrum(4 * hop);
            this.columns = capacity / hop;
            this.rows = spectrum.bins();
            this.image = new WritableImage(columns, rows);
            this.column = new int[rows];
            this.db = new double[rows];
            this.nextEnd = Math.max(hop, ring.written() - (long) (columns - 1) * hop) / hop * hop;
            java.util.Arrays.fill(column, map.argb(0));
            for (int c = 0; c < columns; c++) {
                image.getPixelWriter().setPixels(c, 0, 1, rows, PixelFormat.getIntArgbInstance(), column, 0, 1);
            }
        }

        void advance() {
            long written = ring.written();
            int budget = columns; // never more than a screenful per frame
            while (nextEnd <= written && budget-- > 0) {
                spectrum.column(ring, nextEnd, db);
                for (int k = 0; k < rows; k++) {
                    double u = (db[k] - DB_LOW) / (DB_HIGH - DB_LOW);
                    column[rows - 1 - k] = map.argb(Math.max(0, Math.min(1, u)));
                }
                image.getPixelWriter().setPixels(nextColumn, 0, 1, rows, PixelFormat.getIntArgbInstance(), column, 0,
                        1);
                nextColumn = (nextColumn + 1) % columns;
                nextEnd += hop;
            }
            if (nextEnd <= written) {
                nextEnd = written / hop * hop + hop; // skipped ahead: the display fell a screen behind
            }
        }

        void draw(Canvas c) {
            double w = c.getWidth();
            double h = c.getHeight();
            GraphicsContext g = c.getGraphicsContext2D();
            // oldest column is nextColumn: draw [nextColumn, columns) then [0, nextColumn)
            double split = w * (columns - nextColumn) / columns;
            g.setImageSmoothing(false);
            g.drawImage(image, nextColumn, 0, columns - nextColumn, rows, 0, 0, split, h);
            if (nextColumn > 0) {
                g.drawImage(image, 0, 0, nextColumn, rows, split, 0, w - split, h);
            }
        }
    }

    /** For the main window: starts live mode playing {@code file} as a microphone. */
    public void playFile(Path file) {
        vm.fileProperty().set(file);
        vm.inputProperty().set(LiveViewModel.FILE_INPUT);
        vm.start();
    }
}
