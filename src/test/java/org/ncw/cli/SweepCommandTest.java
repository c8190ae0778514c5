package org.ncw.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.core.Json;
import org.ncw.engine.sweep.SweepFixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ncw.cli.CliRun.run;

class SweepCommandTest {
    @TempDir
    Path dir;

    private Path grid(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    @Test
    void badGridIsOneLineNamingFieldAndValueExit2() throws IOException {
        Path set = SweepFixtures.syntheticSet(dir);
        Path g = grid("bad.json", "{\"grid\": {\"affinity\": [\"rbf\"], \"labelAssignment\": [\"kmeans\", "
                + "\"best\"]}}");
        CliRun r = run("sweep", "--grid", g.toString(), set.toString(), "-o", dir.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("'labelAssignment'") && r.err().contains("'best'"), r.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing is written for a bad grid");
    }

    @Test
    void runsWritesTheLeaderboardAndResumes() throws IOException {
        Path set = SweepFixtures.syntheticSet(dir);
        Path g = grid("grid.json", "{\"grid\": {\"method\": [\"unprocessed\", \"blind-denoiser\"], "
                + "\"denoiserGainFloorDb\": [-30, -15]}}");
        Path out = dir.resolve("out");
        CliRun first = run("sweep", "--grid", g.toString(), set.toString(), "-o", out.toString(), "--jobs", "2");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("4 settings x 2 recordings = 8 runs (0 done earlier)"), first.out());
        assertTrue(first.out().contains("estimate ~"), first.out());
        // "unprocessed" takes no options: its two gain floors are the same run
        assertTrue(first.out().contains("note: s1, s2 run unprocessed with the same options"), first.out());
        assertFalse(first.out().contains("note: s3"), first.out());
        for (String f : List.of("runs.jsonl", "leaderboard.csv", "summary.csv", "leaderboard.json", "summary.png",
                "grid.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertEquals(8, Files.readAllLines(out.resolve("runs.jsonl")).size());
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(5, summary.size());
        // the blind denoiser improves on the noisy mixture, so it outranks "unprocessed"
        assertTrue(summary.get(1).contains("blind-denoiser"), summary.toString());
        assertTrue(summary.get(4).contains("unprocessed") || summary.get(3).contains("unprocessed"),
                summary.toString());
        JsonNode doc = Json.mapper().readTree(out.resolve("leaderboard.json").toFile());
        assertEquals(4, doc.get("ranking").size());
        assertEquals(8, doc.get("rows").size());

        // pre-seed half the journal: only the other half runs
        List<String> lines = Files.readAllLines(out.resolve("runs.jsonl"));
        Files.write(out.resolve("runs.jsonl"), lines.subList(0, 4));
        CliRun resumed = run("sweep", "--grid", g.toString(), set.toString(), "-o", out.toString(), "--jobs", "1",
                "-q");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("(4 done earlier)"), resumed.out());
        // equivalent settings share a run: which of them the four journal lines hold decides how many remain
        java.util.regex.Matcher ran = java.util.regex.Pattern.compile("ran (\\d+) runs in .* \\((\\d+) resumed")
                .matcher(resumed.out());
        assertTrue(ran.find(), resumed.out());
        assertEquals(8, Integer.parseInt(ran.group(1)) + Integer.parseInt(ran.group(2)), resumed.out());
        assertTrue(Integer.parseInt(ran.group(2)) >= 4, resumed.out());
        assertEquals(8, Files.readAllLines(out.resolve("runs.jsonl")).size());
        assertEquals(summary.stream().map(SweepCommandTest::withoutTime).toList(),
                Files.readAllLines(out.resolve("summary.csv")).stream().map(SweepCommandTest::withoutTime).toList());

        // another grid in the same folder is refused, unless --restart
        Path other = grid("other.json", "{\"grid\": {\"method\": [\"unprocessed\"]}}");
        CliRun refused = run("sweep", "--grid", other.toString(), set.toString(), "-o", out.toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("another grid"), refused.err());
        CliRun restarted = run("sweep", "--grid", other.toString(), set.toString(), "-o", out.toString(),
                "--restart");
        assertEquals(0, restarted.code(), restarted.err());
        assertEquals(2, Files.readAllLines(out.resolve("runs.jsonl")).size());
    }

    /** A summary line without its runtime columns (seconds, rtf), which differ between runs. */
    private static String withoutTime(String csvLine) {
        String[] f = csvLine.split(",", -1);
        // rank,setting,method,denoiserGainFloorDb,method,runs,failures,si,stoi,dsi,dstoi,seconds,rtf,...
        f[f.length - 5] = "";
        f[f.length - 4] = "";
        return String.join(",", f);
    }

    @Test
    void plainFilesRankByRuntimeAndRefuseScoreRanking() throws IOException {
        Path set = SweepFixtures.syntheticSet(dir);
        Path g = grid("grid.json", "{\"grid\": {\"method\": [\"unprocessed\", \"production\"]}}");
        Path noisy = set.resolve("m0.noisy.wav");
        CliRun refused = run("sweep", "--grid", g.toString(), noisy.toString(), "-o", dir.resolve("o1").toString(),
                "--rank-by", "stoi");
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("--rank-by stoi needs an evaluation set"), refused.err());
        CliRun ok = run("sweep", "--grid", g.toString(), noisy.toString(), "-o", dir.resolve("o2").toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("ranked by runtime"), ok.out());
        assertFalse(Files.exists(dir.resolve("o2/summary.png")), "no score chart without references");
        // a folder with leaderboard files but no journal is not replaced without --force
        Path foreign = Files.createDirectories(dir.resolve("o4"));
        Files.writeString(foreign.resolve("summary.csv"), "mine");
        CliRun kept = run("sweep", "--grid", g.toString(), noisy.toString(), "-o", foreign.toString());
        assertEquals(1, kept.code(), kept.err());
        assertTrue(kept.err().contains("summary.csv") && kept.err().contains("--force"), kept.err());
        assertEquals("mine", Files.readString(foreign.resolve("summary.csv")));
        assertEquals(0, run("sweep", "--grid", g.toString(), noisy.toString(), "-o", foreign.toString(), "--force")
                .code());
        CliRun dry = run("sweep", "--grid", g.toString(), noisy.toString(), "-o", dir.resolve("o3").toString(),
                "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("s2  method=production"), dry.out());
        assertFalse(Files.exists(dir.resolve("o3")));
    }
}
