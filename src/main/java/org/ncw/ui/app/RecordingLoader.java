package org.ncw.ui.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.ncw.engine.core.Signal;
import org.ncw.ui.analysis.EngineBridge;
import org.ncw.ui.analysis.Recording;
import org.ncw.ui.document.WorkbenchDocument;
import org.ncw.ui.fx.FxJobs;
import org.ncw.ui.overview.OverviewViewModel;

/**
 * Opens recordings into the document in the background. A file named {@code STEM.noisy.wav} brings its clean
 * reference {@code STEM.clean.wav} from the same folder when there is one (the layout of the evaluation sets);
 * repairs the reader made (a truncated file) are reported as a warning.
 */
public final class RecordingLoader {
    public static final String SAMPLE = "speech-pink-22k";
    static final String NOISY = ".noisy.wav";
    private static final String CLEAN = ".clean.wav";

    private final WorkbenchDocument doc;
    private final FxJobs jobs;
    private final WorkbenchPreferences prefs;
    private final Consumer<Signal> opened;
    private final OverviewViewModel overview;
    /** Overviews run beside the analysis jobs (one at a time; a newer file's replaces an older one's). */
    private final java.util.concurrent.ExecutorService overviewWorker =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "ncw-overview");
                t.setDaemon(true);
                return t;
            });
    private volatile org.ncw.engine.core.CancellationToken overviewToken;

    /** @param opened called (FX thread) after a new input is in the document */
    public RecordingLoader(WorkbenchDocument doc, FxJobs jobs, WorkbenchPreferences prefs, Consumer<Signal> opened) {
        this.doc = doc;
        this.jobs = jobs;
        this.prefs = prefs;
        this.opened = opened;
        this.overview = new OverviewViewModel();
    }

    public OverviewViewModel overview() {
        return overview;
    }

    /** {@code STEM.clean.wav} beside {@code STEM.noisy.wav}, if the file is named so and the reference exists. */
    public static Path cleanReferenceFor(Path noisy) {
        String name = noisy.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(NOISY)) {
            return null;
        }
        Path clean = noisy.resolveSibling(name.substring(0, name.length() - NOISY.length()) + CLEAN);
        return Files.isRegularFile(clean) ? clean : null;
    }

    /** Reads a recording (and its clean reference, when found); a bad file reports one clear line. */
    public void open(Path file) {
        openPair(file, cleanReferenceFor(file), file.getFileName().toString());
    }

    /**
     * Reads a recording with exactly this clean reference (null: none, whatever lies beside it), as a session
     * saved it; {@code after} runs once the input is in the document and its first run has been started.
     */
    public void openWith(Path file, Path clean, Runnable after) {
        openPair(file, clean, file.getFileName().toString(), after);
    }

    private void openPair(Path file, Path clean, String name) {
        openPair(file, clean, name, () -> { });
    }

    private void openPair(Path file, Path clean, String name, Runnable after) {
        double seconds = EngineBridge.wavSeconds(file);
        // WAV recordings longer than the threshold open as a span with an overview of the whole file, so the
        // memory does not grow with the recording's length
        if (seconds > overview.thresholdSecondsProperty().get()) {
            openLong(file, clean, name, seconds, after);
            return;
        }
        overview.activeProperty().set(false);
        doc.statusProperty().set("Opening " + file.getFileName() + " …");
        jobs.submit("open", m -> new Recording[] {readOrThrow(file), clean == null ? null : readOrThrow(clean)},
                pair -> {
                    setInput(pair[0].signal(), name, file);
                    doc.setChannels(pair[0].signal(), pair[0].perChannel());
                    doc.inputChannelsProperty().set(pair[0].channels());
                    if (pair[0].channels() > 1) {
                        doc.statusProperty().set(doc.statusProperty().get() + ", mix-down of "
                                + pair[0].channels() + " channels");
                    }
                    setReference(pair[1] == null ? null : pair[1].signal(), clean);
                    prefs.recentFiles().add(file);
                    warnAboutRepairs(file, pair[0]);
                    if (pair[1] != null) {
                        warnAboutRepairs(clean, pair[1]);
                    }
                    opened.accept(pair[0].signal());
                    after.run();
                }, error -> doc.fail("Cannot open " + file.getFileName(), error),
                () -> doc.statusProperty().set("Open cancelled"));
    }

    /**
     * A long recording: its first span goes into the document as the input (and the same span of the clean
     * reference), while the whole file's overview is computed beside it; picking a span on the overview loads it.
     */
    private void openLong(Path file, Path clean, String name, double seconds, Runnable after) {
        overview.activeProperty().set(true);
        overview.durationSecondsProperty().set(seconds);
        overview.overviewProperty().set(null);
        overview.setOnPick(start -> openSpan(file, clean, name, start, () -> { }));
        org.ncw.engine.core.CancellationToken old = overviewToken;
        if (old != null) {
            old.cancel();
        }
        org.ncw.engine.core.CancellationToken token = new org.ncw.engine.core.CancellationToken();
        overviewToken = token;
        overviewWorker.submit(() -> {
            try {
                org.ncw.engine.audio.RecordingOverview o = EngineBridge.overview(file, OVERVIEW_COLUMNS,
                        OVERVIEW_ROWS, token);
                jobs.callbacks().execute(() -> {
                    if (overviewToken == token) {
                        overview.overviewProperty().set(o);
                    }
                });
            } catch (IOException | RuntimeException e) {
                if (!token.isCancelled()) {
                    jobs.callbacks().execute(() -> doc.warn("Overview of " + file.getFileName() + ": "
                            + e.getMessage()));
                }
            }
        });
        prefs.recentFiles().add(file);
        openSpan(file, clean, name, 0, after);
    }

    /** Reads one span of a long recording (and of its reference) into the document and starts its run. */
    private void openSpan(Path file, Path clean, String name, double start, Runnable after) {
        double span = Math.min(overview.spanSecondsProperty().get(), overview.durationSecondsProperty().get());
        String label = OverviewViewModel.spanLabel(start, span);
        doc.statusProperty().set("Opening " + file.getFileName() + " " + label + " …");
        jobs.submit("open span", m -> new Signal[] {readSpan(file, start, span),
                clean == null ? null : readSpan(clean, start, span)}, pair -> {
                    overview.spanStartProperty().set(start);
                    setInput(pair[0], name + " [" + label + "]", file);
                    setReference(pair[1], clean);
                    doc.statusProperty().set("long recording " + OverviewViewModel.clock(
                            overview.durationSecondsProperty().get()) + " — analysing " + label + " of "
                            + file.getFileName());
                    opened.accept(pair[0]);
                    after.run();
                }, error -> doc.fail("Cannot open " + file.getFileName() + " " + label, error),
                () -> doc.statusProperty().set("Open cancelled"));
    }

    private static Signal readSpan(Path file, double start, double seconds) {
        try {
            return EngineBridge.readSpan(file, start, seconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static final int OVERVIEW_COLUMNS = 2000;
    private static final int OVERVIEW_ROWS = 96;

    /** Loads a clean reference so the results show SI-SDR / STOI. */
    public void openReference(Path file, Runnable loaded) {
        jobs.submit("reference", m -> readOrThrow(file), rec -> {
            setReference(rec.signal(), file);
            doc.statusProperty().set("Clean reference: " + file.getFileName());
            warnAboutRepairs(file, rec);
            loaded.run();
        }, error -> doc.fail("Cannot open reference " + file.getFileName(), error), () -> { });
    }

    /**
     * Opens the bundled 11.4 s sample (noisy recording + its clean reference) from the samples folder: the
     * {@code ncw.samples} system property (set by the jlink launchers), else {@code ./samples}, else next to
     * the running jar (see {@link #samplesCandidates}).
     */
    public void openBundledSample() {
        Path dir = samplesFolder();
        Path noisy = dir.resolve(SAMPLE + NOISY);
        if (!Files.isRegularFile(noisy)) {
            doc.statusProperty().set("No sample found in " + dir.toAbsolutePath()
                    + " — open a recording (File > Open)");
            return;
        }
        openPair(noisy, cleanReferenceFor(noisy), noisy.getFileName() + " (sample)");
    }

    /** Puts a signal made in memory (or read elsewhere) into the document. */
    public void setInput(Signal signal, String name, Path file) {
        doc.channelProperty().set(WorkbenchDocument.MIX_DOWN);
        doc.setChannels(signal, List.of());
        doc.inputPathProperty().set(file);
        doc.inputNameProperty().set(name);
        doc.runs().clear();
        doc.labelsProperty().set(null);
        doc.lastResultProperty().set(null);
        doc.inputProperty().set(signal);
        doc.statusProperty().set(String.format(Locale.ROOT, "%s — %.1f s at %d Hz", name, signal.durationSeconds(),
                signal.sampleRate()));
    }

    private void setReference(Signal signal, Path file) {
        doc.referencePathProperty().set(signal == null ? null : file);
        doc.referenceProperty().set(signal);
    }

    private void warnAboutRepairs(Path file, Recording r) {
        if (!r.notes().isEmpty()) {
            doc.warn(file.getFileName() + ": " + String.join("; ", r.notes()) + String.format(Locale.ROOT,
                    " — opened %.2f s", r.signal().durationSeconds()));
        }
    }

    private static Recording readOrThrow(Path file) {
        try {
            return EngineBridge.readRecording(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    static Path samplesFolder() {
        String prop = System.getProperty("ncw.samples");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        return samplesCandidates(codeLocation()).stream()
                .filter(d -> Files.isRegularFile(d.resolve(SAMPLE + NOISY))).findFirst()
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
            java.security.CodeSource source = RecordingLoader.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }
}
