package org.ncw.engine.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import org.ncw.engine.core.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Scores of other denoisers ("peers") on an evaluation set, computed outside the project: the set's
 * {@code reference_scores.json}, rows of {@code {"method", "stem", "si_sdr", "stoi", "estoi"?, "pesq"?}} (either a
 * bare list or under {@code "rows"}), where method {@code noisy} scores the unprocessed mixture. Peers' deltas are
 * against that noisy row of the same stem, so they compare with the benchmark's deltas on the same files.
 */
public final class ReferenceScores {
    /** The name of the file in an evaluation set's directory. */
    public static final String FILE = "reference_scores.json";
    /** The method name of the unprocessed mixture's rows. */
    public static final String NOISY = "noisy";

    /** One peer's scores of one stem; NaN where the file has none. */
    public record Scores(double siSdr, double stoi, double estoi, double pesq) {
    }

    /**
     * A peer's means over the stems of a group it has scores for (with the noisy row). {@code count} is 0 when it
     * has none; each mean skips the stems without that score (e.g. peers have no ESTOI in the corpus file).
     */
    public record Summary(String method, String group, int count, double siSdr, double deltaSiSdr, double stoi,
                          double deltaStoi, double estoi, double deltaEstoi, double pesq, double deltaPesq) {
    }

    private final Path file;
    private final Map<String, Map<String, Scores>> byMethod;

    private ReferenceScores(Path file, Map<String, Map<String, Scores>> byMethod) {
        this.file = file;
        this.byMethod = byMethod;
    }

    /** The set's reference scores, or empty when it has no {@value #FILE}; a malformed file is named. */
    public static Optional<ReferenceScores> load(Path setDirectory) throws IOException {
        Path file = setDirectory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode root = Json.mapper().readTree(file.toFile());
        JsonNode rows = root.isArray() ? root : root.path("rows");
        if (!rows.isArray()) {
            throw new IllegalArgumentException(file + ": expected a list of rows (or {\"rows\": [...]})");
        }
        Map<String, Map<String, Scores>> byMethod = new LinkedHashMap<>();
        for (JsonNode r : rows) {
            String method = r.path("method").asText("");
            String stem = r.path("stem").asText("");
            if (method.isEmpty() || stem.isEmpty()) {
                throw new IllegalArgumentException(file + ": a row has no \"method\" or \"stem\": " + r);
            }
            byMethod.computeIfAbsent(method, m -> new LinkedHashMap<>()).put(stem, new Scores(number(r, "si_sdr"),
                    number(r, "stoi"), number(r, "estoi"), number(r, "pesq")));
        }
        return Optional.of(new ReferenceScores(file, byMethod));
    }

    private static double number(JsonNode row, String field) {
        JsonNode v = row.get(field);
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }

    public Path file() {
        return file;
    }

    /** The peers, in the file's order (every method but {@value #NOISY}). */
    public List<String> peers() {
        return byMethod.keySet().stream().filter(m -> !m.equals(NOISY)).toList();
    }

    /** A method's scores of a stem, if the file has them. */
    public Optional<Scores> scores(String method, String stem) {
        return Optional.ofNullable(byMethod.getOrDefault(method, Map.of()).get(stem));
    }

    /** Every peer's means over all the set's stems. */
    public List<Summary> overall(EvaluationSet set) {
        return summarise(set, i -> "all");
    }

    /** Every peer's means per noise category (the noise type when the set has no categories). */
    public List<Summary> perCategory(EvaluationSet set) {
        return summarise(set, EvaluationSet.Item::category);
    }

    /** Every peer's means per mixing SNR (groups named as the benchmark's, e.g. "+5 dB"). */
    public List<Summary> perSnr(EvaluationSet set) {
        return summarise(set, i -> QualityBenchmark.formatSnr(i.snrDb()));
    }

    private List<Summary> summarise(EvaluationSet set, Function<EvaluationSet.Item, String> groupOf) {
        Map<String, List<EvaluationSet.Item>> groups = new TreeMap<>(QualityBenchmark::compareGroups);
        for (EvaluationSet.Item item : set.items()) {
            groups.computeIfAbsent(groupOf.apply(item), g -> new ArrayList<>()).add(item);
        }
        Map<String, Scores> noisy = byMethod.getOrDefault(NOISY, Map.of());
        List<Summary> out = new ArrayList<>();
        for (String peer : peers()) {
            Map<String, Scores> mine = byMethod.get(peer);
            groups.forEach((group, items) -> {
                Mean[] m = new Mean[8];
                for (int k = 0; k < m.length; k++) {
                    m[k] = new Mean();
                }
                int count = 0;
                for (EvaluationSet.Item item : items) {
                    Scores s = mine.get(item.stem());
                    Scores n = noisy.get(item.stem());
                    if (s == null || n == null) {
                        continue;
                    }
                    count++;
                    m[0].add(s.siSdr());
                    m[1].add(s.siSdr() - n.siSdr());
                    m[2].add(s.stoi());
                    m[3].add(s.stoi() - n.stoi());
                    m[4].add(s.estoi());
                    m[5].add(s.estoi() - n.estoi());
                    m[6].add(s.pesq());
                    m[7].add(s.pesq() - n.pesq());
                }
                out.add(new Summary(peer, group, count, m[0].value(), m[1].value(), m[2].value(), m[3].value(),
                        m[4].value(), m[5].value(), m[6].value(), m[7].value()));
            });
        }
        return out;
    }

    /** A mean that skips NaN (a score the file does not have). */
    private static final class Mean {
        private double sum;
        private int n;

        void add(double v) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }

        double value() {
            return n == 0 ? Double.NaN : sum / n;
        }
    }
}
