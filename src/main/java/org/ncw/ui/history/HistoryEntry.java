package org.ncw.ui.history;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ncw.engine.workbench.RunRecord;
import org.ncw.ui.analysis.ParamCatalog;
import org.ncw.ui.analysis.ParamSpec;
import org.ncw.ui.analysis.ParameterSet;

/**
 * One finished workbench run as the history keeps it: the engine's {@link RunRecord} (the whole experiment, the
 * clustered speech's scores, the clustering's diagnostics), every result's scores and runtime, the seconds each
 * recomputed stage took, the run's wall time, when it finished and whether it is pinned. No audio: that is kept
 * for a few runs only and otherwise recomputed from the experiment ({@link HistoryViewModel}).
 *
 * @param id       number of the run in this history (1, 2, ...), stable across save and reopen
 * @param when     when the run finished
 * @param run      the run (its {@code experiment} is every setting)
 * @param outputs  each result's name, scores and runtime, in the results list's order
 * @param stages   seconds per recomputed stage (lower-case stage names)
 * @param seconds  wall time of the run
 * @param pinned   kept by "Clear unpinned"
 */
public record HistoryEntry(int id, Instant when, RunRecord run, List<Score> outputs, Map<String, Double> stages,
                           double seconds, double speechFraction, boolean pinned) {
    /** One result of the run. */
    public record Score(String name, double siSdr, double stoi, double seconds) {
    }

    public HistoryEntry {
        outputs = List.copyOf(outputs);
        stages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stages));
    }

    public HistoryEntry withPinned(boolean on) {
        return new HistoryEntry(id, when, run, outputs, stages, seconds, speechFraction, on);
    }

    /** The fields of the parameter panel for this run's experiment. */
    public ParameterSet parameters() {
        return ParameterSet.of(run.experiment());
    }

    /** True when the clustering's partitions were mostly degenerate or it warned. */
    public boolean degenerate() {
        return run.degeneratePercent() > 50 || !run.warnings().isEmpty();
    }

    /** A result's scores by name; null when the run has no such result. */
    public Score output(String name) {
        return outputs.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** The settings that differ from the defaults, as "key=value, ..." (the panel's keys). */
    public String settingsSummary() {
        ParameterSet p = parameters();
        ParameterSet d = ParamCatalog.defaults();
        StringBuilder sb = new StringBuilder();
        for (ParamSpec spec : ParamCatalog.all()) {
            Object v = p.get(spec.key());
            if (!v.equals(d.get(spec.key()))) {
                sb.append(sb.length() == 0 ? "" : ", ").append(spec.key()).append('=').append(spec.format(v));
            }
        }
        return sb.length() == 0 ? "defaults" : sb.toString();
    }

    /**
     * The key scores: the clustered speech's SI-SDR and STOI (what the clustering settings change) and the
     * best-scoring result; "not scored" without a clean reference.
     */
    public String scoreSummary() {
        Score best = null;
        for (Score s : outputs) {
            if (!s.name().equals("Original") && Double.isFinite(s.siSdr()) && (best == null || s.siSdr() > best.siSdr())) {
                best = s;
            }
        }
        if (best == null) {
            return "not scored";
        }
        Score speech = output("Speech");
        String clustered = speech == null || !Double.isFinite(speech.siSdr()) ? ""
                : String.format(Locale.ROOT, "Speech %.1f dB · %.2f", speech.siSdr(), speech.stoi());
        return best == speech ? clustered + " (best)" : clustered + (clustered.isEmpty() ? "" : " · ")
                + String.format(Locale.ROOT, "best %.1f %s", best.siSdr(), best.name());
    }
}
