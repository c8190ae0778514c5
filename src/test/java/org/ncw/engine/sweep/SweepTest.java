package org.ncw.engine.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.audio.AudioWriter;
import org.ncw.engine.audio.SampleFormat;
import org.ncw.engine.core.CancellationToken;
import org.ncw.engine.core.CancelledException;
import org.ncw.engine.core.ProgressListener;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.metrics.MetricsFixtureSignals;
import org.ncw.engine.metrics.SiSdr;
import org.ncw.engine.workbench.RunHistory;
import org.ncw.engine.workbench.RunRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepTest {
    private static final int FS = 16000;
    private static final String GRID = "{\"grid\": {\"method\": [\"unprocessed\", \"cluster\"], "
            + "\"affinity\": [\"rbf\", \"knn\"]}}";

    @TempDir
    Path dir;

    private static List<RunRecord> withoutTimes(List<RunRecord> rows) {
        return rows.stream().map(r -> r.withSeconds(0)).toList();
    }

    private static Sweep.Result run(SweepGrid grid, SweepInputs in, List<RunRecord> earlier, int jobs,
                                    Sweep.RowSink sink) throws IOException {
        return Sweep.run(grid, in, earlier, jobs, TaskMonitor.none(), sink);
    }

    @Test
    void scoresEveryRunAndTheSameWithOneOrTwoJobs() throws IOException {
        SweepInputs in = SweepInputs.of(List.of(SweepFixtures.syntheticSet(dir)), 0);
        SweepGrid grid = SweepGrid.fromJson(GRID, null);
        List<RunRecord> seen = Collections.synchronizedList(new ArrayList<>());
        Sweep.Result one = run(grid, in, List.of(), 1, seen::add);
        assertEquals(8, one.rows().size());
        assertEquals(8, seen.size());
        assertEquals(0, one.reused());
        // by file, then setting
        assertEquals(List.of("m0", "m0", "m0", "m0", "m1", "m1", "m1", "m1"),
                one.rows().stream().map(RunRecord::file).toList());
        assertEquals(List.of("s1", "s2", "s3", "s4", "s1", "s2", "s3", "s4"),
                one.rows().stream().map(RunRecord::setting).toList());
        RunRecord unprocessed = one.rows().get(0);
        assertEquals("unprocessed", unprocessed.method());
        assertEquals(0.0, unprocessed.deltaSiSdr(), 1e-12);
        assertEquals(0.0, unprocessed.deltaStoi(), 1e-12);
        assertTrue(Double.isNaN(unprocessed.degeneratePercent()));
        // the noisy mixture's SI-SDR, computed here by hand
        Signal clean = org.ncw.engine.audio.AudioReader.read(in.items().get(0).clean()).toMono();
        Signal noisy = org.ncw.engine.audio.AudioReader.read(in.items().get(0).noisy()).toMono();
        assertEquals(SiSdr.compute(clean.samples(), noisy.samples()), unprocessed.siSdr(), 1e-9);
        RunRecord clustered = one.rows().get(2);
        assertEquals("cluster:column/matrix/strict", clustered.method());
        assertTrue(clustered.problems() > 0, "column-by-column solves one problem per frame");
        assertFalse(Double.isNaN(clustered.degeneratePercent()));
        assertFalse(clustered.failed(), clustered.error());
        assertEquals(grid.hash(), clustered.sweep());

        Sweep.Result two = run(grid, in, List.of(), 2, r -> { });
        assertEquals(withoutTimes(one.rows()), withoutTimes(two.rows()));

        // one run on its own (what a distributed task does) makes the same row
        RunRecord single = Sweep.runSingle(grid, in.items().get(1), grid.settings().get(3), TaskMonitor.none());
        assertEquals(one.rows().get(7).withSeconds(0), single.withSeconds(0));
    }

    /**
     * Settings that cannot differ run once per file: kNN ignores gamma and the unprocessed input ignores every
     * clustering field, so of 2 x 2 x 2 settings only 3 distinct runs remain per file (rbf gamma 1, rbf gamma 2,
     * knn; plus one unprocessed). A copied row is its group's row, run time included (a second run would take
     * its own time), under its own setting and values.
     */
    @Test
    void equivalentSettingsRunOncePerFile() throws IOException {
        SweepInputs in = SweepInputs.of(List.of(SweepFixtures.syntheticSet(dir)), 0);
        SweepGrid grid = SweepGrid.fromJson("{\"grid\": {\"method\": [\"unprocessed\", \"cluster\"], "
                + "\"affinity\": [\"rbf\", \"knn\"], \"gamma\": [1, 2]}}", null);
        List<RunRecord> seen = Collections.synchronizedList(new ArrayList<>());
        Sweep.Result r = run(grid, in, List.of(), 2, seen::add);
        assertEquals(16, r.rows().size());
        assertEquals(16, seen.size(), "every setting still gets its row");
        for (String file : List.of("m0", "m1")) {
            List<RunRecord> rows = r.rows().stream().filter(x -> x.file().equals(file)).toList();
            // s1..s4 unprocessed (one run), s5/s6 rbf gamma 1/2, s7/s8 knn gamma 1/2 (one run)
            for (int k = 1; k < 4; k++) {
                assertEquals(rows.get(0).seconds(), rows.get(k).seconds(), 0.0, file + " unprocessed copy " + k);
                assertEquals(rows.get(0).siSdr(), rows.get(k).siSdr(), 0.0);
            }
            assertEquals(rows.get(6).seconds(), rows.get(7).seconds(), 0.0, file + " knn copy");
            assertEquals(rows.get(6).siSdr(), rows.get(7).siSdr(), 0.0);
            assertEquals(grid.settings().get(7).values(), rows.get(7).values(), "the copy has its own values");
            assertEquals("s8", rows.get(7).setting());
            assertTrue(rows.get(4).seconds() != rows.get(5).seconds() || rows.get(4).siSdr() != rows.get(5).siSdr(),
                    "rbf gamma 1 and 2 are different runs");
        }
        // and each copy is what running that setting on its own gives
        RunRecord alone = Sweep.runSingle(grid, in.items().get(0), grid.settings().get(7), TaskMonitor.none());
        assertEquals(alone.withSeconds(0), r.rows().get(7).withSeconds(0));
    }

    @Test
    void resumesFromTheJournalAfterAnInterruption() throws IOException {
        SweepInputs in = SweepInputs.of(List.of(SweepFixtures.syntheticSet(dir)), 0);
        SweepGrid grid = SweepGrid.fromJson(GRID, null);
        Sweep.Result full = run(grid, in, List.of(), 1, r -> { });

        RunHistory journal = new RunHistory(dir.resolve("out/runs.jsonl"), OutputGuard.none());
        Files.createDirectories(dir.resolve("out"));
        CancellationToken token = new CancellationToken();
        AtomicInteger appended = new AtomicInteger();
        assertThrows(CancelledException.class, () -> Sweep.run(grid, in, List.of(), 1,
                TaskMonitor.of(ProgressListener.NONE, token), row -> {
                    journal.append(row);
                    if (appended.incrementAndGet() == 3) {
                        token.cancel();
                    }
                }));
        assertEquals(3, journal.read().size());
        // a run cut short while its line was written: the torn line is dropped and that run runs again
        Files.writeString(journal.file(), "{\"sweep\":\"" + grid.hash() + "\",\"file\":\"m", java.nio.file.StandardOpenOption.APPEND);
        List<RunRecord> kept = journal.read();
        assertEquals(3, kept.size());

        List<RunRecord> ranNow = Collections.synchronizedList(new ArrayList<>());
        Sweep.Result resumed = Sweep.run(grid, in, kept, 2, TaskMonitor.none(), row -> {
            journal.append(row);
            ranNow.add(row);
        });
        assertEquals(3, resumed.reused());
        assertEquals(5, resumed.ran());
        assertEquals(5, ranNow.size());
        assertTrue(ranNow.stream().noneMatch(r -> kept.stream().anyMatch(k -> k.file().equals(r.file())
                && k.setting().equals(r.setting()))), "a run already in the journal ran again");
        assertEquals(withoutTimes(full.rows()), withoutTimes(resumed.rows()));
        assertEquals(8, journal.read().size());

        // rows of another grid are not reused
        SweepGrid other = SweepGrid.fromJson("{\"grid\": {\"affinity\": [\"rbf\"]}}", null);
        assertThrows(IllegalArgumentException.class, () -> run(other, in, kept, 1, r -> { }));
    }

    @Test
    void plainFilesGetRuntimeAndDiagnosticsOnly() throws IOException {
        Path set = SweepFixtures.syntheticSet(dir);
        SweepInputs in = SweepInputs.of(List.of(set.resolve("m0.noisy.wav"), set.resolve("m1.noisy.wav")), 1);
        assertEquals(1, in.items().size());
        assertFalse(in.scored());
        Sweep.Result r = run(SweepGrid.fromJson("{\"grid\": {\"affinity\": [\"rbf\", \"knn\"]}}", null), in,
                List.of(), 2, x -> { });
        assertEquals(2, r.rows().size());
        for (RunRecord row : r.rows()) {
            assertFalse(row.scored());
            assertTrue(row.seconds() > 0);
            assertTrue(row.problems() > 0);
        }
        Leaderboard board = Leaderboard.of(r, Leaderboard.RankBy.RUNTIME);
        assertTrue(board.ranking().get(0).seconds() <= board.ranking().get(1).seconds());
    }
}
