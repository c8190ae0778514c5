package org.ncw.engine.evaluation;

import org.ncw.engine.metrics.Stoi;
import org.ncw.engine.metrics.QualityMetrics;
import org.ncw.engine.metrics.SiSdr;

import org.ncw.engine.core.CancelledException;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.denoise.DenoisingMethod;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Runs every method on every mixture of an {@link EvaluationSet} and scores it against the clean reference. Methods
 * only ever see the noisy signal; the reference is read for scoring after the method has returned.
 */
public final class QualityBenchmark {
    private QualityBenchmark() {
    }

    /**
     * One method on one mixture. Deltas are against the unprocessed noisy mixture. A method that failed has NaN
     * scores and its message in {@code error} (empty otherwise).
     */
    public record Row(String method, String stem, String noise, double snrDb, double siSdr, double stoi,
                      double deltaSiSdr, double deltaStoi, double seconds, double audioSeconds, String error) {
        public boolean failed() {
            return !error.isEmpty();
        }
    }

    /** Means of one method over the mixtures of a group it ran on ({@code failures} more failed; see the rows). */
    public record Summary(String method, String group, int count, double siSdr, double deltaSiSdr, double stoi,
                          double deltaStoi, double seconds, double realTimeFactor, int failures, String firstError) {
    }

    /** All rows, plus summaries over the whole set and per SNR and per noise type. */
    public record Result(List<Row> rows) {
        public Result {
            rows = List.copyOf(rows);
        }

        public List<Summary> overall() {
            return summarise(r -> "all");
        }

        public List<Summary> perSnr() {
            return summarise(r -> formatSnr(r.snrDb()));
        }

        public List<Summary> perNoise() {
            return summarise(Row::noise);
        }

        private List<Summary> summarise(Function<Row, String> groupOf) {
            Map<String, Map<String, List<Row>>> byMethod = new LinkedHashMap<>();
            for (Row r : rows) {
                byMethod.computeIfAbsent(r.method(), m -> new TreeMap<>(QualityBenchmark::compareGroups))
                        .computeIfAbsent(groupOf.apply(r), g -> new ArrayList<>()).add(r);
            }
            List<Summary> out = new ArrayList<>();
            byMethod.forEach((method, groups) -> groups.forEach((group, all) -> {
                List<Row> rs = all.stream().filter(r -> !r.failed()).toList();
                int failures = all.size() - rs.size();
                String firstError = all.stream().filter(Row::failed).map(Row::error).findFirst().orElse("");
                double n = rs.size();
                double seconds = rs.stream().mapToDouble(Row::seconds).sum();
                double audio = rs.stream().mapToDouble(Row::audioSeconds).sum();
                out.add(new Summary(method, group, rs.size(),
                        rs.stream().mapToDouble(Row::siSdr).sum() / n,
                        rs.stream().mapToDouble(Row::deltaSiSdr).sum() / n,
                        rs.stream().mapToDouble(Row::stoi).sum() / n,
                        rs.stream().mapToDouble(Row::deltaStoi).sum() / n,
                        seconds, audio > 0 ? seconds / audio : Double.NaN, failures, firstError));
            }));
            return out;
        }
    }

    /** The rows as CSV (one line per method and mixture, header first). */
    public static String toCsv(Result result) {
        StringBuilder sb = new StringBuilder(
                "method,stem,noise,snr_db,si_sdr,stoi,delta_si_sdr,delta_stoi,seconds,audio_seconds,error\n");
        for (Row r : result.rows()) {
            sb.append(String.format(java.util.Locale.ROOT, "\"%s\",%s,%s,%s,%.4f,%.5f,%.4f,%.5f,%.4f,%.3f,\"%s\"%n",
                    r.method(), r.stem(), r.noise(), Double.isNaN(r.snrDb()) ? "" : String.valueOf(r.snrDb()),
                    r.siSdr(), r.stoi(), r.deltaSiSdr(), r.deltaStoi(), r.seconds(), r.audioSeconds(),
                    r.error().replace("\"", "'")));
        }
        return sb.toString();
    }

    static String formatSnr(double snrDb) {
        return Double.isNaN(snrDb) ? "?" : String.format(java.util.Locale.ROOT, "%+.0f dB", snrDb);
    }

    private static int compareGroups(String a, String b) {
        Double x = snrOf(a);
        Double y = snrOf(b);
        if (x != null && y != null) {
            return Double.compare(x, y);
        }
        return a.compareTo(b);
    }

    private static Double snrOf(String group) {
        if (!group.endsWith(" dB")) {
            return null;
        }
        try {
            return Double.parseDouble(group.substring(0, group.length() - 3));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Runs the methods (in order, one thread) over the set. */
    public static Result fit(EvaluationSet set, List<DenoisingMethod> methods, TaskMonitor monitor) {
        Checks.notNull("set", set);
        Checks.notNull("methods", methods);
        Checks.notNull("monitor", monitor);
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("no methods to benchmark");
        }
        List<Row> rows = new ArrayList<>();
        int total = set.items().size() * methods.size();
        int done = 0;
        for (EvaluationSet.Item item : set.items()) {
            Signal noisy;
            Signal clean;
            try {
                noisy = item.readNoisy();
                clean = item.readClean();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            double noisySiSdr = SiSdr.compute(clean.samples(), noisy.samples());
            double noisyStoi = Stoi.compute(clean.samples(), noisy.samples(), clean.sampleRate());
            for (DenoisingMethod method : methods) {
                monitor.step(done, total);
                Signal input = noisy.copy(); // a method must not be able to alter the next one's input
                long start = System.nanoTime();
                Signal out;
                try {
                    out = method.apply(input, monitor.sub((double) done / total, (done + 1.0) / total)
                            .stage(method.name()));
                } catch (CancelledException e) {
                    throw e;
                } catch (RuntimeException | OutOfMemoryError e) {
                    // One method failing (e.g. a dense affinity too large) must not hide the others' results.
                    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    rows.add(new Row(method.name(), item.stem(), item.noise(), item.snrDb(), Double.NaN, Double.NaN,
                            Double.NaN, Double.NaN, (System.nanoTime() - start) / 1e9, noisy.durationSeconds(),
                            message.replace('\n', ' ')));
                    done++;
                    continue;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (out.sampleRate() != clean.sampleRate()) {
                    out = QualityMetrics.alignRate(out, clean.sampleRate());
                }
                double siSdr = SiSdr.compute(clean.samples(), out.samples());
                double stoi = Stoi.compute(clean.samples(), out.samples(), clean.sampleRate());
                rows.add(new Row(method.name(), item.stem(), item.noise(), item.snrDb(), siSdr, stoi,
                        siSdr - noisySiSdr, stoi - noisyStoi, seconds, noisy.durationSeconds(), ""));
                done++;
            }
        }
        monitor.done();
        return new Result(rows);
    }
}
