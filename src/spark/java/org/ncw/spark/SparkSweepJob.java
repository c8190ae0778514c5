package org.ncw.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.OutputSet;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.sweep.Leaderboard;
import org.ncw.engine.sweep.Sweep;
import org.ncw.engine.sweep.SweepGrid;
import org.ncw.engine.sweep.SweepInputs;
import org.ncw.engine.workbench.RunHistory;
import org.ncw.engine.workbench.RunRecord;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ncw sweep} as a Spark job: one task per (recording, distinct setting), each {@link Sweep#runSingle} of the engine
 * (the method registry, the same row as a local sweep), collected on the driver, which writes the same
 * {@code runs.jsonl}, {@code leaderboard.csv}, {@code summary.csv} and {@code leaderboard.json} as the command
 * (no PNG). The recordings must be readable at the same path on every executor (a shared file system).
 * <pre>
 * spark-submit --class org.ncw.spark.SparkSweepJob target/ncw-spark-job.jar \
 *     --grid grid.json --out OUTDIR [--limit N] [--rank-by si-sdr|stoi|runtime] DIR|FILES...
 * </pre>
 */
public final class SparkSweepJob {
    private SparkSweepJob() {
    }

    /** One task: the recording and the setting's position in the grid. */
    record Task(String name, String noisy, String clean, int setting) implements Serializable {
    }

    public static void main(String[] args) throws IOException {
        Path grid = null;
        Path out = null;
        int limit = 0;
        String rankBy = null;
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--grid" -> grid = Path.of(args[++i]);
                case "--out", "-o" -> out = Path.of(args[++i]);
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "--rank-by" -> rankBy = args[++i];
                default -> inputs.add(Path.of(args[i]));
            }
        }
        if (grid == null || out == null || inputs.isEmpty()) {
            System.err.println("usage: SparkSweepJob --grid grid.json --out OUTDIR [--limit N] "
                    + "[--rank-by si-sdr|stoi|runtime] DIR|FILES...");
            System.exit(2);
        }
        SweepGrid g = SweepGrid.read(grid);
        SweepInputs set = SweepInputs.of(inputs, limit);
        Leaderboard.RankBy by = rankBy == null ? (set.scored() ? Leaderboard.RankBy.SI_SDR
                : Leaderboard.RankBy.RUNTIME) : Leaderboard.RankBy.parse(rankBy);
        SparkConf conf = new SparkConf().setAppName("ncw sweep " + g.hash());
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            Sweep.Result result = run(sc, g, set);
            List<Path> protectedPaths = new ArrayList<>(set.paths());
            protectedPaths.add(grid);
            write(result, g, by, out, OutputGuard.protecting(protectedPaths));
            System.out.printf("sweep %s: %d runs on Spark, wrote %s%n", result.gridHash(), result.rows().size(),
                    out);
        }
    }

    /**
     * Every (recording, distinct work) as one Spark task: settings that compute the same thing ({@link
     * Sweep#workKey}, e.g. the affinity under a method that does not cluster) run once per recording, as in the local
     * sweep, and their row is copied to each of them. The rows come in the local sweep's order (file, then setting).
     */
    public static Sweep.Result run(JavaSparkContext sc, SweepGrid grid, SweepInputs inputs) {
        String gridJson = grid.toJson();
        List<SweepGrid.Setting> settings = grid.settings();
        List<Task> tasks = tasks(grid, inputs);
        List<String> lines = sc.parallelize(tasks, Math.max(1, tasks.size())).map(t -> {
            SweepGrid g = SweepGrid.fromJson(gridJson, null);
            SweepInputs.Item item = new SweepInputs.Item(t.name(), Path.of(t.noisy()),
                    t.clean().isEmpty() ? null : Path.of(t.clean()));
            return Sweep.runSingle(g, item, g.settings().get(t.setting()), TaskMonitor.none()).toJson();
        }).collect();
        Map<String, RunRecord> computed = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            Task t = tasks.get(i);
            computed.put(t.name() + "\n" + Sweep.workKey(settings.get(t.setting())), RunRecord.fromJson(lines.get(i)));
        }
        List<RunRecord> rows = new ArrayList<>();
        for (SweepInputs.Item item : inputs.items()) {
            for (SweepGrid.Setting s : settings) {
                RunRecord row = computed.get(item.name() + "\n" + Sweep.workKey(s));
                rows.add(row.setting().equals(s.id()) ? row : Sweep.asSetting(row, s));
            }
        }
        return new Sweep.Result(grid.hash(), settings, rows, 0);
    }

    /** The distinct (recording, work) tasks, each under the first setting of the grid that computes it. */
    static List<Task> tasks(SweepGrid grid, SweepInputs inputs) {
        List<Task> tasks = new ArrayList<>();
        for (SweepInputs.Item item : inputs.items()) {
            Set<String> seen = new HashSet<>();
            for (SweepGrid.Setting s : grid.settings()) {
                if (seen.add(Sweep.workKey(s))) {
                    tasks.add(new Task(item.name(), item.noisy().toString(),
                            item.clean() == null ? "" : item.clean().toString(), s.index()));
                }
            }
        }
        return tasks;
    }

    static void write(Sweep.Result result, SweepGrid grid, Leaderboard.RankBy by, Path out, OutputGuard guard)
            throws IOException {
        Files.createDirectories(out);
        new RunHistory(out.resolve("runs.jsonl"), guard).write(result.rows());
        Leaderboard board = Leaderboard.of(result, by);
        Path rows = out.resolve("leaderboard.csv");
        Path summary = out.resolve("summary.csv");
        Path json = out.resolve("leaderboard.json");
        Path gridCopy = out.resolve("grid.json");
        try (OutputSet outputs = OutputSet.reserve(WriteMode.OVERWRITE, guard, rows, summary, json, gridCopy)) {
            outputs.writeText(rows, board.rowsCsv());
            outputs.writeText(summary, board.summaryCsv());
            outputs.writeText(json, board.toJson(grid));
            outputs.writeText(gridCopy, grid.toJson());
            outputs.commit();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
