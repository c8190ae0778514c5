package org.ncw.ui.leaderboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ncw.engine.sweep.LeaderboardFile;
import org.ncw.engine.workbench.WorkbenchOptions;
import org.ncw.ui.analysis.ParameterSet;
import org.ncw.ui.fx.FxJobs;

/**
 * A sweep's leaderboard opened in the workbench ({@code leaderboard.json}, {@code summary.csv} or {@code
 * leaderboard.csv} of {@code ncw sweep}): its rows, and "Load as run" — the row's settings applied to the open
 * recording (through the parameter panel, undoably) and run, so the run joins the history. A row made on another
 * file still applies; the status line says so.
 */
public final class LeaderboardViewModel {
    private final FxJobs jobs;
    private final Supplier<ParameterSet> current;
    private final Consumer<ParameterSet> apply;
    private final Supplier<Path> recording;
    private final Consumer<String> status;
    private final Consumer<String> errors;
    private final Consumer<String> runNote;
    private final ObservableList<LeaderboardFile.Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final StringProperty summary = new SimpleStringProperty("");

    /**
     * @param current   the panel's parameters (a CSV row without the sweep's grid applies its values to them)
     * @param apply     applies parameters and runs them
     * @param recording the open recording's file (null: none from a file)
     * @param status    the status line
     * @param errors    a file that cannot be read (one line naming it)
     * @param runNote   what a loaded row's run is (shown in the status line, and kept there once it ran)
     */
    public LeaderboardViewModel(FxJobs jobs, Supplier<ParameterSet> current, Consumer<ParameterSet> apply,
                                Supplier<Path> recording, Consumer<String> status, Consumer<String> errors,
                                Consumer<String> runNote) {
        this.runNote = runNote;
        this.jobs = jobs;
        this.current = current;
        this.apply = apply;
        this.recording = recording;
        this.status = status;
        this.errors = errors;
    }

    /** Reads the file in the background; {@code done} runs once its rows are listed. */
    public void open(Path leaderboard, Runnable done) {
        jobs.submit("open leaderboard", m -> {
            try {
                return LeaderboardFile.read(leaderboard);
            } catch (IOException e) {
                throw new UncheckedIOException(leaderboard.getFileName() + ": " + e.getMessage(), e);
            }
        }, list -> {
            rows.setAll(list);
            file.set(leaderboard);
            summary.set(leaderboard.getFileName() + ": " + list.size() + " row" + (list.size() == 1 ? "" : "s"));
            status.accept("Leaderboard " + leaderboard.getFileName() + ": " + list.size() + " rows");
            done.run();
        }, error -> errors.accept("Cannot open the leaderboard " + leaderboard.getFileName() + "\n"
                + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage())), () -> { });
    }

    /** Applies the row's settings to the open recording and runs them; the run joins the history. */
    public void loadAsRun(LeaderboardFile.Row row) {
        WorkbenchOptions base = current.get().toOptions();
        ParameterSet p;
        try {
            p = ParameterSet.of(row.experimentOver(base));
        } catch (IllegalArgumentException e) {
            errors.accept("Cannot load setting " + row.setting() + " as a run\n" + e.getMessage());
            return;
        }
        Path rec = recording.get();
        String name = rec == null ? "the open recording" : rec.getFileName().toString();
        String where = row.files().isEmpty() || ranOn(row, rec) ? ""
                : " — the row was for " + String.join(", ", row.files().stream().limit(3).toList())
                + (row.files().size() > 3 ? ", …" : "") + ", applied to " + name + " anyway";
 runNote.accept("Loaded " + row.setting() + " (rank " + row.rank() + ", " + (row.label().isEmpty() ? "base"
                : row.label()) + ") as a run on " + name + where
                + (row.experiment() == null ? " (swept values over the current settings: no grid.json beside "
                + "the file)" : ""));
        apply.accept(p);
    }

    /** Whether the row's runs include this recording (its path, file name, or its stem in an evaluation set). */
    static boolean ranOn(LeaderboardFile.Row row, Path recording) {
        if (recording == null) {
            return false;
        }
        String fileName = recording.getFileName().toString();
        int dot = fileName.indexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        for (String f : row.files()) {
            if (f.equals(recording.toAbsolutePath().normalize().toString()) || f.equals(stem)
                    || Path.of(f).getFileName() != null && Path.of(f).getFileName().toString().equals(fileName)) {
                return true;
            }
        }
        return false;
    }

    public ObservableList<LeaderboardFile.Row> rows() {
        return rows;
    }

    public List<LeaderboardFile.Row> snapshot() {
        return List.copyOf(rows);
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public StringProperty summaryProperty() {
        return summary;
    }
}
