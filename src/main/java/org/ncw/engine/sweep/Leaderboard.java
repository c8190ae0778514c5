package org.ncw.engine.sweep;

import org.ncw.engine.core.Csv;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;
import org.ncw.engine.workbench.RunRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sweep's results: the per-run rows and one summary per setting (means over the files it ran on), ranked by
 * {@link RankBy}. Ties and settings without the ranked figure (every run failed, or no reference to score with)
 * go after the others, in grid order.
 */
public record Leaderboard(String gridHash, RankBy rankBy, List<Entry> ranking, List<RunRecord> rows) {
    /** What the settings are ranked by: mean SI-SDR or STOI (higher first) or mean runtime (lower first). */
    public enum RankBy {
        SI_SDR("si-sdr"), STOI("stoi"), RUNTIME("runtime");

        private final String label;

        RankBy(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static RankBy parse(String s) {
            for (RankBy r : values()) {
                if (r.label.equalsIgnoreCase(s.trim()) || r.name().equalsIgnoreCase(s.trim())) {
                    return r;
                }
            }
            throw new InvalidParameterException("--rank-by must be si-sdr, stoi or runtime, got '" + s + "'");
        }
    }

    /**
     * One setting's means over the runs that succeeded.
     *
     * @param rank              1 = best
     * @param runs              runs that succeeded
     * @param failures          runs that failed ({@code firstError} says why)
     * @param degeneratePercent mean share of degenerate partitions, %; NaN when the method does not cluster
     * @param runsWithWarnings  runs that reported a warning
     */
    public record Entry(int rank, String setting, Map<String, Object> values, String method, int runs, int failures,
                        double siSdr, double stoi, double deltaSiSdr, double deltaStoi, double seconds,
                        double realTimeFactor, double degeneratePercent, int runsWithWarnings, String firstError) {
        double key(RankBy by) {
            return switch (by) {
                case SI_SDR -> siSdr;
                case STOI -> stoi;
                case RUNTIME -> seconds;
            };
        }
    }

    public Leaderboard {
        Checks.notNull("rankBy", rankBy);
        ranking = List.copyOf(ranking);
        rows = List.copyOf(rows);
    }

    /** Summarises the sweep's rows per setting (in the order of {@code settings}) and ranks them. */
    public static Leaderboard of(Sweep.Result result, RankBy by) {
        Map<String, List<RunRecord>> bySetting = new LinkedHashMap<>();
        Map<String, SweepGrid.Setting> settings = new LinkedHashMap<>();
        for (SweepGrid.Setting s : result.settings()) {
            bySetting.put(s.id(), new ArrayList<>());
            settings.put(s.id(), s);
        }
        for (RunRecord r : result.rows()) {
            bySetting.get(r.setting()).add(r);
        }
        List<Entry> entries = new ArrayList<>();
        bySetting.forEach((id, all) -> {
            List<RunRecord> ok = all.stream().filter(r -> !r.failed()).toList();
            SweepGrid.Setting s = settings.get(id);
            String method = all.isEmpty() ? s.method() : all.get(0).method();
            double seconds = mean(ok, RunRecord::seconds);
            double audio = ok.stream().mapToDouble(RunRecord::audioSeconds).sum();
            entries.add(new Entry(0, id, s.values(), method, ok.size(), all.size() - ok.size(),
                    mean(ok, RunRecord::siSdr), mean(ok, RunRecord::stoi), mean(ok, RunRecord::deltaSiSdr),
                    mean(ok, RunRecord::deltaStoi), seconds,
                    audio > 0 ? ok.stream().mapToDouble(RunRecord::seconds).sum() / audio : Double.NaN,
                    mean(ok, RunRecord::degeneratePercent),
                    (int) all.stream().filter(r -> !r.warnings().isEmpty()).count(),
                    all.stream().filter(RunRecord::failed).map(RunRecord::error).findFirst().orElse("")));
        });
        return new Leaderboard(result.gridHash(), by, rank(entries, by), result.rows());
    }

    /** The entries best first by {@code by}; entries without the figure last; ties keep the given order. */
    static List<Entry> rank(List<Entry> entries, RankBy by) {
        Comparator<Entry> ascending = Comparator.comparingDouble(e -> e.key(by));
        Comparator<Entry> byKey = by == RankBy.RUNTIME ? ascending : ascending.reversed();
        Comparator<Entry> missingLast = Comparator.comparing(e -> Double.isNaN(e.key(by)) || e.runs() == 0);
        List<Entry> sorted = entries.stream().sorted(missingLast.thenComparing((a, b) ->
                Double.isNaN(a.key(by)) || Double.isNaN(b.key(by)) ? 0 : byKey.compare(a, b))).toList();
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Entry e = sorted.get(i);
            out.add(new Entry(i + 1, e.setting(), e.values(), e.method(), e.runs(), e.failures(), e.siSdr(),
                    e.stoi(), e.deltaSiSdr(), e.deltaStoi(), e.seconds(), e.realTimeFactor(), e.degeneratePercent(),
                    e.runsWithWarnings(), e.firstError()));
        }
        return out;
    }

    private static double mean(List<RunRecord> rows, java.util.function.ToDoubleFunction<RunRecord> f) {
        double sum = 0;
        int n = 0;
        for (RunRecord r : rows) {
            double v = f.applyAsDouble(r);
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The per-run rows as CSV, header first; the swept fields are columns of their own. */
    public String rowsCsv() {
        List<String> fields = fieldNames();
        StringBuilder sb = new StringBuilder("file,setting,");
        fields.forEach(f -> sb.append(Csv.field(f)).append(','));
        sb.append("method,si_sdr,stoi,delta_si_sdr,delta_stoi,seconds,audio_seconds,problems,degenerate_percent,"
                + "effective_gamma,warnings,error\n");
        for (RunRecord r : rows) {
            sb.append(Csv.field(r.file())).append(',').append(r.setting()).append(',');
            fields.forEach(f -> sb.append(Csv.field(String.valueOf(r.values().getOrDefault(f, "")))).append(','));
            sb.append(Csv.field(r.method())).append(',')
                    .append(num(r.siSdr(), 4)).append(',').append(num(r.stoi(), 5)).append(',')
                    .append(num(r.deltaSiSdr(), 4)).append(',').append(num(r.deltaStoi(), 5)).append(',')
                    .append(num(r.seconds(), 4)).append(',').append(num(r.audioSeconds(), 3)).append(',')
                    .append(r.problems()).append(',').append(num(r.degeneratePercent(), 2)).append(',')
                    .append(num(r.effectiveGamma(), 6)).append(',').append(Csv.field(String.join(" | ", r.warnings())))
                    .append(',').append(Csv.field(r.error())).append('\n');
        }
        return sb.toString();
    }

    /** The ranked per-setting summary as CSV, header first. */
    public String summaryCsv() {
        List<String> fields = fieldNames();
        StringBuilder sb = new StringBuilder("rank,setting,");
        fields.forEach(f -> sb.append(Csv.field(f)).append(','));
        sb.append("method,runs,failures,si_sdr,stoi,delta_si_sdr,delta_stoi,seconds,rtf,degenerate_percent,"
                + "runs_with_warnings,first_error\n");
        for (Entry e : ranking) {
            sb.append(e.rank()).append(',').append(e.setting()).append(',');
            fields.forEach(f -> sb.append(Csv.field(String.valueOf(e.values().getOrDefault(f, "")))).append(','));
            sb.append(Csv.field(e.method())).append(',').append(e.runs()).append(',').append(e.failures()).append(',')
                    .append(num(e.siSdr(), 4)).append(',').append(num(e.stoi(), 5)).append(',')
                    .append(num(e.deltaSiSdr(), 4)).append(',').append(num(e.deltaStoi(), 5)).append(',')
                    .append(num(e.seconds(), 4)).append(',').append(num(e.realTimeFactor(), 5)).append(',')
                    .append(num(e.degeneratePercent(), 2)).append(',').append(e.runsWithWarnings()).append(',')
                    .append(Csv.field(e.firstError())).append('\n');
        }
        return sb.toString();
    }

    /** Everything as one JSON document: grid hash, ranking, rows (with each run's whole experiment). */
    public String toJson(SweepGrid grid) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "ncw-sweep-leaderboard");
        doc.put("grid_hash", gridHash);
        doc.put("rank_by", rankBy.label());
        doc.put("grid", grid.fields());
        doc.put("ranking", ranking);
        doc.put("rows", rows);
        return Json.write(doc);
    }

    private List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        for (Entry e : ranking) {
            e.values().keySet().forEach(k -> {
                if (!names.contains(k)) {
                    names.add(k);
                }
            });
        }
        return names;
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
