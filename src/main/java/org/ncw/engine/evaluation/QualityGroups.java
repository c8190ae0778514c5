package org.ncw.engine.evaluation;

import org.ncw.engine.core.Csv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Mean improvements per group, the benchmark's methods beside the set's reference peers (when it has
 * {@code reference_scores.json}): overall ({@code kind} "all"), per noise category ("category") and per mixing SNR
 * ("snr"). Our methods have no PESQ (the project does not compute it: NaN); peers have ESTOI only if the file does.
 */
public final class QualityGroups {
    private QualityGroups() {
    }

    /** One method's (or peer's, {@code reference}) mean deltas over one group. */
    public record Mean(String kind, String group, String method, boolean reference, int count, double deltaSiSdr,
                       double deltaStoi, double deltaEstoi, double deltaPesq) {
    }

    /** The three kinds of group, each group with our methods first and then the peers. */
    public static List<Mean> of(QualityBenchmark.Result result, EvaluationSet set,
                                Optional<ReferenceScores> reference) {
        List<Mean> out = new ArrayList<>();
        add(out, "all", result.overall(), reference.map(r -> r.overall(set)).orElse(List.of()));
        add(out, "category", result.perCategory(), reference.map(r -> r.perCategory(set)).orElse(List.of()));
        add(out, "snr", result.perSnr(), reference.map(r -> r.perSnr(set)).orElse(List.of()));
        return out;
    }

    private static void add(List<Mean> out, String kind, List<QualityBenchmark.Summary> ours,
                            List<ReferenceScores.Summary> peers) {
        Map<String, List<Mean>> byGroup = new TreeMap<>(QualityBenchmark::compareGroups);
        for (QualityBenchmark.Summary s : ours) {
            byGroup.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(new Mean(kind, s.group(), s.method(), false,
                    s.count(), s.deltaSiSdr(), s.deltaStoi(), s.deltaEstoi(), Double.NaN));
        }
        for (ReferenceScores.Summary p : peers) {
            if (p.count() > 0) {
                byGroup.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(new Mean(kind, p.group(), p.method(),
                        true, p.count(), p.deltaSiSdr(), p.deltaStoi(), p.deltaEstoi(), p.deltaPesq()));
            }
        }
        byGroup.values().forEach(out::addAll);
    }

    /** The means as CSV: {@code kind, group, method, reference, n, delta_si_sdr, delta_stoi, delta_estoi, delta_pesq}. */
    public static String toCsv(List<Mean> means) {
        StringBuilder sb = new StringBuilder(
                "kind,group,method,reference,n,delta_si_sdr,delta_stoi,delta_estoi,delta_pesq\n");
        for (Mean m : means) {
            sb.append(m.kind()).append(',').append(Csv.field(m.group())).append(',').append(Csv.field(m.method()))
                    .append(',').append(m.reference()).append(',').append(m.count()).append(',')
                    .append(num(m.deltaSiSdr(), 4)).append(',').append(num(m.deltaStoi(), 5)).append(',')
                    .append(num(m.deltaEstoi(), 5)).append(',').append(num(m.deltaPesq(), 4)).append('\n');
        }
        return sb.toString();
    }

    /** The means as a JSON-ready document: {@code {"all": [...], "category": [...], "snr": [...]}}. */
    public static Map<String, List<Mean>> byKind(List<Mean> means) {
        Map<String, List<Mean>> out = new LinkedHashMap<>();
        for (Mean m : means) {
            out.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(m);
        }
        return out;
    }

    private static String num(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "";
    }
}
