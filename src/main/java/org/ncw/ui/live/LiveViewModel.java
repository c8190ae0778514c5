package org.ncw.ui.live;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.live.BlockSink;
import org.ncw.engine.live.BlockSource;
import org.ncw.engine.live.DiscardSink;
import org.ncw.engine.live.LiveEngine;
import org.ncw.engine.live.LiveOptions;
import org.ncw.engine.live.LiveRecorder;
import org.ncw.engine.live.SampleRing;
import org.ncw.engine.stream.StreamingDenoiserOptions;

/**
 * Live mode's state: the chosen input (a capture device, or a file played as a microphone) and output, the rate,
 * the denoiser's live parameters, what is heard, recording, and the figures shown (latency, CPU load, drops).
 * Devices come from the injected {@link LiveDevices}; starting and stopping run on the injected executor (opening
 * a device can block), everything else is cheap. {@link #refresh} copies the engine's figures to the properties
 * and is called by the view at most 30 times a second.
 */
public final class LiveViewModel {
    /** The input entry that plays a file as a microphone. */
    public static final String FILE_INPUT = "File as microphone";
    /** The output entry without a device (live mode still shows, measures and records). */
    public static final String NO_OUTPUT = "No output (display only)";
    public static final String NO_CAPTURE = "No capture device found: play a file as a microphone instead";

    private final LiveDevices devices;
    private final Executor background;
    private final Consumer<Runnable> fx;
    private final ObservableList<String> inputs = FXCollections.observableArrayList();
    private final ObservableList<String> outputs = FXCollections.observableArrayList();
    private final ObjectProperty<String> input = new SimpleObjectProperty<>(FILE_INPUT);
    private final ObjectProperty<String> output = new SimpleObjectProperty<>(NO_OUTPUT);
    private final IntegerProperty sampleRate = new SimpleIntegerProperty(16000);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final BooleanProperty loopFile = new SimpleBooleanProperty(true);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty denoisedHeard = new SimpleBooleanProperty(true);
    private final BooleanProperty recording = new SimpleBooleanProperty();
    private final DoubleProperty gainFloorDb = new SimpleDoubleProperty();
    private final DoubleProperty wienerExponent = new SimpleDoubleProperty();
    private final DoubleProperty lowCutHz = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty latency = new SimpleStringProperty("—");
    private final StringProperty cpu = new SimpleStringProperty("—");
    private final StringProperty dropped = new SimpleStringProperty("—");
    private final StringProperty source = new SimpleStringProperty("");
    private final ObjectProperty<Path> recordFolder = new SimpleObjectProperty<>(Path.of(System.getProperty("user.home")));
    private final ObjectProperty<List<Path>> lastRecording = new SimpleObjectProperty<>(List.of());
    private StreamingDenoiserOptions options = StreamingDenoiserOptions.defaults();
    private volatile LiveEngine engine;
    private boolean captureAvailable;

    public LiveViewModel(LiveDevices devices, Executor background, Consumer<Runnable> fx) {
        this.devices = devices;
        this.background = background;
        this.fx = fx;
        gainFloorDb.set(options.gainFloorDb());
        wienerExponent.set(options.wienerExponent());
        lowCutHz.set(options.lowCutHz());
        gainFloorDb.addListener((o, a, b) -> applyOptions());
        wienerExponent.addListener((o, a, b) -> applyOptions());
        lowCutHz.addListener((o, a, b) -> applyOptions());
        denoisedHeard.addListener((o, a, b) -> {
            LiveEngine e = engine;
            if (e != null) {
                e.setDenoisedHeard(b);
            }
        });
        refreshDevices();
    }

    /**
     * Starts from these streaming-denoiser settings (the experiment's {@code streaming} block), so live mode runs
     * what {@code ncw denoise --method streaming --options} runs; the panel's fields show and change them.
     */
    public void useOptions(StreamingDenoiserOptions base) {
        options = java.util.Objects.requireNonNull(base, "base");
        gainFloorDb.set(base.gainFloorDb());
        wienerExponent.set(base.wienerExponent());
        lowCutHz.set(base.lowCutHz());
        applyOptions();
    }

    /** Lists the devices again (at the chosen rate); says so when there is no capture device. */
    public void refreshDevices() {
        List<String> in = new ArrayList<>(devices.captureDevices(sampleRate.get()));
        captureAvailable = !in.isEmpty();
        in.add(FILE_INPUT);
        List<String> out = new ArrayList<>(devices.playbackDevices(sampleRate.get()));
        out.add(NO_OUTPUT);
        inputs.setAll(in);
        outputs.setAll(out);
        if (!inputs.contains(input.get())) {
            input.set(FILE_INPUT);
        }
        if (!outputs.contains(output.get()) || NO_OUTPUT.equals(output.get())) {
            output.set(out.get(0));
        }
        if (!captureAvailable) {
            status.set(NO_CAPTURE);
        }
    }

    public boolean captureAvailable() {
        return captureAvailable;
    }

    private void applyOptions() {
        try {
            options = new StreamingDenoiserOptions(options.hopSeconds(), options.analysisSeconds(),
                    options.initSeconds(), options.noiseSeconds(), options.minimumSeconds(), options.minimumBias(),
                    options.presenceSmoothHz(), options.presenceSmoothFraction(), options.presenceThreshold(),
                    options.presenceSlope(), options.ddAlpha(), options.minPriorSnrDb(), wienerExponent.get(),
                    gainFloorDb.get(), lowCutHz.get(), options.lowBandTrackingSeconds(), options.maskModel(),
                    options.lookaheadHops());
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        LiveEngine e = engine;
        if (e != null) {
            e.setOptions(options); // from the next block, the denoiser's state kept
        }
    }

    public StreamingDenoiserOptions options() {
        return options;
    }

    /** Opens the input and output and starts the loop (off the FX thread). */
    public void start() {
        if (running.get()) {
            return;
        }
        String in = input.get();
        String out = output.get();
        Path f = file.get();
        boolean loop = loopFile.get();
        int rate = sampleRate.get();
        StreamingDenoiserOptions o = options;
        boolean heard = denoisedHeard.get();
        if (FILE_INPUT.equals(in) && f == null) {
            status.set("Choose a file to play as a microphone");
            return;
        }
        running.set(true);
        status.set("Starting…");
        background.execute(() -> {
            BlockSource src = null;
            BlockSink sink = null;
            try {
                src = FILE_INPUT.equals(in) ? devices.openFile(f, loop)
                        : devices.openCapture(in, LiveOptions.defaults().withSampleRate(rate));
                LiveOptions lo = LiveOptions.defaults().withSampleRate(src.sampleRate());
                sink = NO_OUTPUT.equals(out) || out == null ? new DiscardSink() : devices.openPlayback(out, lo);
                LiveEngine e = new LiveEngine(src, sink, lo, o, this::ended);
                e.setDenoisedHeard(heard);
                engine = e;
                String what = src.description() + " → " + sink.description() + " at " + lo.sampleRate() + " Hz";
                fx.accept(() -> { // before the loop starts, so its end is reported after this
                    sampleRate.set(lo.sampleRate()); // a file plays at its own rate (no resampling)
                    source.set(what);
                    status.set("Live: " + what);
                });
                e.start();
            } catch (IOException | RuntimeException ex) {
                if (src != null) {
                    src.close();
                }
                if (sink != null) {
                    sink.close();
                }
                String msg = ex.getMessage() == null ? ex.toString() : ex.getMessage();
                fx.accept(() -> {
                    running.set(false);
                    status.set(msg);
                });
            }
        });
    }

    private void ended(String problem) {
        fx.accept(() -> {
            refresh();
            status.set(problem == null ? "Live mode stopped" : "Live mode stopped: " + problem);
            recording.set(false);
            running.set(false);
        });
    }

    /** Stops the loop and closes the devices (off the FX thread: a device may take a moment to drain). */
    public void stop() {
        LiveEngine e = engine;
        if (e == null) {
            return;
        }
        if (recording.get()) {
            toggleRecord();
        }
        background.execute(e::stop);
    }

    public void toggleHeard() {
        denoisedHeard.set(!denoisedHeard.get());
    }

    /** Starts recording both paths into the record folder, or stops and saves them (both files or neither). */
    public void toggleRecord() {
        LiveEngine e = engine;
        if (e == null || !running.get()) {
            status.set("Start live mode first");
            return;
        }
        if (e.recording()) {
            LiveRecorder r = e.stopRecording();
            recording.set(false);
            r.stop().whenComplete((frames, ex) -> fx.accept(() -> {
                if (ex != null) {
                    status.set("Recording not saved: " + ex.getMessage());
                } else {
                    lastRecording.set(List.of(r.rawPath(), r.denoisedPath()));
                    status.set(String.format("Saved %s and %s (%.1f s each)", r.rawPath().getFileName(),
                            r.denoisedPath().getFileName(), frames / (double) e.liveOptions().sampleRate()));
                }
            }));
            return;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = recordFolder.get();
        try {
            LiveRecorder r = new LiveRecorder(dir.resolve("live-" + stamp + ".raw.wav"),
                    dir.resolve("live-" + stamp + ".denoised.wav"), e.liveOptions().sampleRate(),
                    WriteMode.FAIL_IF_EXISTS);
            e.startRecording(r);
            recording.set(true);
            status.set("Recording to " + r.rawPath().getFileName() + " and " + r.denoisedPath().getFileName());
        } catch (IOException | RuntimeException ex) {
            status.set(ex.getMessage());
        }
    }

    /** Copies the engine's figures to the text properties (the view calls it per frame, ≤ 30 fps). */
    public void refresh() {
        LiveEngine e = engine;
        if (e == null) {
            return;
        }
        LiveEngine.Stats s = e.stats();
        latency.set(String.format("%.1f ms = %.1f algorithmic (%d samples) + %.1f block + %.1f device buffers",
                s.totalLatencyMillis(), s.algorithmicLatencyMillis(), s.algorithmicLatencySamples(),
                1000.0 * s.blockSamples() / s.sampleRate(),
                1000.0 * (s.sourceBufferSamples() + s.sinkBufferSamples()) / s.sampleRate()));
        cpu.set(String.format("%.1f %% (peak %.0f %%)", 100 * s.cpuLoad(), 100 * s.peakCpuLoad()));
        dropped.set(String.format("%d (overruns %d, underruns %d) · slow blocks %d of %d",
                s.droppedBlocks(), s.overruns(), s.underruns(), s.lateBlocks(), s.blocks()));
    }

    /** The running engine, or null. */
    public LiveEngine engine() {
        return engine;
    }

    public SampleRing rawMonitor() {
        LiveEngine e = engine;
        return e == null ? null : e.rawMonitor();
    }

    public SampleRing denoisedMonitor() {
        LiveEngine e = engine;
        return e == null ? null : e.denoisedMonitor();
    }

    public ObservableList<String> inputs() {
        return inputs;
    }

    public ObservableList<String> outputs() {
        return outputs;
    }

    public ObjectProperty<String> inputProperty() {
        return input;
    }

    public ObjectProperty<String> outputProperty() {
        return output;
    }

    public IntegerProperty sampleRateProperty() {
        return sampleRate;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public BooleanProperty loopFileProperty() {
        return loopFile;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty denoisedHeardProperty() {
        return denoisedHeard;
    }

    public BooleanProperty recordingProperty() {
        return recording;
    }

    public DoubleProperty gainFloorDbProperty() {
        return gainFloorDb;
    }

    public DoubleProperty wienerExponentProperty() {
        return wienerExponent;
    }

    public DoubleProperty lowCutHzProperty() {
        return lowCutHz;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty latencyProperty() {
        return latency;
    }

    public StringProperty cpuProperty() {
        return cpu;
    }

    public StringProperty droppedProperty() {
        return dropped;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public ObjectProperty<Path> recordFolderProperty() {
        return recordFolder;
    }

    public ObjectProperty<List<Path>> lastRecordingProperty() {
        return lastRecording;
    }
}
