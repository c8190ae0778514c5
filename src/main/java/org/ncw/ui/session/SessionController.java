package org.ncw.ui.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import org.ncw.engine.core.Signal;
import org.ncw.ui.analysis.Output;
import org.ncw.ui.analysis.ParameterSet;
import org.ncw.ui.document.WorkbenchDocument;
import org.ncw.ui.export.ExportManifest;
import org.ncw.ui.fx.FxJobs;
import org.ncw.ui.history.HistoryEntry;
import org.ncw.ui.history.HistoryViewModel;
import org.ncw.ui.params.ParamsViewModel;
import org.ncw.ui.results.ResultsViewModel;
import org.ncw.ui.scatter.ScatterViewModel;
import org.ncw.ui.spectrogram.ColorMap;
import org.ncw.ui.spectrogram.SpectrogramViewModel;
import org.ncw.ui.timeline.TimeViewport;

/**
 * Saves the workbench's state as a {@link SessionFile} and opens one again. Hashing and writing run as a job;
 * opening checks that the recording is where it was (else next to the session file, at its relative path) and
 * unchanged (SHA-256): a missing or changed recording is a {@link Problem} the window turns into one line with
 * <i>Locate…</i> (and, when it only changed, <i>Open anyway</i>). The experiment is loaded (undoably) before the
 * recording opens; heard result, A/B partner and shown signal are restored as soon as the first run lists them.
 */
public final class SessionController {
    /** Opens a recording with the given clean reference (null: none); {@code opened} runs once it is in. */
    @FunctionalInterface
    public interface Opener {
        void open(Path recording, Path reference, Runnable opened);
    }

    /** What the session touches besides the document. */
    public record Parts(WorkbenchDocument doc, ParamsViewModel params, TimeViewport viewport,
                        SpectrogramViewModel spectrogram, ScatterViewModel scatter, StringProperty shown,
                        BooleanProperty levelMatched, DoubleConsumer seek, Opener opener,
                        Consumer<Path> remember, java.util.function.IntConsumer selectChannel,
                        HistoryViewModel history) {
    }

    /** What the user answers when unsaved changes would be lost. */
    public enum Answer { SAVE, DISCARD, CANCEL }

    /**
     * Asks whether to save unsaved changes before {@code action} (e.g. "closing"); the window shows a dialog,
     * tests answer directly.
     */
    @FunctionalInterface
    public interface SaveQuestion {
        Answer ask(String message);
    }

    /** A session whose recording cannot be opened as saved. */
    public record Problem(Kind kind, String message, Path session, SessionFile file, Path candidate) {
        public enum Kind { MISSING, CHANGED }
    }

    private final Parts p;
    private final FxJobs jobs;
    private final ReadOnlyObjectWrapper<Path> sessionFile = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyBooleanWrapper dirty = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private Consumer<Problem> problems = pr -> { };
    private boolean applying;

    public SessionController(Parts parts, FxJobs jobs) {
        this.p = parts;
        this.jobs = jobs;
        p.doc().inputPathProperty().addListener((o, a, b) -> {
            if (b == null || !b.equals(openingRecording)) {
                sessionFile.set(null); // another recording: Save asks for a new session file
                dirty.set(false);
            }
        });
        p.params().parametersProperty().addListener(o -> changed());
        p.history().modificationsProperty().addListener(o -> changed());
    }

    private void changed() {
        if (!applying && p.doc().inputPathProperty().get() != null) {
            dirty.set(true);
        }
    }

    /**
     * True when the settings or the history's pins changed since the session was last saved or opened (the window
     * title shows a {@code *}); only for a recording opened from a file, which is what a session can save.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /**
     * Before {@code action} would drop unsaved changes: asks {@code question}; runs {@code proceed} at once when
     * nothing is unsaved or the answer is discard, after a successful save for save (via {@code save}, which gets
     * the continuation), never for cancel. Returns false when cancelled.
     */
    public boolean confirmDiscard(String action, SaveQuestion question, Consumer<Runnable> save, Runnable proceed) {
        if (!dirty.get()) {
            proceed.run();
            return true;
        }
        String name = sessionFile.get() != null ? sessionFile.get().getFileName().toString()
                : p.doc().inputNameProperty().get();
        Answer a = question.ask("Save the changes to " + name + " before " + action + "?");
        switch (a) {
            case SAVE -> save.accept(proceed);
            case DISCARD -> proceed.run();
            default -> {
                return false;
            }
        }
        return true;
    }

    private Path openingRecording;

    /** The session file last saved or opened (what Save writes); null before either. */
    public ReadOnlyObjectProperty<Path> sessionFileProperty() {
        return sessionFile.getReadOnlyProperty();
    }

    /** Where a missing or changed recording is reported (the window asks the user to locate it). */
    public void setProblemSink(Consumer<Problem> sink) {
        problems = sink;
    }

    public static boolean isSessionFile(Path file) {
        return file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(SessionFile.SUFFIX);
    }

    /** {@code name} with the session suffix, if it does not have it (a save dialog's answer). */
    public static Path withSuffix(Path file) {
        if (isSessionFile(file)) {
            return file;
        }
        String n = file.getFileName().toString();
        String stem = n.toLowerCase(Locale.ROOT).endsWith(".json") ? n.substring(0, n.length() - 5) : n;
        return file.resolveSibling(stem + SessionFile.SUFFIX);
    }

    /** A name for a new session: the recording's stem. */
    public String suggestedName() {
        String n = p.doc().inputNameProperty().get();
        Path in = p.doc().inputPathProperty().get();
        String base = in != null ? in.getFileName().toString() : n == null || n.isBlank() ? "session" : n;
        int dot = base.indexOf('.');
        return (dot > 0 ? base.substring(0, dot) : base) + SessionFile.SUFFIX;
    }

    // ---- saving --------------------------------------------------------------------------------------------

    /** Saves to {@code target} (the session suffix added when missing); {@code done} gets the file written. */
    public void save(Path target, Consumer<Path> done) {
        Path file = withSuffix(target.toAbsolutePath().normalize());
        WorkbenchDocument doc = p.doc();
        Path recording = doc.inputPathProperty().get();
        Signal input = doc.inputProperty().get();
        if (recording == null || input == null) {
            doc.fail("Cannot save the session " + file.getFileName(),
                    new IllegalStateException("no recording opened from a file (open one with File > Open)"));
            return;
        }
        Path reference = doc.referencePathProperty().get();
        SessionFile.ViewState view = captureView();
        ParameterSet experiment = p.params().parametersProperty().get();
        List<HistoryEntry> history = List.copyOf(p.history().entries());
        int rate = input.sampleRate();
        int channels = doc.inputChannelsProperty().get();
        int channel = doc.channelProperty().get();
        double seconds = input.durationSeconds();
        doc.statusProperty().set("Saving session " + file.getFileName() + " …");
        jobs.submit("save session", m -> {
            try {
                m.stage("hash recording");
                SessionFile.FileRef rec = new SessionFile.FileRef(abs(recording), relative(file, recording),
                        ExportManifest.sha256(recording), rate, channels, seconds, channel);
                SessionFile.FileRef ref = reference == null ? null : new SessionFile.FileRef(abs(reference),
                        relative(file, reference), Files.isRegularFile(reference)
                        ? ExportManifest.sha256(reference) : null, 0, 0, Double.NaN, 0);
                SessionFile s = new SessionFile(rec, ref, experiment, view, history);
                m.stage("write session");
                s.write(file);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }, f -> {
            sessionFile.set(f);
            dirty.set(false);
            p.remember().accept(f);
            doc.statusProperty().set("Session saved to " + f.getFileName());
            done.accept(f);
        }, error -> doc.fail("Cannot save the session " + file.getFileName(), error),
                () -> doc.statusProperty().set("Saving the session cancelled"));
    }

    /** What the window shows now, as the session stores it. */
    public SessionFile.ViewState captureView() {
        ResultsViewModel results = p.doc().results();
        Output heard = results.selectedProperty().get();
        String compared = results.abPair().stream().filter(o -> o != heard).map(Output::name).findFirst()
                .orElse(null);
        TimeViewport v = p.viewport();
        SpectrogramViewModel s = p.spectrogram();
        double top = 0.0 - s.gainDbProperty().get(); // 0 dB, not -0 dB, in the file
        return new SessionFile.ViewState(heard == null ? null : heard.name(), compared, p.shown().get(), v.start(),
                v.end(), v.hasSelection() ? v.selectionStartProperty().get() : Double.NaN,
                v.hasSelection() ? v.selectionEndProperty().get() : Double.NaN, v.playheadProperty().get(),
                top - s.rangeDbProperty().get(), top, s.logFrequencyProperty().get(), s.windowSizeProperty().get(),
                s.colorMapProperty().get().name().toLowerCase(Locale.ROOT), s.overlayVisibleProperty().get(),
                s.overlayOpacityProperty().get(),
                p.scatter().coloringProperty().get().name().toLowerCase(Locale.ROOT), p.levelMatched().get(),
                s.freqLowHzProperty().get(), s.freqHighHzProperty().get());
    }

    private static String abs(Path f) {
        return f.toAbsolutePath().normalize().toString();
    }

    private static String relative(Path session, Path f) {
        try {
            Path dir = session.toAbsolutePath().getParent();
            return dir == null ? null : dir.relativize(f.toAbsolutePath().normalize()).toString()
                    .replace(java.io.File.separatorChar, '/');
        } catch (IllegalArgumentException differentRoots) {
            return null;
        }
    }

    // ---- opening -------------------------------------------------------------------------------------------

    /** Where a saved file is now: its path, else its relative path from the session's folder; null: neither. */
    static Path locate(Path session, SessionFile.FileRef ref) {
        Path abs = Path.of(ref.path());
        if (Files.isRegularFile(abs)) {
            return abs;
        }
        Path dir = session.toAbsolutePath().getParent();
        if (ref.relativePath() != null && dir != null) {
            Path rel = dir.resolve(ref.relativePath()).normalize();
            if (Files.isRegularFile(rel)) {
                return rel;
            }
        }
        return null;
    }

    private record Checked(SessionFile file, Path recording, boolean recordingSame, Path reference,
                           boolean referenceSame) {
    }

    /** Reads a session file in the background and opens what it describes (or reports a problem). */
    public void open(Path session) {
        WorkbenchDocument doc = p.doc();
        String name = session.getFileName().toString();
        doc.statusProperty().set("Opening session " + name + " …");
        jobs.submit("open session", m -> {
            try {
                SessionFile s = SessionFile.read(session);
                Path rec = locate(session, s.recording());
                boolean same = rec != null && s.recording().sha256().equalsIgnoreCase(ExportManifest.sha256(rec));
                Path ref = s.cleanReference() == null ? null : locate(session, s.cleanReference());
                boolean refSame = ref != null && (s.cleanReference().sha256() == null
                        || s.cleanReference().sha256().equalsIgnoreCase(ExportManifest.sha256(ref)));
                return new Checked(s, rec, same, ref, refSame);
            } catch (IOException e) {
                throw new UncheckedIOException(name + ": " + e.getMessage(), e);
            }
        }, c -> {
            if (c.recording() == null) {
                report(new Problem(Problem.Kind.MISSING, name + ": the recording " + c.file().recording().path()
                        + " is missing (moved or deleted?) — locate it", session, c.file(), null));
            } else if (!c.recordingSame()) {
                report(new Problem(Problem.Kind.CHANGED, name + ": the recording " + c.recording().getFileName()
                        + " has changed since the session was saved (SHA-256 differs) — locate the saved one or"
                        + " open it anyway", session, c.file(), c.recording()));
            } else {
                apply(session, c.file(), c.recording(), c.reference(), c.referenceSame());
            }
        }, error -> doc.fail("Cannot open the session " + name, error),
                () -> doc.statusProperty().set("Opening the session cancelled"));
    }

    private void report(Problem problem) {
        p.doc().statusProperty().set(problem.message());
        problems.accept(problem);
    }

    /** The user picked where the recording is now: checked against the saved hash like the original path. */
    public void locate(Problem problem, Path recording) {
        String name = problem.session().getFileName().toString();
        jobs.submit("check recording", m -> {
            try {
                return problem.file().recording().sha256().equalsIgnoreCase(ExportManifest.sha256(recording));
            } catch (IOException e) {
                throw new UncheckedIOException(recording.getFileName() + ": " + e.getMessage(), e);
            }
        }, same -> {
            if (same) {
                openReference(problem, recording);
            } else {
                report(new Problem(Problem.Kind.CHANGED, name + ": " + recording.getFileName()
                        + " is not the recording the session was saved with (SHA-256 differs) — locate another or"
                        + " open it anyway", problem.session(), problem.file(), recording));
            }
        }, error -> p.doc().fail("Cannot check " + recording.getFileName(), error), () -> { });
    }

    /** Opens the session on a recording whose content differs from the saved one (scores and labels will too). */
    public void openAnyway(Problem problem) {
        if (problem.candidate() == null) {
            throw new IllegalArgumentException("no recording to open for " + problem.session().getFileName());
        }
        p.doc().warn(problem.session().getFileName() + ": opened " + problem.candidate().getFileName()
                + ", which differs from the recording the session was saved with");
        openReference(problem, problem.candidate());
    }

    private void openReference(Problem problem, Path recording) {
        SessionFile s = problem.file();
        Path ref = s.cleanReference() == null ? null : locate(problem.session(), s.cleanReference());
        apply(problem.session(), s, recording, ref, true);
    }

    private void apply(Path session, SessionFile s, Path recording, Path reference, boolean referenceSame) {
        String name = session.getFileName().toString();
        if (s.cleanReference() != null && reference == null) {
            p.doc().warn(name + ": the clean reference " + s.cleanReference().path()
                    + " is missing — opened without it (no scores)");
        } else if (reference != null && !referenceSame) {
            p.doc().warn(name + ": the clean reference " + reference.getFileName()
                    + " has changed since the session was saved (SHA-256 differs) — scores use the changed file");
        }
        applying = true;
        p.params().load(s.experiment());
        applying = false;
        SessionFile.ViewState view = s.view();
        openingRecording = recording;
        p.opener().open(recording, reference, () -> {
            openingRecording = null;
            sessionFile.set(session.toAbsolutePath().normalize());
            p.remember().accept(session);
            if (s.recording().channel() > 0) {
                p.selectChannel().accept(s.recording().channel());
            }
            if (view != null) {
                applyView(view);
            }
            p.history().setAll(s.history());
            dirty.set(false);
            p.doc().statusProperty().set("Session " + name + ": " + recording.getFileName()
                    + (reference == null ? ", no clean reference" : " with " + reference.getFileName()));
        });
    }

    private void applyView(SessionFile.ViewState v) {
        TimeViewport t = p.viewport();
        if (Double.isFinite(v.timeStart()) && Double.isFinite(v.timeEnd())) {
            t.setWindow(v.timeStart(), v.timeEnd());
        }
        if (Double.isFinite(v.selectionStart()) && Double.isFinite(v.selectionEnd())) {
            t.select(v.selectionStart(), v.selectionEnd());
        }
        p.seek().accept(Math.max(0, Math.min(t.duration(), v.playhead())));
        SpectrogramViewModel s = p.spectrogram();
        s.gainDbProperty().set(-v.dbTop());
        s.rangeDbProperty().set(Math.max(1, v.dbTop() - v.dbFloor()));
        s.logFrequencyProperty().set(v.logFrequency());
        s.freqLowHzProperty().set(Math.max(0, v.freqLow()));
        s.freqHighHzProperty().set(v.freqHigh() > v.freqLow() ? v.freqHigh() : Double.POSITIVE_INFINITY);
        s.windowSizeProperty().set(v.windowSize());
        s.overlayVisibleProperty().set(v.overlay());
        if (Double.isFinite(v.overlayOpacity())) {
            s.overlayOpacityProperty().set(v.overlayOpacity());
        }
        if (v.colorMap() != null) {
            s.colorMapProperty().set(ColorMap.Named.valueOf(v.colorMap().toUpperCase(Locale.ROOT)));
        }
        if (v.scatterColoring() != null) {
            p.scatter().coloringProperty().set(ScatterViewModel.Coloring.valueOf(
                    v.scatterColoring().toUpperCase(Locale.ROOT)));
        }
        p.levelMatched().set(v.levelMatched());
        // the results appear with the run: heard result, A/B partner and shown signal once they are listed
        p.doc().results().restoreSelection(v.heard(), v.compared(), () -> {
            if (v.shown() != null) {
                p.shown().set(v.shown());
            }
        });
    }
}
