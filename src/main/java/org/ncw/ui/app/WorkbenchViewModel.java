package org.ncw.ui.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ncw.engine.core.Signal;
import org.ncw.engine.jobs.JobService;
import org.ncw.ui.analysis.AnalysisResult;
import org.ncw.ui.analysis.AnalysisSession;
import org.ncw.ui.analysis.EngineBridge;
import org.ncw.ui.analysis.Output;
import org.ncw.ui.analysis.ParameterSet;
import org.ncw.ui.analysis.Spectrum;
import org.ncw.ui.document.LabelledGrid;
import org.ncw.ui.document.WorkbenchDocument;
import org.ncw.ui.export.ExportController;
import org.ncw.ui.fx.Debouncer;
import org.ncw.ui.fx.FxJobs;
import org.ncw.ui.fx.LatestWins;
import org.ncw.ui.fx.RenderThreads;
import org.ncw.ui.history.CompareViewModel;
import org.ncw.ui.history.HistoryViewModel;
import org.ncw.ui.params.ParamsViewModel;
import org.ncw.ui.playback.PlaybackController;
import org.ncw.ui.playback.Player;
import org.ncw.ui.playback.Transport;
import org.ncw.ui.results.ResultsViewModel;
import org.ncw.ui.scatter.ScatterViewModel;
import org.ncw.ui.session.SessionController;
import org.ncw.ui.spectrogram.SpectrogramViewModel;
import org.ncw.ui.timeline.TimeViewport;

/**
 * Composes the workbench from its parts around one shared {@link WorkbenchDocument}: opening files
 * ({@link RecordingLoader}), analysis ({@link AnalysisController}), playback ({@link PlaybackController}) and
 * export ({@link ExportController}), plus the view models the views draw. The job service, the audio transport,
 * the preferences and the thread callbacks run on are injected, so all of it runs without a window in tests
 * ({@link #forTests}: every job on the calling thread).
 */
public final class WorkbenchViewModel implements AutoCloseable {
    /** Display choices besides the result names: the input, or whatever result is being heard. */
    public static final String SHOW_INPUT = "Input";
    public static final String SHOW_HEARD = "Heard result";
    static final double DEBOUNCE_MILLIS = 150;
    static final int MAX_DISPLAY_FRAMES = 20_000;

    private final JobService service;
    private final FxJobs jobs;
    private final WorkbenchPreferences prefs;
    private final WorkbenchDocument doc = new WorkbenchDocument();
    private final TimeViewport viewport = new TimeViewport();
    private final ParamsViewModel params = new ParamsViewModel();
    private final SpectrogramViewModel spectrogram = new SpectrogramViewModel();
    private final ScatterViewModel scatter = new ScatterViewModel();
    private final LatestWins<Spectrum> displaySpectrum;
    private final StringProperty shown = new SimpleStringProperty(SHOW_INPUT);
    private final ObjectProperty<Signal> shownSignal = new SimpleObjectProperty<>();
    private final ObservableList<String> shownChoices = FXCollections.observableArrayList(SHOW_INPUT, SHOW_HEARD);
    private final RecordingLoader loader;
    private final AnalysisController analysis;
    private final PlaybackController playback;
    private final ExportController export;
    private final SessionController sessions;
    private final AnalysisSession engine = new AnalysisSession();
    private final HistoryViewModel history;
    private final CompareViewModel compare;
    private final javafx.beans.binding.StringBinding title;
    private final org.ncw.ui.leaderboard.LeaderboardViewModel leaderboard;
    private String runNote;

    /** The application: background jobs, the sound card, the user's preferences, callbacks on the FX thread. */
    public WorkbenchViewModel() {
        this(WorkbenchPreferences.userDefault());
    }

    /** As the application, with the given preferences (tests pass {@link WorkbenchPreferences#scratch()}). */
    public WorkbenchViewModel(WorkbenchPreferences prefs) {
        this(JobService.background(1), Platform::runLater, RenderThreads.pool(), Debouncer.fx(DEBOUNCE_MILLIS), null,
                prefs);
    }

    /**
     * @param callbacks where job results land (the FX thread, or {@code Runnable::run})
     * @param render    where the display spectrogram is computed
     * @param transport the audio output; null = a {@link Player} on the default device
     */
    public WorkbenchViewModel(JobService service, Executor callbacks, Executor render, Debouncer debounce,
                              Transport transport, WorkbenchPreferences prefs) {
        this.service = service;
        this.prefs = prefs;
        jobs = new FxJobs(service, callbacks);
        displaySpectrum = new LatestWins<>(render, callbacks);
        analysis = new AnalysisController(doc, params, jobs, debounce, engine);
        history = new HistoryViewModel(params::load, this::recompute, java.time.Clock.systemUTC());
        analysis.setOnRunFinished((r, seconds) -> {
            history.add(r, runFile(), seconds);
            if (runNote != null) { // what the run was started for (a leaderboard row) stays in the status line
                doc.statusProperty().set(doc.statusProperty().get() + " — " + runNote);
                runNote = null;
            }
        });
        AtomicReference<PlaybackController> self = new AtomicReference<>();
        Transport out = transport != null ? transport : new Player(msg -> callbacks.execute(() -> self.get().deviceFailed(msg)));
        playback = new PlaybackController(doc, viewport, out);
        self.set(playback);
        if (transport == null && !Player.deviceAvailable()) {
            playback.deviceFailed(Player.NO_DEVICE);
        }
        export = new ExportController(doc, jobs, ExportController.appVersion());
        loader = new RecordingLoader(doc, jobs, prefs, signal -> inputOpened());
        sessions = new SessionController(new SessionController.Parts(doc, params, viewport, spectrogram, scatter,
                shown, playback.levelMatchedProperty(), playback::seek, loader::openWith, prefs.recentFiles()::add,
                this::selectChannel, history), jobs);
        compare = new CompareViewModel(history, playback::hear);
        for (SpectrogramViewModel s : List.of(compare.spectrogramA(), compare.spectrogramB())) {
            s.spectrumProperty().bind(spectrogram.spectrumProperty());
            s.colorMapProperty().bind(spectrogram.colorMapProperty());
            s.gainDbProperty().bind(spectrogram.gainDbProperty());
            s.rangeDbProperty().bind(spectrogram.rangeDbProperty());
            s.logFrequencyProperty().bind(spectrogram.logFrequencyProperty());
            s.overlayOpacityProperty().bind(spectrogram.overlayOpacityProperty());
            s.freqLowHzProperty().bind(spectrogram.freqLowHzProperty());
            s.freqHighHzProperty().bind(spectrogram.freqHighHzProperty());
        }
        leaderboard = new org.ncw.ui.leaderboard.LeaderboardViewModel(jobs, params.parametersProperty()::get,
                this::applyAndRun, doc.inputPathProperty()::get, doc.statusProperty()::set,
                msg -> doc.fail(msg.contains("\n") ? msg.substring(0, msg.indexOf('\n')) : msg,
                        new IllegalArgumentException(msg.contains("\n") ? msg.substring(msg.indexOf('\n') + 1)
                                : msg)), note -> {
                    runNote = note;
                    doc.statusProperty().set(note);
                });
        title = javafx.beans.binding.Bindings.createStringBinding(() -> {
            Path session = sessions.sessionFileProperty().get();
            String name = session != null ? session.getFileName().toString() : doc.inputNameProperty().get();
            return (sessions.dirtyProperty().get() ? "* " : "") + "Noise Clustering Workbench"
                    + (name == null || name.isEmpty() ? "" : " — " + name);
        }, sessions.sessionFileProperty(), sessions.dirtyProperty(), doc.inputNameProperty());
        doc.labelsProperty().addListener((o, a, b) -> showLabels(b));
        spectrogram.windowSizeProperty().addListener(o -> computeDisplaySpectrum());
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {shown, doc.inputProperty(),
            doc.results().selectedProperty(), doc.results().items()}) {
            o.addListener(x -> updateShownSignal());
        }
        doc.results().items().addListener((javafx.beans.InvalidationListener) x -> updateShownChoices());
        shownSignal.addListener(o -> computeDisplaySpectrum());
    }

    /** Everything on the calling thread, a silent transport and throw-away preferences: for tests. */
    public static WorkbenchViewModel forTests(Transport transport) {
        return new WorkbenchViewModel(JobService.callingThread(), Runnable::run, Runnable::run, Debouncer.immediate(),
                transport, WorkbenchPreferences.scratch());
    }

    // ---- opening -------------------------------------------------------------------------------------------

    /**
     * Reads a recording (and {@code STEM.clean.wav} beside a {@code STEM.noisy.wav}) in the background; a
     * {@code NAME.ncw-session.json} opens that session instead.
     */
    public void open(Path file) {
        if (SessionController.isSessionFile(file)) {
            sessions.open(file);
        } else {
            loader.open(file);
        }
    }

    /** Saves the session (recording, reference, experiment, view) to {@code file}. */
    public void saveSession(Path file, Consumer<Path> done) {
        sessions.save(file, done);
    }

    public SessionController sessions() {
        return sessions;
    }

    /** Loads a clean reference so the results show SI-SDR / STOI, and reruns. */
    public void openReference(Path file) {
        loader.openReference(file, analysis::run);
    }

    public void openBundledSample() {
        loader.openBundledSample();
    }

    /** Opens a signal made in memory (no file, no reference). */
    public void setInput(Signal signal, String name) {
        doc.referenceProperty().set(null);
        doc.referencePathProperty().set(null);
        loader.setInput(signal, name, null);
        inputOpened();
    }

    private void inputOpened() {
        Signal signal = doc.inputProperty().get();
        playback.pause();
        viewport.reset(signal.durationSeconds());
        playback.seek(0);
        computeDisplaySpectrum();
        doc.results().setAll(List.of(new Output("Original", Output.Kind.ORIGINAL, signal, "input recording", 0,
                Double.NaN, Double.NaN)));
        history.clear();
        analysis.run();
    }

    /** Applies parameters (undoably) and runs them; runs again when they are the current ones. */
    private void applyAndRun(ParameterSet p) {
        if (p.equals(params.parametersProperty().get())) {
            analysis.run();
        } else {
            params.load(p);
        }
    }

    /**
     * Exports runs of the history into {@code folder} (see {@link org.ncw.ui.export.RunsExport}); runs whose
     * results are no longer in memory are recomputed first.
     */
    public void exportRuns(List<org.ncw.ui.history.HistoryEntry> runs, Path folder, Consumer<List<Path>> done) {
        prefs.setLastFolder(folder);
        List<org.ncw.ui.export.RunsExport.Item> items = new java.util.ArrayList<>();
        Path input = doc.inputPathProperty().get();
        Path ref = doc.referencePathProperty().get();
        String name = doc.inputNameProperty().get();
        boolean f32 = export.float32Property().get();
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            if (items.size() < runs.size()) {
                org.ncw.ui.history.HistoryEntry e = runs.get(items.size());
                history.results(e, r -> {
                    items.add(new org.ncw.ui.export.RunsExport.Item(e, r));
                    next[0].run();
                }, err -> doc.fail("Cannot export run #" + e.id(), err));
                return;
            }
            doc.statusProperty().set("Exporting " + runs.size() + " runs to " + folder + " …");
            jobs.submit("export runs", m -> {
                try {
                    return org.ncw.ui.export.RunsExport.write(folder, items, f32, ExportController.appVersion(),
                            input, ref, name, m);
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex.getMessage(), ex);
                }
            }, files -> {
                doc.statusProperty().set("Exported " + runs.size() + " runs (" + files.size() + " files) to "
                        + folder);
                done.accept(files);
            }, err -> doc.fail("Export failed", err), () -> doc.statusProperty().set("Export cancelled"));
        };
        next[0].run();
    }

    public org.ncw.ui.leaderboard.LeaderboardViewModel leaderboard() {
        return leaderboard;
    }

    /** The file the history's runs are of: the recording's path (its name for a signal made in memory). */
    private String runFile() {
        Path p = doc.inputPathProperty().get();
        return p != null ? p.toAbsolutePath().normalize().toString() : doc.inputNameProperty().get();
    }

    /** Recomputes a run that is no longer in memory, through the same stage-cached session as every run. */
    private void recompute(ParameterSet p, Consumer<AnalysisResult> done, Consumer<Throwable> failed) {
        Signal in = doc.inputProperty().get();
        Signal ref = doc.referenceProperty().get();
        if (in == null) {
            failed.accept(new IllegalStateException("no recording open"));
            return;
        }
        jobs.submit("recompute run", m -> engine.run(in, ref, p, m), done::accept, failed::accept,
                () -> failed.accept(new IllegalStateException("cancelled")));
    }

    /**
     * For a file of several channels: analyse its mix-down ({@link WorkbenchDocument#MIX_DOWN}) or one channel
     * (1..channels). The results are recomputed for the new input; the view (zoom, selection) stays.
     */
    public void selectChannel(int choice) {
        Signal s = doc.channelSignal(choice);
        if (s == null || choice == doc.channelProperty().get() || doc.inputProperty().get() == null) {
            return;
        }
        playback.pause();
        doc.channelProperty().set(choice);
        doc.runs().clear();
        history.clear();
        doc.labelsProperty().set(null);
        doc.lastResultProperty().set(null);
        doc.inputProperty().set(s);
        computeDisplaySpectrum();
        doc.results().setAll(List.of(new Output("Original", Output.Kind.ORIGINAL, s, choice == WorkbenchDocument.MIX_DOWN
                ? "input recording" : "input recording, channel " + choice, 0, Double.NaN, Double.NaN)));
        doc.statusProperty().set(doc.inputNameProperty().get() + ": " + channelText(choice,
                doc.inputChannelsProperty().get()));
        analysis.run();
    }

    /** "mix-down of 4 channels" / "channel 2 of 4". */
    public static String channelText(int choice, int channels) {
        return choice == WorkbenchDocument.MIX_DOWN ? "mix-down of " + channels + " channels"
                : "channel " + choice + " of " + channels;
    }

    /** Which signal the waveform and spectrogram show: the input, the heard result, or a result by name. */
    private void updateShownSignal() {
        Signal in = doc.inputProperty().get();
        String choice = shown.get();
        Output heard = doc.results().selectedProperty().get();
        Signal next = in;
        if (SHOW_HEARD.equals(choice)) {
            next = heard == null ? in : heard.signal();
        } else if (!SHOW_INPUT.equals(choice)) {
            next = doc.results().items().stream().filter(o -> o.name().equals(choice)).map(Output::signal)
                    .findFirst().orElse(in);
        }
        if (shownSignal.get() != next) {
            shownSignal.set(next);
        }
    }

    private void updateShownChoices() {
        List<String> names = new java.util.ArrayList<>(List.of(SHOW_INPUT, SHOW_HEARD));
        doc.results().items().stream().map(Output::name).filter(n -> !n.equals("Original")).forEach(names::add);
        if (!names.equals(shownChoices)) {
            String keep = shown.get();
            shownChoices.setAll(names);
            shown.set(names.contains(keep) ? keep : SHOW_INPUT);
        }
    }

    private void computeDisplaySpectrum() {
        Signal s = shownSignal.get();
        if (s == null) {
            return;
        }
        int n = spectrogram.windowSizeProperty().get();
        displaySpectrum.submit(() -> EngineBridge.displaySpectrum(s, n, MAX_DISPLAY_FRAMES),
                spectrogram.spectrumProperty()::set);
    }

    private void showLabels(LabelledGrid l) {
        spectrogram.labelGeometryProperty().set(l == null ? null : l.grid());
        spectrogram.labelsProperty().set(l == null ? null : l.labels());
        scatter.labelsProperty().set(null); // never pair the old labels with the new grid
        scatter.spectrumProperty().set(l == null ? null : l.grid());
        scatter.labelsProperty().set(l == null ? null : l.labels());
    }

    /** The overview of a long recording opened as a span (inactive for a recording opened whole). */
    public org.ncw.ui.overview.OverviewViewModel overview() {
        return loader.overview();
    }

    // ---- parameters file -------------------------------------------------------------------------------------

    /** Writes the parameters file all-or-nothing: a failed write leaves any earlier file as it was. */
    public void saveParameters(Path file) throws IOException {
        org.ncw.engine.io.AtomicFileWriter.writeString(file, org.ncw.engine.io.WriteMode.OVERWRITE,
                org.ncw.engine.io.OutputGuard.none(), params.parametersProperty().get().toJson());
    }

    public void loadParameters(Path file) {
        try {
            params.load(ParameterSet.fromJson(Files.readString(file)));
            doc.statusProperty().set("Parameters loaded from " + file.getFileName());
        } catch (IOException | IllegalArgumentException e) {
            doc.fail("Cannot load parameters from " + file.getFileName(), e);
        }
    }

    // ---- actions -------------------------------------------------------------------------------------------

    public void runAnalysis() {
        analysis.run();
    }

    public void cancel() {
        analysis.cancel();
    }

    public void labelsShown() {
        analysis.labelsShown();
    }

    public void togglePlay() {
        playback.togglePlay();
    }

    public void stop() {
        playback.stop();
    }

    public void seek(double seconds) {
        playback.seek(seconds);
    }

    public void tick() {
        playback.tick();
    }

    public void export(Path folder, Map<String, BufferedImage> views, Consumer<List<Path>> done) {
        prefs.setLastFolder(folder);
        export.export(folder, params.parametersProperty().get(), views, done);
    }

    // ---- parts and properties ------------------------------------------------------------------------------

    /** The display choice ({@link #SHOW_INPUT}, {@link #SHOW_HEARD} or a result's name). */
    public StringProperty shownProperty() {
        return shown;
    }

    public ObservableList<String> shownChoices() {
        return shownChoices;
    }

    /** The signal the waveform and the spectrogram show. */
    public ReadOnlyObjectProperty<Signal> shownSignalProperty() {
        return shownSignal;
    }

    public HistoryViewModel history() {
        return history;
    }

    public CompareViewModel compare() {
        return compare;
    }

    /** The window title: {@code * } first while the session has unsaved changes, then the session's name. */
    public javafx.beans.binding.StringBinding titleBinding() {
        return title;
    }

    public WorkbenchDocument document() {
        return doc;
    }

    public AnalysisController analysis() {
        return analysis;
    }

    public PlaybackController playback() {
        return playback;
    }

    public ExportController exporter() {
        return export;
    }

    public WorkbenchPreferences preferences() {
        return prefs;
    }

    public TimeViewport viewport() {
        return viewport;
    }

    public ParamsViewModel params() {
        return params;
    }

    public ResultsViewModel results() {
        return doc.results();
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

    public Transport player() {
        return playback.transport();
    }

    public ObjectProperty<Signal> inputProperty() {
        return doc.inputProperty();
    }

    public ObjectProperty<Signal> referenceProperty() {
        return doc.referenceProperty();
    }

    public StringProperty inputNameProperty() {
        return doc.inputNameProperty();
    }

    public StringProperty statusProperty() {
        return doc.statusProperty();
    }

    public StringProperty audioStatusProperty() {
        return playback.audioStatusProperty();
    }

    public BooleanProperty runningProperty() {
        return analysis.runningProperty();
    }

    public DoubleProperty elapsedSecondsProperty() {
        return analysis.elapsedSecondsProperty();
    }

    public BooleanProperty levelMatchedProperty() {
        return playback.levelMatchedProperty();
    }

    public BooleanProperty playingProperty() {
        return playback.playingProperty();
    }

    public BooleanProperty loopSelectionProperty() {
        return playback.loopSelectionProperty();
    }

    public BooleanProperty exportFloatProperty() {
        return export.float32Property();
    }

    public ObjectProperty<AnalysisResult> lastResultProperty() {
        return doc.lastResultProperty();
    }

    public DoubleProperty labelLatencySecondsProperty() {
        return analysis.labelLatencySecondsProperty();
    }

    public double runStartedSecondsAgo() {
        return analysis.runStartedSecondsAgo();
    }

    @Override
    public void close() {
        analysis.cancel();
        playback.transport().close();
        service.close();
    }
}
