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

    /** @param opened called (FX thread) after a new input is in the document */
    public RecordingLoader(WorkbenchDocument doc, FxJobs jobs, WorkbenchPreferences prefs, Consumer<Signal> opened) {
        this.doc = doc;
        this.jobs = jobs;
        this.prefs = prefs;
        this.opened = opened;
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
