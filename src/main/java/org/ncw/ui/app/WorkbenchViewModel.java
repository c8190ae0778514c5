package org.ncw.ui.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;
import org.ncw.engine.core.Signal;
import org.ncw.engine.jobs.Job;
import org.ncw.engine.jobs.JobService;
import org.ncw.ui.analysis.AnalysisResult;
import org.ncw.ui.analysis.AnalysisSession;
import org.ncw.ui.analysis.EngineBridge;
import org.ncw.ui.analysis.Output;
import org.ncw.ui.analysis.ParameterSet;
import org.ncw.ui.analysis.Stage;
import org.ncw.ui.export.ExportRequest;
import org.ncw.ui.export.Exporter;
import org.ncw.ui.fx.FxJobs;
import org.ncw.ui.fx.LatestWins;
import org.ncw.ui.fx.RenderThreads;
import org.ncw.ui.params.ParamsViewModel;
import org.ncw.ui.playback.LevelMatch;
import org.ncw.ui.playback.Player;
import org.ncw.ui.results.ResultsViewModel;
import org.ncw.ui.scatter.ScatterViewModel;
import org.ncw.ui.spectrogram.SpectrogramViewModel;
import org.ncw.ui.timeline.TimeViewport;

/**
 * The workbench's state and actions. Every long operation (reading, analysis, export) runs as a background job;
 * results come back on the FX thread. Parameter edits are debounced and the latest request wins: a newer run
 * cancels the older one and stale results are dropped by a generation counter.
 */
public final class WorkbenchViewModel implements AutoCloseable {
    public static final String SAMPLE = "speech-pink-22k";
    static final Duration DEBOUNCE = Duration.millis(150);
    static final int MAX_DISPLAY_FRAMES = 20_000;

    private final JobService service = JobService.background(1);
    private final FxJobs jobs = new FxJobs(service);
    private final AnalysisSession session = new AnalysisSession();
    private final TimeViewport viewport = new TimeViewport();
    private final ParamsViewModel params = new ParamsViewModel();
    private final ResultsViewModel results = new ResultsViewModel();
    private final SpectrogramViewModel spectrogram = new SpectrogramViewModel();
    private final ScatterViewModel scatter = new ScatterViewModel();
    private final LatestWins<org.ncw.ui.analysis.Spectrum> displaySpectrum = new LatestWins<>(RenderThreads.pool());
    private final PauseTransition debounce = new PauseTransition(DEBOUNCE);
    private final Player player;

    private final ObjectProperty<Signal> input = new SimpleObjectProperty<>();
    private final ObjectProperty<Signal> reference = new SimpleObjectProperty<>();
    private final StringProperty inputName = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Ready");
    private final StringProperty audioStatus = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty elapsedSeconds = new SimpleDoubleProperty(0);
    private final BooleanProperty levelMatched = new SimpleBooleanProperty(true);
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final BooleanProperty loopSelection = new SimpleBooleanProperty(false);
    private final BooleanProperty exportFloat = new SimpleBooleanProperty(false);
    private final ObjectProperty<AnalysisResult> lastResult = new SimpleObjectProperty<>();
    private final DoubleProperty labelLatencySeconds = new SimpleDoubleProperty(Double.NaN);
    private final ObjectProperty<Consumer<String>> errorHandler = new SimpleObjectProperty<>(s -> { });

    private Job<AnalysisResult> current;
    private long generation;
    private long runStartNanos;
    private long changeNanos;
    private boolean awaitingLabelsOnScreen;
    private boolean labelsReady;

    public WorkbenchViewModel() {
        player = new Player(msg -> Platform.runLater(() -> {
            audioStatus.set(msg);
            playing.set(false);
        }));
        if (!Player.deviceAvailable()) {
            audioStatus.set(Player.NO_DEVICE);
        }
        debounce.setOnFinished(e -> runAnalysis());
        params.parametersProperty().addListener((o, a, b) -> parametersChanged());
        results.selectedProperty().addListener((o, a, b) -> updatePlayerSource());
        levelMatched.addListener(o -> updatePlayerSource());
        spectrogram.windowSizeProperty().addListener(o -> computeDisplaySpectrum());
        loopSelection.addListener(o -> updateLoop());
        viewport.selectionStartProperty().addListener(o -> updateLoop());
        viewport.selectionEndProperty().addListener(o -> updateLoop());
    }

    // ---- opening -------------------------------------------------------------------------------------------

    /** Reads a recording in the background; a bad file reports one clear line through the error handler. */
    public void open(Path file) {
        status.set("Opening " + file.getFileName() + " …");
        jobs.submit("open", m -> readOrThrow(file), signal -> {
            reference.set(null);
            setInput(signal, file.getFileName().toString());
            RecentFiles.userDefault().add(file);
        }, error -> fail("Cannot open " + file.getFileName(), error), () -> status.set("Open cancelled"));
    }

    /** Loads a clean reference so the results show SI-SDR / STOI. */
    public void openReference(Path file) {
        jobs.submit("reference", m -> readOrThrow(file), signal -> {
            reference.set(signal);
            status.set("Clean reference: " + file.getFileName());
            runAnalysis();
        }, error -> fail("Cannot open reference " + file.getFileName(), error), () -> { });
    }

    private static Signal readOrThrow(Path file) {
        try {
            return EngineBridge.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * Opens the bundled 11.4 s sample (noisy recording + its clean reference) from the samples folder: the
     * {@code ncw.samples} system property (set by the jlink launchers), else {@code ./samples}, else next to
     * the running jar (see {@link #samplesCandidates}).
     */
    public void openBundledSample() {
        Path dir = samplesFolder();
        Path noisy = dir.resolve(SAMPLE + ".noisy.wav");
        Path clean = dir.resolve(SAMPLE + ".clean.wav");
        if (!Files.isRegularFile(noisy)) {
            status.set("No sample found in " + dir.toAbsolutePath() + " — open a recording (File > Open)");
            return;
        }
        jobs.submit("open sample", m -> new Signal[] {readOrThrow(noisy),
            Files.isRegularFile(clean) ? readOrThrow(clean) : null}, pair -> {
                reference.set(pair[1]);
                setInput(pair[0], noisy.getFileName() + " (sample)");
            }, error -> fail("Cannot open the sample", error), () -> { });
    }

    static Path samplesFolder() {
        String prop = System.getProperty("ncw.samples");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        return samplesCandidates(codeLocation()).stream()
                .filter(d -> Files.isRegularFile(d.resolve(SAMPLE + ".noisy.wav"))).findFirst()
                .orElse(Path.of("samples"));
    }

    /**
     * Where the samples may be when no folder is given: {@code ./samples}, then a {@code samples} folder next to
     * the running jar or class folder or up to two levels above it (the image's {@code app/ncw.jar} and
     * {@code samples/}; the build's {@code target/ncw.jar} or {@code target/classes} and the project's
     * {@code samples/}), so the app finds them from any working directory.
     */
    static List<Path> samplesCandidates(Path codeLocation) {
        List<Path> dirs = new java.util.ArrayList<>();
        dirs.add(Path.of("samples"));
        Path dir = codeLocation == null ? null : codeLocation.toAbsolutePath().getParent();
        for (int up = 0; up < 3 && dir != null; up++, dir = dir.getParent()) {
            dirs.add(dir.resolve("samples"));
        }
        return dirs;
    }

    private static Path codeLocation() {
        try {
            java.security.CodeSource source = WorkbenchViewModel.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    public void setInput(Signal signal, String name) {
        player.pause();
        playing.set(false);
        input.set(signal);
        inputName.set(name);
        viewport.reset(signal.durationSeconds());
        player.seek(0);
        status.set(String.format(Locale.ROOT, "%s — %.1f s at %d Hz", name, signal.durationSeconds(),
                signal.sampleRate()));
        computeDisplaySpectrum();
        results.setAll(List.of(new Output("Original", Output.Kind.ORIGINAL, signal, "input recording", 0,
                Double.NaN, Double.NaN)));
        runAnalysis();
    }

    private void computeDisplaySpectrum() {
        Signal s = input.get();
        if (s == null) {
            return;
        }
        int n = spectrogram.windowSizeProperty().get();
        displaySpectrum.submit(() -> EngineBridge.displaySpectrum(s, n, MAX_DISPLAY_FRAMES),
                spectrogram.spectrumProperty()::set);
    }

    // ---- analysis --------------------------------------------------------------------------------------------

    private void parametersChanged() {
        changeNanos = System.nanoTime();
        awaitingLabelsOnScreen = true;
        labelsReady = false;
        debounce.playFromStart();
    }

    /** Starts a run now with the current parameters, cancelling a run in progress. */
    public void runAnalysis() {
        Signal in = input.get();
        if (in == null) {
            return;
        }
        debounce.stop();
        if (current != null) {
            current.cancel();
        }
        long mine = ++generation;
        ParameterSet p = params.parametersProperty().get();
        Signal ref = reference.get();
        runStartNanos = System.nanoTime();
        running.set(true);
        elapsedSeconds.set(0);
        status.set("Running …");
        current = jobs.submit("analysis", m -> session.run(in, ref, p, m, labels -> Platform.runLater(() -> {
            if (mine == generation) {
                showLabels(labels.spectrum(), labels.labels());
            }
        })), r -> {
            if (mine == generation) {
                apply(r);
            }
        }, error -> {
            if (mine == generation) {
                running.set(false);
                fail("Analysis failed", error);
            }
        }, () -> {
            if (mine == generation) {
                running.set(false);
                status.set("Cancelled");
            }
        });
    }

    public void cancel() {
        debounce.stop();
        if (current != null) {
            current.cancel();
        }
    }

    private void apply(AnalysisResult r) {
        running.set(false);
        double seconds = (System.nanoTime() - runStartNanos) / 1e9;
        elapsedSeconds.set(seconds);
        lastResult.set(r);
        showLabels(r.spectrum(), r.labels());
        results.setAll(r.outputs());
        String stages = r.recomputed().isEmpty() ? "nothing (all cached)"
                : String.join(", ", r.recomputed().stream().map(Stage::title).toList());
        status.set(String.format(Locale.ROOT, "Done in %.0f ms — recomputed: %s; %.0f%% of bins speech",
                seconds * 1000, stages, 100 * r.labels().speechFraction()));
    }

    /** Shows new labels (clustering done); masks, ICA and scores may still be running. */
    private void showLabels(org.ncw.ui.analysis.Spectrum grid, org.ncw.engine.dataset.LabelGrid labels) {
        if (spectrogram.labelsProperty().get() == labels) {
            return;
        }
        labelsReady = awaitingLabelsOnScreen;
        spectrogram.labelGeometryProperty().set(grid);
        spectrogram.labelsProperty().set(labels);
        scatter.spectrumProperty().set(grid);
        scatter.labelsProperty().set(labels);
    }

    /** Called by the view when a spectrogram frame with the current labels reached the screen. */
    public void labelsShown() {
        if (labelsReady) {
            awaitingLabelsOnScreen = false;
            labelsReady = false;
            labelLatencySeconds.set((System.nanoTime() - changeNanos) / 1e9);
        }
    }

    private void fail(String what, Throwable error) {
        Throwable t = error instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : error;
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        status.set(what + ": " + msg);
        errorHandler.get().accept(what + "\n" + msg);
    }

    // ---- parameters file -------------------------------------------------------------------------------------

    public void saveParameters(Path file) throws IOException {
        Files.writeString(file, params.parametersProperty().get().toJson());
    }

    public void loadParameters(Path file) {
        try {
            params.load(ParameterSet.fromJson(Files.readString(file)));
            status.set("Parameters loaded from " + file.getFileName());
        } catch (IOException | IllegalArgumentException e) {
            fail("Cannot load parameters from " + file.getFileName(), e);
        }
    }

    // ---- playback --------------------------------------------------------------------------------------------

    private void updatePlayerSource() {
        Output o = results.selectedProperty().get();
        Signal original = input.get();
        if (o == null || original == null) {
            return;
        }
        double gain = levelMatched.get() ? LevelMatch.gain(o.signal(), original) : 1;
        player.setSource(o.signal(), gain);
    }

    private void updateLoop() {
        if (loopSelection.get() && viewport.hasSelection()) {
            player.setLoop(viewport.selectionStartProperty().get(), viewport.selectionEndProperty().get());
        } else {
            player.setLoop(Double.NaN, Double.NaN);
        }
    }

    public void togglePlay() {
        if (player.isPlaying()) {
            player.pause();
            playing.set(false);
        } else {
            if (loopSelection.get() && viewport.hasSelection()) {
                player.seek(viewport.selectionStartProperty().get());
            } else {
                player.seek(viewport.playheadProperty().get());
            }
            boolean ok = player.play();
            playing.set(ok);
            if (!ok && player.deviceMissing()) {
                audioStatus.set(Player.NO_DEVICE);
            }
        }
    }

    public void stop() {
        player.pause();
        playing.set(false);
        seek(viewport.hasSelection() ? viewport.selectionStartProperty().get() : 0);
    }

    public void seek(double seconds) {
        player.seek(seconds);
        viewport.playheadProperty().set(seconds);
    }

    /** Copies the heard position into the playhead (called once per frame by the view while playing). */
    public void tick() {
        if (player.isPlaying()) {
            viewport.playheadProperty().set(player.positionSeconds());
        } else if (playing.get()) {
            playing.set(false);
        }
    }

    // ---- export ----------------------------------------------------------------------------------------------

    public void export(Path folder, java.util.Map<String, java.awt.image.BufferedImage> views,
                       Consumer<List<Path>> done) {
        AnalysisResult r = lastResult.get();
        List<Output> chosen = results.items().stream().filter(o -> results.exportNames().contains(o.name())).toList();
        ExportRequest req = new ExportRequest(folder, chosen, exportFloat.get(), r == null ? null : r.spectrum(),
                r == null ? null : r.labels(), params.parametersProperty().get(), inputName.get(), views);
        status.set("Exporting to " + folder + " …");
        jobs.submit("export", m -> {
            try {
                return Exporter.export(req, m);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }, files -> {
            status.set("Exported " + files.size() + " files to " + folder);
            done.accept(files);
        }, error -> fail("Export failed", error), () -> status.set("Export cancelled"));
    }

    // ---- properties ------------------------------------------------------------------------------------------

    public TimeViewport viewport() {
        return viewport;
    }

    public ParamsViewModel params() {
        return params;
    }

    public ResultsViewModel results() {
        return results;
    }

    public SpectrogramViewModel spectrogram() {
        return spectrogram;
    }

    public ScatterViewModel scatter() {
        return scatter;
    }

    public FxJobs jobs() {
        return jobs;
    }

    public Player player() {
        return player;
    }

    public ObjectProperty<Signal> inputProperty() {
        return input;
    }

    public ObjectProperty<Signal> referenceProperty() {
        return reference;
    }

    public StringProperty inputNameProperty() {
        return inputName;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty audioStatusProperty() {
        return audioStatus;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty elapsedSecondsProperty() {
        return elapsedSeconds;
    }

    public BooleanProperty levelMatchedProperty() {
        return levelMatched;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public BooleanProperty loopSelectionProperty() {
        return loopSelection;
    }

    public BooleanProperty exportFloatProperty() {
        return exportFloat;
    }

    public ObjectProperty<AnalysisResult> lastResultProperty() {
        return lastResult;
    }

    public DoubleProperty labelLatencySecondsProperty() {
        return labelLatencySeconds;
    }

    /** Where error messages go (the window shows a dialog); the text is "what\nwhy". */
    public ObjectProperty<Consumer<String>> errorHandlerProperty() {
        return errorHandler;
    }

    public double runStartedSecondsAgo() {
        return running.get() ? (System.nanoTime() - runStartNanos) / 1e9 : elapsedSeconds.get();
    }

    @Override
    public void close() {
        cancel();
        player.close();
        service.close();
    }
}
