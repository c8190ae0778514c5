package org.ncw.ui.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ncw.engine.core.Json;
import org.ncw.engine.workbench.RunRecord;
import org.ncw.engine.workbench.WorkbenchOptions;
import org.ncw.ui.analysis.AnalysisResult;
import org.ncw.ui.analysis.Output;
import org.ncw.ui.analysis.ParamCatalog;
import org.ncw.ui.analysis.ParamSpec;
import org.ncw.ui.analysis.ParameterSet;
import org.ncw.ui.analysis.Stage;

/**
 * The run history of the open recording: every finished run as a {@link HistoryEntry}, newest last; pins (pinned
 * runs survive {@link #clearUnpinned()}), the settings diff of two runs, restoring a run's settings (through the
 * parameter panel, so it is undoable) and the runs' results for comparing and exporting.
 *
 * <p>Memory stays bounded: a run's results (its audio, labels and spectrogram) are kept only for pinned runs and the
 * {@value #KEEP_RECENT} newest ones; any other run's results are recomputed on demand from its experiment through
 * the stage-cached engine session ({@link Recompute}). At most {@value #MAX_ENTRIES} runs are listed (the oldest
 * unpinned ones go first).
 */
public final class HistoryViewModel {
    /** Results kept in memory besides the pinned runs'. */
    public static final int KEEP_RECENT = 2;
    public static final int MAX_ENTRIES = 200;

    /** Recomputes a run's results from its settings (in the background); exactly one of the callbacks runs. */
    @FunctionalInterface
    public interface Recompute {
        void run(ParameterSet parameters, Consumer<AnalysisResult> done, Consumer<Throwable> failed);
    }

    /** One setting that differs between two runs: the panel's key and label (or the experiment's field path). */
    public record Difference(String key, String label, String a, String b) {
    }

    private final ObservableList<HistoryEntry> entries = FXCollections.observableArrayList();
    private final Map<Integer, AnalysisResult> kept = new HashMap<>();
    private final IntegerProperty modifications = new SimpleIntegerProperty();
    private final Consumer<ParameterSet> restorer;
    private final Recompute recompute;
    private final Clock clock;
    private int nextId = 1;
    private int recomputations;

    /**
     * @param restorer  applies a run's settings to the parameter panel (undoably)
     * @param recompute recomputes a run whose results are no longer kept
     */
    public HistoryViewModel(Consumer<ParameterSet> restorer, Recompute recompute, Clock clock) {
        this.restorer = restorer;
        this.recompute = recompute;
        this.clock = clock;
    }

    /** Every run, oldest first. */
    public ObservableList<HistoryEntry> entries() {
        return entries;
    }

    /** Counts changes the session file should hear about (pins, clearing, runs restored); never decreases. */
    public ReadOnlyIntegerProperty modificationsProperty() {
        return modifications;
    }

    /** A finished run of {@code file}: listed, and its results kept (until it is neither pinned nor recent). */
    public HistoryEntry add(AnalysisResult r, String file, double wallSeconds) {
        RunRecord rec = r.record();
        RunRecord named = new RunRecord(rec.sweep(), file == null ? "" : file, rec.setting(), rec.values(),
                rec.method(), rec.experiment(), rec.siSdr(), rec.stoi(), rec.deltaSiSdr(), rec.deltaStoi(),
                rec.seconds(), rec.audioSeconds(), rec.problems(), rec.degeneratePercent(), rec.effectiveGamma(),
                rec.summary(), rec.warnings(), rec.error());
        List<HistoryEntry.Score> scores = r.outputs().stream()
                .map(o -> new HistoryEntry.Score(o.name(), o.siSdr(), o.stoi(), o.runtimeSeconds())).toList();
        Map<String, Double> stages = new LinkedHashMap<>();
        for (Map.Entry<Stage, Double> e : new TreeMap<>(r.stageSeconds()).entrySet()) {
            stages.put(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue());
        }
        HistoryEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        if (last != null && !kept.containsKey(last.id()) && last.run().file().equals(named.file())
                && last.run().experiment().equals(named.experiment())) {
            kept.put(last.id(), r); // the run of a reopened session's last settings: its results are back
            prune();
            return last;
        }
        HistoryEntry e = new HistoryEntry(nextId++, clock.instant(), named, scores, stages, wallSeconds,
                r.labels().speechFraction(), false);
        entries.add(e);
        kept.put(e.id(), r);
        while (entries.size() > MAX_ENTRIES) {
            HistoryEntry oldest = entries.stream().filter(x -> !x.pinned()).findFirst().orElse(null);
            if (oldest == null) {
                break;
            }
            entries.remove(oldest);
        }
        prune();
        return e;
    }

    /**
     * Replaces the history (a reopened session's). Results are kept only for a run already made with the same
     * settings on the same file; the others are recomputed when needed.
     */
    public void setAll(List<HistoryEntry> restored) {
        Map<Integer, AnalysisResult> carry = new HashMap<>();
        for (HistoryEntry old : entries) {
            AnalysisResult r = kept.get(old.id());
            for (int i = restored.size() - 1; r != null && i >= 0; i--) {
                HistoryEntry n = restored.get(i);
                if (n.run().file().equals(old.run().file()) && n.run().experiment().equals(old.run().experiment())) {
                    carry.put(n.id(), r); // a run made meanwhile with the same settings: its results are these
                    break;
                }
            }
        }
        kept.clear();
        kept.putAll(carry);
        entries.setAll(restored);
        nextId = restored.stream().mapToInt(HistoryEntry::id).max().orElse(0) + 1;
        prune();
    }

    /** Forgets every run (another recording was opened). */
    public void clear() {
        kept.clear();
        entries.clear();
        nextId = 1;
    }

    public HistoryEntry byId(int id) {
        return entries.stream().filter(e -> e.id() == id).findFirst().orElse(null);
    }

    public void setPinned(int id, boolean on) {
        for (int i = 0; i < entries.size(); i++) {
            HistoryEntry e = entries.get(i);
            if (e.id() == id && e.pinned() != on) {
                entries.set(i, e.withPinned(on));
                modifications.set(modifications.get() + 1);
                prune();
            }
        }
    }

    public void togglePinned(int id) {
        HistoryEntry e = byId(id);
        if (e != null) {
            setPinned(id, !e.pinned());
        }
    }

    /** Removes every run that is not pinned. */
    public void clearUnpinned() {
        if (entries.removeIf(e -> !e.pinned())) {
            modifications.set(modifications.get() + 1);
        }
        prune();
    }

    /** Applies the run's settings to the parameter panel (undoable; a run follows). */
    public void restore(HistoryEntry e) {
        restorer.accept(e.parameters());
    }

    /** Whether a run's results are in memory (else {@link #results} recomputes them). */
    public boolean resultsKept(int id) {
        return kept.containsKey(id);
    }

    /** How many runs' results had to be recomputed so far. */
    public int recomputations() {
        return recomputations;
    }

    /** The run's results: kept ones at once, else recomputed from its settings in the background. */
    public void results(HistoryEntry e, Consumer<AnalysisResult> done, Consumer<Throwable> failed) {
        AnalysisResult r = kept.get(e.id());
        if (r != null) {
            done.accept(r);
            return;
        }
        recomputations++;
        recompute.run(e.parameters(), done, failed);
    }

    private void prune() {
        List<Integer> keep = new ArrayList<>();
        for (int i = entries.size() - 1, recent = 0; i >= 0; i--) {
            HistoryEntry e = entries.get(i);
            if (e.pinned() || recent++ < KEEP_RECENT) {
                keep.add(e.id());
            }
        }
        kept.keySet().retainAll(keep);
    }

    // ---- diff ----------------------------------------------------------------------------------------------

    /**
     * The settings that differ between two runs: the parameter panel's fields (in the panel's order, with their
     * labels), then — for what no field shows — the experiment file's field paths.
     */
    public static List<Difference> diff(HistoryEntry a, HistoryEntry b) {
        return diff(a.run().experiment(), b.run().experiment());
    }

    public static List<Difference> diff(WorkbenchOptions a, WorkbenchOptions b) {
        List<Difference> out = new ArrayList<>();
        ParameterSet pa = ParameterSet.of(a);
        ParameterSet pb = ParameterSet.of(b);
        for (ParamSpec spec : ParamCatalog.all()) {
            Object va = pa.get(spec.key());
            Object vb = pb.get(spec.key());
            if (!va.equals(vb)) {
                out.add(new Difference(spec.key(), spec.label(), spec.format(va), spec.format(vb)));
            }
        }
        if (out.isEmpty() && !a.equals(b)) {
            Map<String, String> fa = new TreeMap<>();
            Map<String, String> fb = new TreeMap<>();
            flatten("", tree(a), fa);
            flatten("", tree(b), fb);
            java.util.Set<String> keys = new java.util.TreeSet<>(fa.keySet());
            keys.addAll(fb.keySet());
            for (String k : keys) {
                String va = fa.getOrDefault(k, "—");
                String vb = fb.getOrDefault(k, "—");
                if (!va.equals(vb)) {
                    out.add(new Difference(k, k, va, vb));
                }
            }
        }
        return out;
    }

    private static JsonNode tree(WorkbenchOptions o) {
        try {
            return Json.mapper().readTree(o.toJson());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("an experiment's JSON is valid JSON", e);
        }
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else {
            out.put(prefix, n.isTextual() ? n.asText() : n.toString());
        }
    }

    /** The outputs two runs have in common (what A/B between them can play), in the first run's order. */
    public static List<String> commonOutputs(AnalysisResult a, AnalysisResult b) {
        List<String> names = new ArrayList<>();
        for (Output o : a.outputs()) {
            if (b.outputs().stream().anyMatch(x -> x.name().equals(o.name()))) {
                names.add(o.name());
            }
        }
        return names;
    }
}
