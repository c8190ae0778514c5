package org.ncw.ui.leaderboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.sweep.Leaderboard;
import org.ncw.engine.sweep.LeaderboardFile;
import org.ncw.engine.sweep.Sweep;
import org.ncw.engine.sweep.SweepGrid;
import org.ncw.engine.sweep.SweepInputs;
import org.ncw.engine.workbench.RunRecord;
import org.ncw.ui.analysis.ParameterSet;
import org.ncw.ui.app.WorkbenchViewModel;
import org.ncw.ui.history.HistoryEntry;
import org.ncw.ui.testing.SilentTransport;
import org.ncw.ui.testing.TestRecordings;

/**
 * A leaderboard made by the real {@link Sweep} over two tiny synthetic recordings, opened in the workbench (JSON and
 * both CSVs), and a row loaded as a run on a third recording the sweep never saw.
 */
class LeaderboardLoadTest {
    @TempDir
    static Path dir;
    private static Sweep.Result result;
    private static SweepGrid grid;
    private static Leaderboard board;
    private WorkbenchViewModel vm;
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void sweep() throws Exception {
        if (result == null) {
            Path sweepDir = Files.createDirectories(dir.resolve("set"));
            List<SweepInputs.Item> items = new ArrayList<>();
            for (String stem : List.of("a", "b")) {
                Path noisy = TestRecordings.writePair(sweepDir, stem, 0.6);
                items.add(new SweepInputs.Item(stem, noisy, sweepDir.resolve(stem + ".clean.wav")));
            }
            Map<String, List<Object>> fields = new LinkedHashMap<>();
            fields.put("clusters", List.of(2L, 3L));
            fields.put("maskMode", List.of("strict", "reduce"));
            grid = new SweepGrid(TestRecordings.fastParameters().toOptions(), fields);
            result = Sweep.run(grid, new SweepInputs(items), List.of(), 1, TaskMonitor.none(), row -> { });
            board = Leaderboard.of(result, Leaderboard.RankBy.SI_SDR);
            Path out = Files.createDirectories(dir.resolve("out"));
            Files.writeString(out.resolve("leaderboard.json"), board.toJson(grid));
            Files.writeString(out.resolve("summary.csv"), board.summaryCsv());
            Files.writeString(out.resolve("leaderboard.csv"), board.rowsCsv());
            Files.writeString(out.resolve("grid.json"), grid.toJson());
            Path bare = Files.createDirectories(dir.resolve("bare"));
            Files.writeString(bare.resolve("summary.csv"), board.summaryCsv());
        }
        vm = WorkbenchViewModel.forTests(new SilentTransport());
        vm.document().setErrorSink(errors::add);
        vm.params().load(TestRecordings.fastParameters());
    }

    @AfterEach
    void close() {
        vm.preferences().clear();
        vm.close();
    }

    private static SweepGrid.Setting setting(String id) {
        return grid.settings().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theJsonLeaderboardListsTheRankingWithEachSettingsExperimentAndFiles() throws Exception {
        List<LeaderboardFile.Row> rows = LeaderboardFile.read(dir.resolve("out/leaderboard.json"));
        assertEquals(4, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            LeaderboardFile.Row r = rows.get(i);
            Leaderboard.Entry e = board.ranking().get(i);
            assertEquals(i + 1, r.rank());
            assertEquals(e.setting(), r.setting());
            assertEquals(e.siSdr(), r.siSdr(), 1e-9);
            assertEquals(e.seconds(), r.seconds(), 1e-9);
            assertEquals(List.of("a", "b"), r.files());
            assertEquals(setting(r.setting()).experiment(), r.experiment(), "the setting's whole experiment");
            // the mean of the sweep's own rows for that setting
            double mean = result.rows().stream().filter(x -> x.setting().equals(r.setting()))
                    .mapToDouble(RunRecord::siSdr).average().orElseThrow();
            assertEquals(mean, r.siSdr(), 1e-9);
        }
    }

    @Test
    void bothCsvFilesReadWithTheGridBesideThemAndSweptValuesWithout() throws Exception {
        List<LeaderboardFile.Row> summary = LeaderboardFile.read(dir.resolve("out/summary.csv"));
        List<LeaderboardFile.Row> json = LeaderboardFile.read(dir.resolve("out/leaderboard.json"));
        assertEquals(json.stream().map(LeaderboardFile.Row::setting).toList(),
                summary.stream().map(LeaderboardFile.Row::setting).toList(), "same ranking");
        for (int i = 0; i < summary.size(); i++) {
            assertEquals(json.get(i).experiment(), summary.get(i).experiment(), "from grid.json");
            assertEquals(json.get(i).siSdr(), summary.get(i).siSdr(), 1e-3, "4 decimals in the CSV");
        }
        List<LeaderboardFile.Row> runs = LeaderboardFile.read(dir.resolve("out/leaderboard.csv"));
        assertEquals(result.rows().size(), runs.size(), "one row per run");
        assertEquals(result.rows().get(0).file(), runs.get(0).files().get(0));

        List<LeaderboardFile.Row> bare = LeaderboardFile.read(dir.resolve("bare/summary.csv"));
        assertNull(bare.get(0).experiment(), "no grid.json beside it");
        LeaderboardFile.Row row = bare.stream().filter(r -> r.setting().equals("s4")).findFirst().orElseThrow();
        assertEquals(Map.of("clusters", 3L, "maskMode", "reduce"), row.values());
        assertEquals(setting("s4").experiment(), row.experimentOver(grid.base()),
                "the swept values over the same base give the setting's experiment");
    }

    @Test
    void loadAsRunAppliesTheRowToAnotherRecordingRunsItAndSaysSo() throws Exception {
        Path other = TestRecordings.writePair(Files.createDirectories(dir.resolve("elsewhere")), "other", 0.6);
        vm.open(other);
        int before = vm.history().entries().size();
        LeaderboardViewModel lb = vm.leaderboard();
        boolean[] listed = {false};
        lb.open(dir.resolve("out/leaderboard.json"), () -> listed[0] = true);
        assertTrue(listed[0]);
        assertEquals(4, lb.rows().size());
        LeaderboardFile.Row pick = lb.rows().stream().filter(r -> r.setting().equals("s4")).findFirst()
                .orElseThrow();
        lb.loadAsRun(pick);
        assertEquals(List.of(), errors);
        ParameterSet applied = vm.params().parametersProperty().get();
        assertEquals(setting("s4").experiment(), applied.toOptions());
        assertEquals("3", vm.params().textProperty("clusters").get(), "shown in the panel");
        assertEquals(applied, vm.lastResultProperty().get().parameters(), "and run");
        assertEquals(before + 1, vm.history().entries().size(), "the run joined the history");
        HistoryEntry e = vm.history().entries().get(vm.history().entries().size() - 1);
        assertEquals(setting("s4").experiment(), e.run().experiment());
        String status = vm.statusProperty().get();
        assertTrue(status.contains("s4") && status.contains("the row was for a, b")
                && status.contains("other.noisy.wav"), status);

        // on a recording of the sweep, no such note
        vm.open(dir.resolve("set/a.noisy.wav"));
        lb.loadAsRun(pick);
        assertFalse(vm.statusProperty().get().contains("the row was for"), vm.statusProperty().get());
    }

    @Test
    void aFileThatIsNoLeaderboardIsOneLine() throws Exception {
        Path bad = dir.resolve("notes.csv");
        Files.writeString(bad, "hello,world\n1,2\n");
        List<LeaderboardFile.Row> before = List.copyOf(vm.leaderboard().rows());
        vm.leaderboard().open(bad, () -> { throw new AssertionError("not listed"); });
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("Cannot open the leaderboard notes.csv\nnotes.csv: not a sweep leaderboard "
                + "CSV"), errors.get(0));
        assertEquals(before, vm.leaderboard().rows());
    }
}
