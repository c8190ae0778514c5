package org.ncw.engine.workbench;

import org.ncw.engine.core.Checks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One finished run of one method on one recording, as a leaderboard row and as the run history keeps it: which
 * settings ran (the whole experiment, so the workbench can load the row as a run), the scores against the clean
 * reference, the time it took and what the clustering looked like. Round-trips through JSON ({@link RunHistory}).
 *
 * @param sweep             the hash of the sweep grid the run belongs to ("" outside a sweep)
 * @param file              the recording: its stem in an evaluation set, or its path
 * @param setting           the setting's id within its sweep (e.g. "s07"; "" outside a sweep)
 * @param values            the values the setting gave the swept fields, in grid order
 * @param method            the method that ran (its registry name)
 * @param experiment        every setting of the run
 * @param siSdr             SI-SDR of the output against the clean reference, dB; NaN without a reference or on failure
 * @param stoi              STOI of the output; NaN without a reference or on failure
 * @param deltaSiSdr        SI-SDR gain over the unprocessed noisy recording, dB; NaN as siSdr
 * @param deltaStoi         STOI gain over the noisy recording; NaN as stoi
 * @param seconds           wall time of the method
 * @param audioSeconds      length of the recording
 * @param problems          clustering problems solved (0 when the method does not cluster)
 * @param degeneratePercent share of the clustering problems whose partition is degenerate, %; NaN when the method
 *                          does not cluster
 * @param effectiveGamma    the rbf gamma that ran; NaN when none did
 * @param summary           the first line the method reported about its run
 * @param warnings          what looked wrong in the run
 * @param error             why the run failed ("" when it did not)
 */
public record RunRecord(String sweep, String file, String setting, Map<String, Object> values, String method,
                        WorkbenchOptions experiment, double siSdr, double stoi, double deltaSiSdr, double deltaStoi,
                        double seconds, double audioSeconds, int problems, double degeneratePercent,
                        double effectiveGamma, String summary, List<String> warnings, String error) {
    public RunRecord {
        sweep = sweep == null ? "" : sweep;
        Checks.notNull("file", file);
        setting = setting == null ? "" : setting;
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        Checks.notNull("method", method);
        Checks.notNull("experiment", experiment);
        summary = summary == null ? "" : summary;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        error = error == null ? "" : error;
    }

    public boolean failed() {
        return !error.isEmpty();
    }

    /** True when the run was scored against a clean reference. */
    public boolean scored() {
        return !Double.isNaN(siSdr);
    }

    /** The same run with other timings (e.g. zero, to compare two runs' results). */
    public RunRecord withSeconds(double s) {
        return new RunRecord(sweep, file, setting, values, method, experiment, siSdr, stoi, deltaSiSdr, deltaStoi, s,
                audioSeconds, problems, degeneratePercent, effectiveGamma, summary, warnings, error);
    }

    /** One line of JSON (the run history's line format). */
    public String toJson() {
        return RunHistory.toLine(this);
    }

    public static RunRecord fromJson(String json) {
        return RunHistory.fromLine(json);
    }
}
