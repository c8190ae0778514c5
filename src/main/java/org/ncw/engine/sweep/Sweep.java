package org.ncw.engine.sweep;

import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.cluster.strategy.ClusterDiagnostics;
import org.ncw.engine.core.CancelledException;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.ProgressListener;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.metrics.QualityMetrics;
import org.ncw.engine.metrics.SiSdr;
import org.ncw.engine.metrics.Stoi;
import org.ncw.engine.workbench.Method;
import org.ncw.engine.workbench.MethodOutput;
import org.ncw.engine.workbench.RunRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every setting of a {@link SweepGrid} on every recording of {@link SweepInputs}: each run takes its method
 * from the registry ({@link org.ncw.engine.workbench.Methods}) and its options from the setting's experiment, is
 * scored against the clean reference when there is one, and becomes a {@link RunRecord}. Runs already done (same
 * grid hash, file and setting) are skipped, so an interrupted sweep resumes. With several jobs the runs go to
 * that many threads; every run is independent and seeded, so the rows are the same as with one job (only the
 * timings differ), and they come back in the same order: by file, then setting.
 */
public final class Sweep {
    /** Hears about every run as it finishes (the journal appends it), from the thread that ran it. */
    @FunctionalInterface
    public interface RowSink {
        void accept(RunRecord row) throws IOException;
    }

    /**
     * @param rows    every run of the grid over the inputs, by file then setting
     * @param reused  how many came from the earlier rows
     */
    public record Result(String gridHash, List<SweepGrid.Setting> settings, List<RunRecord> rows, int reused) {
        public Result {
            settings = List.copyOf(settings);
            rows = List.copyOf(rows);
        }

        public int ran() {
            return rows.size() - reused;
        }
    }

    private record Key(String file, String setting) {
    }

    /** A recording read once for all its runs, and forgotten after its last one. */
    private static final class Loaded {
        final Signal noisy;
        final Signal clean;
        final double noisySiSdr;
        final double noisyStoi;

        Loaded(SweepInputs.Item item) throws IOException {
            noisy = AudioReader.read(item.noisy()).toMono();
            if (item.clean() != null) {
                Signal c = AudioReader.read(item.clean()).toMono();
                clean = c;
                Signal n = noisy.sampleRate() == c.sampleRate() ? noisy : QualityMetrics.alignRate(noisy,
                        c.sampleRate());
                noisySiSdr = SiSdr.compute(c.samples(), n.samples());
                noisyStoi = Stoi.compute(c.samples(), n.samples(), c.sampleRate());
            } else {
                clean = null;
                noisySiSdr = Double.NaN;
                noisyStoi = Double.NaN;
            }
        }
    }

    private Sweep() {
    }

    /**
     * Runs what {@code previous} does not hold yet. {@code previous} are rows of an earlier, interrupted run of the
     * same grid (their hash must be the grid's); {@code sink} gets each new row; {@code monitor} hears runs done of
     * runs to do and cancels between and inside runs.
     */
    public static Result run(SweepGrid grid, SweepInputs inputs, List<RunRecord> previous, int jobs,
                             TaskMonitor monitor, RowSink sink) throws IOException {
        Checks.notNull("grid", grid);
        Checks.notNull("inputs", inputs);
        Checks.notNull("monitor", monitor);
        Checks.atLeast("jobs", jobs, 1);
        String hash = grid.hash();
        List<SweepGrid.Setting> settings = grid.settings();
        Map<Key, RunRecord> done = new HashMap<>();
        for (RunRecord r : previous) {
            if (!r.sweep().equals(hash)) {
                throw new InvalidParameterException("an earlier row belongs to another grid (hash " + r.sweep()
                        + ", this grid " + hash + ")");
            }
            done.put(new Key(r.file(), r.setting()), r);
        }
        Set<Key> wanted = new HashSet<>();
        Map<Key, RunRecord> rows = new java.util.concurrent.ConcurrentHashMap<>();
        List<SweepInputs.Item> items = inputs.items();
        int total = items.size() * settings.size();
        AtomicInteger finished = new AtomicInteger();
        int reused = 0;
        List<Task> tasks = new ArrayList<>();
        // settings that run the same work (equal method and options once what cannot matter is set aside) run
        // once per file; the others of the group get a copy of its row under their own setting
        Map<String, String> work = new HashMap<>();
        for (SweepGrid.Setting s : settings) {
            work.put(s.id(), workKey(s));
        }
        Map<Key, Task> leaders = new HashMap<>();
        Map<Task, List<SweepGrid.Setting>> followers = new HashMap<>();
        for (int f = 0; f < items.size(); f++) {
            SweepInputs.Item item = items.get(f);
            FileSlot slot = new FileSlot(item);
            Map<String, RunRecord> doneByWork = new HashMap<>();
            for (SweepGrid.Setting s : settings) {
                RunRecord old = done.get(new Key(item.name(), s.id()));
                if (old != null && old.error().isEmpty()) {
                    doneByWork.putIfAbsent(work.get(s.id()), old);
                }
            }
            for (SweepGrid.Setting s : settings) {
                Key key = new Key(item.name(), s.id());
                wanted.add(key);
                RunRecord old = done.get(key);
                RunRecord same = doneByWork.get(work.get(s.id()));
                if (old != null || same != null) {
                    rows.put(key, old != null ? old : asSetting(same, s));
                    if (old == null) {
                        sink.accept(rows.get(key));
                    }
                    reused++;
                    finished.incrementAndGet();
                    continue;
                }
                Key workOfFile = new Key(item.name(), work.get(s.id()));
                Task leader = leaders.get(workOfFile);
                if (leader != null) {
                    followers.get(leader).add(s);
                    continue;
                }
                slot.pending++;
                Task t = new Task(key, slot, s);
                leaders.put(workOfFile, t);
                followers.put(t, new ArrayList<>());
                tasks.add(t);
            }
        }
        monitor.step(finished.get(), total);
        TaskMonitor inner = TaskMonitor.of(ProgressListener.NONE, monitor.token());
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "ncw-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Task task : tasks) {
                futures.add(pool.submit(() -> {
                    monitor.checkCancelled();
                    RunRecord row = runOne(hash, task, inner);
                    sink.accept(row);
                    rows.put(task.key, row);
                    for (SweepGrid.Setting same : followers.get(task)) {
                        RunRecord copy = asSetting(row, same);
                        sink.accept(copy);
                        rows.put(new Key(task.key.file(), same.id()), copy);
                    }
                    int now = finished.addAndGet(1 + followers.get(task).size());
                    monitor.stage("run " + now + " of " + total).step(now, total);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    futures.forEach(x -> x.cancel(true));
                    monitor.token().cancel();
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) {
                        throw io;
                    }
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    if (c instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(c);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } finally {
            pool.shutdownNow();
        }
        monitor.done();
        Map<String, Integer> fileIndex = new HashMap<>();
        for (int f = 0; f < items.size(); f++) {
            fileIndex.put(items.get(f).name(), f);
        }
        Map<String, Integer> settingIndex = new HashMap<>();
        settings.forEach(s -> settingIndex.put(s.id(), s.index()));
        List<RunRecord> ordered = rows.entrySet().stream().filter(e -> wanted.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .sorted(Comparator.comparingInt((RunRecord r) -> fileIndex.get(r.file()))
                        .thenComparingInt(r -> settingIndex.get(r.setting())))
                .toList();
        return new Result(hash, settings, ordered, reused);
    }

    /**
     * What a setting computes: its method and the method's options as JSON, the clusterer's fields that cannot
     * change the result set to their defaults ({@link org.ncw.engine.cluster.strategy.ClusterSettings#canonical}).
     */
    public static String workKey(SweepGrid.Setting s) {
        Method<?> m = s.resolveMethod();
        Object options = m.options(s.experiment());
        if (options instanceof org.ncw.engine.pipeline.ExperimentOptions e) {
            options = e.withClusterer(e.clusterer().canonical());
        }
        return m.name() + " " + org.ncw.engine.core.Json.write(options);
    }

    /** {@code row}, computed for an equivalent setting (same {@link #workKey}), as the row of {@code s}. */
    public static RunRecord asSetting(RunRecord row, SweepGrid.Setting s) {
        return new RunRecord(row.sweep(), row.file(), s.id(), s.values(), row.method(), s.experiment(), row.siSdr(),
                row.stoi(), row.deltaSiSdr(), row.deltaStoi(), row.seconds(), row.audioSeconds(), row.problems(),
                row.degeneratePercent(), row.effectiveGamma(), row.summary(), row.warnings(), row.error());
    }

    private static final class FileSlot {
        final SweepInputs.Item item;
        int pending;
        private Loaded loaded;
        private IOException failure;

        FileSlot(SweepInputs.Item item) {
            this.item = item;
        }

        synchronized Loaded acquire() throws IOException {
            if (failure != null) {
                throw failure;
            }
            if (loaded == null) {
                try {
                    loaded = new Loaded(item);
                } catch (IOException e) {
                    failure = e;
                    throw e;
                }
            }
            return loaded;
        }

        synchronized void release() {
            if (--pending == 0) {
                loaded = null;
            }
        }
    }

    private record Task(Key key, FileSlot slot, SweepGrid.Setting setting) {
    }

    /**
     * One run on its own: {@code setting} of {@code grid} on {@code item}, read here. What a distributed task
     * (the Spark job) calls; the row is the one {@link #run} makes for the same file and setting.
     */
    public static RunRecord runSingle(SweepGrid grid, SweepInputs.Item item, SweepGrid.Setting setting,
                                      TaskMonitor monitor) {
        FileSlot slot = new FileSlot(item);
        slot.pending = 1;
        return runOne(grid.hash(), new Task(new Key(item.name(), setting.id()), slot, setting), monitor);
    }

    private static RunRecord runOne(String hash, Task task, TaskMonitor monitor) {
        SweepGrid.Setting s = task.setting;
        Method<?> method = s.resolveMethod();
        Loaded in;
        try {
            in = task.slot.acquire();
        } catch (IOException e) {
            task.slot.release();
            return failed(hash, task, method, 0, Double.NaN, "cannot read " + task.slot.item.noisy() + ": "
                    + e.getMessage());
        }
        try {
            long t0 = System.nanoTime();
            MethodOutput out;
            try {
                out = method.run(in.noisy.copy(), s.experiment(), monitor);
            } catch (CancelledException e) {
                throw e;
            } catch (RuntimeException | OutOfMemoryError e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                return failed(hash, task, method, (System.nanoTime() - t0) / 1e9, in.noisy.durationSeconds(),
                        message.replace('\n', ' '));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double siSdr = Double.NaN;
            double stoi = Double.NaN;
            if (in.clean != null) {
                Signal o = out.output();
                if (o.sampleRate() != in.clean.sampleRate()) {
                    o = QualityMetrics.alignRate(o, in.clean.sampleRate());
                }
                siSdr = SiSdr.compute(in.clean.samples(), o.samples());
                stoi = Stoi.compute(in.clean.samples(), o.samples(), in.clean.sampleRate());
            }
            ClusterDiagnostics d = out.diagnostics();
            boolean clustered = d.problems() > 0;
            return new RunRecord(hash, task.key.file(), s.id(), s.values(), method.name(), s.experiment(), siSdr,
                    stoi, siSdr - in.noisySiSdr, stoi - in.noisyStoi, seconds, in.noisy.durationSeconds(),
                    d.problems(), clustered ? 100 * d.degenerateFraction() : Double.NaN, d.effectiveGamma(),
                    out.details().isEmpty() ? "" : out.details().get(0), d.warnings(), "");
        } finally {
            task.slot.release();
        }
    }

    private static RunRecord failed(String hash, Task task, Method<?> method, double seconds, double audioSeconds,
                                    String error) {
        SweepGrid.Setting s = task.setting;
        return new RunRecord(hash, task.key.file(), s.id(), s.values(), method.name(), s.experiment(), Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, seconds, audioSeconds, 0, Double.NaN, Double.NaN, "", List.of(),
                error);
    }

    /**
     * A rough wall time of the runs still to do on one thread: each setting's audio times a typical real-time
     * factor of its method (per-run wall times of a 480-run sweep over the corpus on the 2-core reference machine,
     * shared with other work: column-by-column rbf 0.1, knn 0.3, complete 0.6).
     */
    public static double estimateSeconds(List<SweepGrid.Setting> settings, double audioSeconds, long done,
                                         long runs) {
        double sum = 0;
        for (SweepGrid.Setting s : settings) {
            sum += audioSeconds * typicalRtf(s);
        }
        return runs == 0 ? 0 : sum * Math.max(0, runs - done) / runs;
    }

    static double typicalRtf(SweepGrid.Setting s) {
        Method<?> m = s.resolveMethod();
        return switch (m.kind()) {
            case REFERENCE -> 0.001;
            case PRODUCTION -> 0.01;
            case DENOISER -> 0.02;
            case ICA -> 0.05;
            case CLUSTERING -> m.name().startsWith("cluster:complete/") ? 0.6
                    : s.experiment().clusterer().spectral().affinity()
                    == org.ncw.engine.cluster.AffinityKind.NEAREST_NEIGHBORS ? 0.3 : 0.1;
        };
    }
}
