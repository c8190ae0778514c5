package org.ncw.cli;

import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.evaluation.QualityBenchmark;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.OutputSet;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.sweep.Leaderboard;
import org.ncw.engine.sweep.Sweep;
import org.ncw.engine.sweep.SweepGrid;
import org.ncw.engine.sweep.SweepInputs;
import org.ncw.engine.workbench.RunHistory;
import org.ncw.engine.workbench.RunRecord;
import org.ncw.render.QualityChart;
import org.ncw.render.SpectrogramRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code ncw sweep --grid grid.json DIR|FILES... -o OUTDIR}: every combination of a grid over every recording. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run every combination of a grid of experiment settings over a set of recordings and rank them.",
                "grid.json lists experiment fields (workbench parameters such as affinity, assignLabels, strategy, "
                        + "dataset, gamma, maskMode; experiment file paths such as strategy.intensity; method) with "
                        + "their values, and optionally a base experiment file. Over an evaluation set (a folder "
                        + "with index.json) every run is scored with SI-SDR and STOI; plain files get runtime and "
                        + "clustering diagnostics only.",
                "Writes OUTDIR/runs.jsonl (one line per finished run: an interrupted sweep resumes from it), "
                        + "OUTDIR/leaderboard.csv (per run), OUTDIR/summary.csv (per setting, ranked), "
                        + "OUTDIR/leaderboard.json (everything), OUTDIR/summary.png (scored sets) and "
                        + "OUTDIR/grid.json (the grid with its base experiment)."})
public final class SweepCommand implements Callable<Integer> {
    static final String JOURNAL = "runs.jsonl";

    @Mixin
    VerboseOption verbose;

    @Option(names = "--grid", required = true, paramLabel = "grid.json", description = "The grid of settings.")
    Path gridFile;

    @Parameters(arity = "1..*", paramLabel = "DIR|FILES", description = "An evaluation set folder (index.json), "
            + "or audio files and folders of them.")
    List<Path> inputs;

    @Option(names = {"-o", "--out", "--output"}, required = true, paramLabel = "OUTDIR",
            description = "Output folder (created if missing).")
    Path outDir;

    @Option(names = "--rank-by", paramLabel = "si-sdr|stoi|runtime",
            description = "Rank the settings by mean SI-SDR, mean STOI or mean runtime (default: si-sdr on a scored "
                    + "set, runtime otherwise).")
    String rankBy;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "0",
            description = "Runs at the same time (default 0: all cores); the rows are the same for any N.")
    int jobs;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Only the first N recordings (0 = all).")
    int limit;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Settings to print (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--dry-run", description = "Check the grid, list the settings and the estimate, run nothing.")
    boolean dryRun;

    @Option(names = "--restart", description = "Discard the runs in OUTDIR/runs.jsonl instead of resuming them "
            + "(needed when they belong to another grid).")
    boolean restart;

    @Option(names = "--force", description = "Replace leaderboard files in OUTDIR that are not this sweep's "
            + "(a folder without runs.jsonl).")
    boolean force;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (jobs < 0) {
            throw new InvalidParameterException("--jobs must be at least 1 (0 = all cores), got " + jobs);
        }
        if (limit < 0) {
            throw new InvalidParameterException("--limit must be 0 (all) or more, got " + limit);
        }
        int threads = jobs == 0 ? Runtime.getRuntime().availableProcessors() : jobs;
        SweepGrid grid = SweepGrid.read(gridFile);
        List<SweepGrid.Setting> settings = grid.settings();
        SweepInputs set = SweepInputs.of(inputs, limit);
        Leaderboard.RankBy by = rankBy == null ? (set.scored() ? Leaderboard.RankBy.SI_SDR
                : Leaderboard.RankBy.RUNTIME) : Leaderboard.RankBy.parse(rankBy);
        if (by != Leaderboard.RankBy.RUNTIME && !set.scored()) {
            throw new InvalidParameterException("--rank-by " + by.label() + " needs an evaluation set with clean "
                    + "references (a folder with index.json); plain files rank by runtime");
        }
        List<Path> protectedPaths = new ArrayList<>(set.paths());
        protectedPaths.add(gridFile);
        OutputGuard guard = OutputGuard.protecting(protectedPaths);
        Path journalFile = outDir.resolve(JOURNAL);
        RunHistory journal = new RunHistory(journalFile, guard);
        OutputPaths.checkDirectory(outDir, "-o");
        String hash = grid.hash();
        List<RunRecord> earlier = Files.exists(journalFile) && !restart ? journal.read() : List.of();
        List<String> otherHashes = earlier.stream().map(RunRecord::sweep).filter(h -> !h.equals(hash)).distinct()
                .toList();
        if (!otherHashes.isEmpty()) {
            throw new InvalidParameterException(journalFile + ": holds runs of another grid (hash "
                    + otherHashes.get(0) + ", this grid " + hash + "); give another -o, or --restart to discard them");
        }
        double audio = 0;
        for (SweepInputs.Item item : set.items()) {
            audio += AudioReader.readInfo(item.noisy()).durationSeconds();
        }
        java.util.Set<String> names = set.items().stream().map(SweepInputs.Item::name).collect(Collectors.toSet());
        java.util.Set<String> ids = settings.stream().map(SweepGrid.Setting::id).collect(Collectors.toSet());
        long reusable = earlier.stream().filter(r -> names.contains(r.file()) && ids.contains(r.setting())).count();
        int runs = settings.size() * set.items().size();
        double estimate = Sweep.estimateSeconds(settings, audio, reusable, runs) / threads;
        o.printf(Locale.ROOT, "sweep %s: %d settings x %d recordings = %d runs (%d done earlier), %d job(s)%n",
                hash, settings.size(), set.items().size(), runs, reusable, threads);
        o.printf(Locale.ROOT, "estimate ~%s for %.0f s of audio per setting (rough: from typical real-time "
                + "factors, %s)%n", duration(estimate), audio, set.scored() ? "scored against the clean references"
                : "no references: runtime and diagnostics only");
        for (String note : sameRuns(settings)) {
            o.println("note: " + note);
        }
        if (dryRun) {
            for (SweepGrid.Setting s : settings) {
                o.printf("  %s  %s%n", s.id(), s.label());
            }
            o.flush();
            return 0;
        }
        OutputPaths.createDirectory(outDir, "-o");
        if (restart && Files.exists(journalFile)) {
            journal.write(List.of());
        }
        Path rowsCsv = outDir.resolve("leaderboard.csv");
        Path summaryCsv = outDir.resolve("summary.csv");
        Path json = outDir.resolve("leaderboard.json");
        Path png = outDir.resolve("summary.png");
        Path gridCopy = outDir.resolve("grid.json");
        List<Path> targets = new ArrayList<>(List.of(rowsCsv, summaryCsv, json, gridCopy));
        if (set.scored()) {
            targets.add(png);
        }
        // outputs of this sweep's folder are replaced as the sweep goes on; another folder's files are not
        boolean ours = Files.exists(journalFile) || force;
        WriteMode mode = ours ? WriteMode.OVERWRITE : WriteMode.FAIL_IF_EXISTS;
        for (Path p : targets) {
            OutputPaths.check(p, ours, guard);
        }
        o.flush();
        long t0 = System.nanoTime();
        Sweep.Result result;
        try (OutputSet outputs = OutputSet.reserve(mode, guard, targets)) {
            try (TerminalProgress progress = TerminalProgress.forRun(verbose, err)) {
                result = Sweep.run(grid, set, earlier, threads, progress.monitor(), journal::append);
            }
            Leaderboard board = Leaderboard.of(result, by);
            outputs.writeText(rowsCsv, board.rowsCsv());
            outputs.writeText(summaryCsv, board.summaryCsv());
            outputs.writeText(json, board.toJson(grid));
            outputs.writeText(gridCopy, grid.toJson());
            if (set.scored()) {
                outputs.write(png, SpectrogramRenderer.png(QualityChart.render(chartRows(board),
                        "Sweep " + hash + ": " + settings.size() + " settings over " + set.items().size()
                                + " recordings")));
            }
            outputs.commit();
            double wall = (System.nanoTime() - t0) / 1e9;
            o.printf(Locale.ROOT, "ran %d runs in %.1f s (%d resumed from %s)%n", result.ran(), wall,
                    result.reused(), journalFile);
            printTop(o, board);
            o.printf("wrote %s%n", targets.stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        long failed = result.rows().stream().filter(RunRecord::failed).count();
        if (failed > 0) {
            err.printf("ncw: warning: %d of %d runs failed (see the error column of %s)%n", failed,
                    result.rows().size(), rowsCsv);
        }
        return 0;
    }

    /** Settings that run the same method with the same options (a swept field the method does not use). */
    static List<String> sameRuns(List<SweepGrid.Setting> settings) {
        java.util.Map<List<Object>, List<String>> groups = new java.util.LinkedHashMap<>();
        for (SweepGrid.Setting s : settings) {
            org.ncw.engine.workbench.Method<?> m = s.resolveMethod();
            groups.computeIfAbsent(List.of(m.name(), m.options(s.experiment())), k -> new ArrayList<>()).add(s.id());
        }
        List<String> notes = new ArrayList<>();
        groups.forEach((key, ids) -> {
            if (ids.size() > 1) {
                notes.add(String.join(", ", ids) + " run " + key.get(0) + " with the same options (it does not use "
                        + "the fields they differ in)");
            }
        });
        return notes;
    }

    private void printTop(PrintWriter o, Leaderboard board) {
        o.println();
        o.printf(Locale.ROOT, "%4s %-5s %8s %8s %7s %7s %8s %6s  %s%n", "rank", "id", "SI-SDR", "\u0394SI-SDR", "STOI",
                "\u0394STOI", "time s", "degen%", "settings (ranked by " + board.rankBy().label() + ")");
        for (Leaderboard.Entry e : board.ranking().subList(0, Math.min(Math.max(top, 0), board.ranking().size()))) {
            o.printf(Locale.ROOT, "%4d %-5s %8s %8s %7s %7s %8.3f %6s  %s%s%n", e.rank(), e.setting(),
                    f(e.siSdr(), "%.2f"), f(e.deltaSiSdr(), "%+.2f"), f(e.stoi(), "%.3f"), f(e.deltaStoi(), "%+.3f"),
                    e.seconds(), f(e.degeneratePercent(), "%.1f"), label(e),
                    e.failures() > 0 ? "  (" + e.failures() + " failed: " + e.firstError() + ")" : "");
        }
    }

    private static String label(Leaderboard.Entry e) {
        return e.values().entrySet().stream().map(x -> x.getKey() + "=" + x.getValue())
                .collect(Collectors.joining(" "));
    }

    private static List<QualityBenchmark.Summary> chartRows(Leaderboard board) {
        return board.ranking().stream().map(e -> new QualityBenchmark.Summary(e.setting() + " " + e.values().values()
                .stream().map(String::valueOf).collect(Collectors.joining("/")), "all", e.runs(), e.siSdr(),
                e.deltaSiSdr(), e.stoi(), e.deltaStoi(), e.seconds(), e.realTimeFactor(), e.failures(),
                e.firstError())).toList();
    }

    private static String f(double v, String format) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
    }

    private static String duration(double seconds) {
        if (seconds < 90) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        return String.format(Locale.ROOT, "%.1f min", seconds / 60);
    }
}
