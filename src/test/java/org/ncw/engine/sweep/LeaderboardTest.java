package org.ncw.engine.sweep;

import org.junit.jupiter.api.Test;
import org.ncw.engine.workbench.RunRecord;
import org.ncw.engine.workbench.WorkbenchOptions;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeaderboardTest {
    private static final WorkbenchOptions W = WorkbenchOptions.defaults();

    private static RunRecord row(SweepGrid.Setting s, String file, double siSdr, double stoi, double seconds,
                                 String error) {
        return new RunRecord("h", file, s.id(), s.values(), "m", s.experiment(), siSdr, stoi, siSdr - 1, stoi - 0.5,
                seconds, 10, 1, 0, Double.NaN, "", List.of(), error);
    }

    @Test
    void meansAndRanksByHand() throws IOException {
        List<SweepGrid.Setting> s = SweepGrid.fromJson("{\"grid\": {\"maskMode\": [\"strict\", \"reduce\", "
                + "\"soft\"]}}", null).settings();
        // s1: SI-SDR (2 + 4) / 2 = 3, STOI (0.7 + 0.9) / 2 = 0.8, seconds (1 + 3) / 2 = 2
        // s2: SI-SDR (5 + 3) / 2 = 4, STOI (0.6 + 0.6) / 2 = 0.6, seconds (4 + 4) / 2 = 4
        // s3: one failed run, the other: SI-SDR 1, STOI 0.95, seconds 0.5
        List<RunRecord> rows = List.of(
                row(s.get(0), "a", 2, 0.7, 1, ""), row(s.get(1), "a", 5, 0.6, 4, ""),
                row(s.get(2), "a", Double.NaN, Double.NaN, 9, "boom"),
                row(s.get(0), "b", 4, 0.9, 3, ""), row(s.get(1), "b", 3, 0.6, 4, ""),
                row(s.get(2), "b", 1, 0.95, 0.5, ""));
        Sweep.Result result = new Sweep.Result("h", s, rows, 0);

        Leaderboard bySiSdr = Leaderboard.of(result, Leaderboard.RankBy.SI_SDR);
        assertEquals(List.of("s2", "s1", "s3"), bySiSdr.ranking().stream().map(Leaderboard.Entry::setting).toList());
        Leaderboard.Entry first = bySiSdr.ranking().get(0);
        assertEquals(1, first.rank());
        assertEquals(4.0, first.siSdr(), 1e-12);
        assertEquals(3.0, first.deltaSiSdr(), 1e-12);
        assertEquals(0.6, first.stoi(), 1e-12);
        assertEquals(4.0, first.seconds(), 1e-12);
        assertEquals(0.4, first.realTimeFactor(), 1e-12); // 8 s over 20 s of audio
        Leaderboard.Entry failedOnce = bySiSdr.ranking().get(2);
        assertEquals(1, failedOnce.runs());
        assertEquals(1, failedOnce.failures());
        assertEquals("boom", failedOnce.firstError());
        assertEquals(1.0, failedOnce.siSdr(), 1e-12);

        assertEquals(List.of("s3", "s1", "s2"), Leaderboard.of(result, Leaderboard.RankBy.STOI).ranking().stream()
                .map(Leaderboard.Entry::setting).toList());
        assertEquals(List.of("s3", "s1", "s2"), Leaderboard.of(result, Leaderboard.RankBy.RUNTIME).ranking()
                .stream().map(Leaderboard.Entry::setting).toList());

        String csv = bySiSdr.summaryCsv();
        assertTrue(csv.startsWith("rank,setting,maskMode,method,runs,"), csv);
        assertTrue(csv.contains("\n1,s2,reduce,m,2,0,4.0000,0.60000,3.0000,0.10000,4.0000,"), csv);
        String rowsCsv = bySiSdr.rowsCsv();
        assertEquals(7, rowsCsv.lines().count());
        assertTrue(rowsCsv.contains("a,s3,soft,m,,,,,9.0000,10.000,1,0.00,,,boom"), rowsCsv);
        assertTrue(bySiSdr.toJson(SweepGrid.fromJson("{\"grid\": {\"maskMode\": [\"strict\", \"reduce\", "
                + "\"soft\"]}}", null)).contains("\"rank_by\" : \"si-sdr\""));
    }

    @Test
    void aSettingWithoutScoresGoesLast() throws IOException {
        List<SweepGrid.Setting> s = SweepGrid.fromJson("{\"grid\": {\"maskMode\": [\"strict\", \"soft\"]}}", null)
                .settings();
        List<RunRecord> rows = List.of(row(s.get(0), "a", Double.NaN, Double.NaN, 1, "x"),
                row(s.get(1), "a", -3, 0.2, 1, ""));
        Leaderboard b = Leaderboard.of(new Sweep.Result("h", s, rows, 0), Leaderboard.RankBy.SI_SDR);
        assertEquals(List.of("s2", "s1"), b.ranking().stream().map(Leaderboard.Entry::setting).toList());
        assertEquals(Leaderboard.RankBy.STOI, Leaderboard.RankBy.parse("stoi"));
        assertEquals(Leaderboard.RankBy.SI_SDR, Leaderboard.RankBy.parse("SI-SDR"));
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Leaderboard.RankBy.parse("speed")).getMessage().contains("'speed'"));
    }
}
