package org.ncw.engine.evaluation;

import org.ncw.engine.metrics.Estoi;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
    public record Row(String method, String stem, String noise, String category, double snrDb, double siSdr,
                      double stoi, double estoi, double deltaSiSdr, double deltaStoi, double deltaEstoi,
                      double seconds, double audioSeconds, String error) {
        public boolean failed() {
            return !error.isEmpty();
        }
    }

    /** Means of one method over the mixtures of a group it ran on ({@code failures} more failed; see the rows). */
    public record Summary(String method, String group, int count, double siSdr, double deltaSiSdr, double stoi,
                          double deltaStoi, double estoi, double deltaEstoi, double seconds, double realTimeFactor,
                          int failures, String firstError) {
        /** A summary without ESTOI (NaN), e.g. a sweep's ranking drawn with the same chart. */
        public Summary(String method, String group, int count, double siSdr, double deltaSiSdr, double stoi,
                       double deltaStoi, double seconds, double realTimeFactor, int failures, String firstError) {
            this(method, group, count, siSdr, deltaSiSdr, stoi, deltaStoi, Double.NaN, Double.NaN, seconds,
                    realTimeFactor, failures, firstError);
        }
    }

    /**
     * Receives each method's output of each mixture (at the mixture's rate, before scoring), e.g. to save it. Called
     * from the worker that ran the method; with {@code jobs > 1} from several threads at once. A failure ends the run.
     */
    @FunctionalInterface
    public interface OutputSink {
        void accept(EvaluationSet.Item item, String method, Signal output) throws IOException;
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

        /** Per noise category (the set's {@code category}, else its noise type). */
        public List<Summary> perCategory() {
            return summarise(Row::category);
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
                        rs.stream().mapToDouble(Row::estoi).sum() / n,
                        rs.stream().mapToDouble(Row::deltaEstoi).sum() / n,
                        seconds, audio > 0 ? seconds / audio : Double.NaN, failures, firstError));
            }));
            return out;
        }
    }

    /**
     * The rows as CSV (one line per method and mixture, header first). The columns up to {@code error} are those of
     * earlier versions; {@code category, estoi, delta_estoi} follow it, so readers by position keep working.
     */
    public static String toCsv(Result result) {
        StringBuilder sb = new StringBuilder("method,stem,noise,snr_db,si_sdr,stoi,delta_si_sdr,delta_stoi,seconds,"
                + "audio_seconds,error,category,estoi,delta_estoi\n");
        for (Row r : result.rows()) {
            sb.append(String.format(java.util.Locale.ROOT,
                    "\"%s\",%s,%s,%s,%.4f,%.5f,%.4f,%.5f,%.4f,%.3f,\"%s\",%s,%.5f,%.5f%n",
                    r.method(), r.stem(), r.noise(), Double.isNaN(r.snrDb()) ? "" : String.valueOf(r.snrDb()),
                    r.siSdr(), r.stoi(), r.deltaSiSdr(), r.deltaStoi(), r.seconds(), r.audioSeconds(),
                    r.error().replace("\"", "'"), r.category(), r.estoi(), r.deltaEstoi()));
        }
        return sb.toString();
    }

    static String formatSnr(double snrDb) {
        return Double.isNaN(snrDb) ? "?" : String.format(java.util.Locale.ROOT, "%+.0f dB", snrDb);
    }

    /** Group order of the tables: SNR groups by value ("-5 dB" before "+10 dB"), others by name. */
    static int compareGroups(String a, String b) {
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
        return fit(set, methods, 1, null, monitor);
    }

    /**
     * Runs the methods over the set, {@code jobs} mixtures at a time (each mixture's methods in order on one
     * worker), handing every output to {@code sink} (may be null). The rows are in the set's order and, within a
     * mixture, the methods' order whatever {@code jobs} is, and their scores are the same as with one job (only
     * the timings differ). Progress reads "file i/n METHOD".
     */
    public static Result fit(EvaluationSet set, List<DenoisingMethod> methods, int jobs, OutputSink sink,
                             TaskMonitor monitor) {
        Checks.notNull("set", set);
        Checks.notNull("methods", methods);
        Checks.notNull("monitor", monitor);
        Checks.positive("jobs", jobs);
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("no methods to benchmark");
        }
        List<EvaluationSet.Item> items = set.items();
        int total = items.size() * methods.size();
        AtomicInteger done = new AtomicInteger();
        List<Row> rows = new ArrayList<>();
        if (jobs == 1 || items.size() == 1) {
            for (int i = 0; i < items.size(); i++) {
                rows.addAll(runItem(items.get(i), i, items.size(), methods, sink, monitor, done, total, false));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, items.size()), r -> {
                Thread t = new Thread(r, "ncw-bench-quality");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<List<Row>>> futures = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    int index = i;
                    futures.add(pool.submit(() -> runItem(items.get(index), index, items.size(), methods, sink,
                            monitor, done, total, true)));
                }
                for (Future<List<Row>> f : futures) {
                    rows.addAll(join(f));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        monitor.done();
        return new Result(rows);
    }

    private static List<Row> join(Future<List<Row>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Every method on one mixture, in order. */
    private static List<Row> runItem(EvaluationSet.Item item, int index, int count, List<DenoisingMethod> methods,
                                     OutputSink sink, TaskMonitor monitor, AtomicInteger done, int total,
                                     boolean parallel) {
        monitor.checkCancelled();
        Signal noisy;
        Signal clean;
        try {
            noisy = item.readNoisy();
            clean = item.readClean();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double noisySiSdr = SiSdr.compute(clean.samples(), noisy.samples());
        Estoi.Intelligibility noisyIntelligibility = Estoi.both(clean.samples(), noisy.samples(), clean.sampleRate());
        List<Row> rows = new ArrayList<>();
        for (DenoisingMethod method : methods) {
            String stage = "file " + (index + 1) + "/" + count + " " + method.name();
            TaskMonitor methodMonitor;
            if (parallel) {
                // workers interleave: report whole steps only; the method gets cancellation, not progress
                monitor.stage(stage).step(done.get(), total);
                methodMonitor = TaskMonitor.of(org.ncw.engine.core.ProgressListener.NONE, monitor.token());
            } else {
                int d = done.get();
                monitor.stage(stage).step(d, total);
                methodMonitor = monitor.sub((double) d / total, (d + 1.0) / total).stage(stage);
            }
            Signal input = noisy.copy(); // a method must not be able to alter the next one's input
            long start = System.nanoTime();
            Signal out;
            try {
                out = method.apply(input, methodMonitor);
            } catch (CancelledException e) {
                throw e;
            } catch (RuntimeException | OutOfMemoryError e) {
                // One method failing (e.g. a dense affinity too large) must not hide the others' results.
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                rows.add(new Row(method.name(), item.stem(), item.noise(), item.category(), item.snrDb(), Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        (System.nanoTime() - start) / 1e9, noisy.durationSeconds(), message.replace('\n', ' ')));
                done.incrementAndGet();
                continue;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (sink != null) {
                try {
                    sink.accept(item, method.name(), out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (out.sampleRate() != clean.sampleRate()) {
                out = QualityMetrics.alignRate(out, clean.sampleRate());
            }
            double siSdr = SiSdr.compute(clean.samples(), out.samples());
            Estoi.Intelligibility intelligibility = Estoi.both(clean.samples(), out.samples(), clean.sampleRate());
            rows.add(new Row(method.name(), item.stem(), item.noise(), item.category(), item.snrDb(), siSdr,
                    intelligibility.stoi(), intelligibility.estoi(), siSdr - noisySiSdr,
                    intelligibility.stoi() - noisyIntelligibility.stoi(),
                    intelligibility.estoi() - noisyIntelligibility.estoi(), seconds, noisy.durationSeconds(), ""));
            done.incrementAndGet();
        }
        return rows;
    }
}
