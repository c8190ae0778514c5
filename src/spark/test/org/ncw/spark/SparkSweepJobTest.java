package org.ncw.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.sweep.Leaderboard;
import org.ncw.engine.sweep.Sweep;
import org.ncw.engine.sweep.SweepFixtures;
import org.ncw.engine.sweep.SweepGrid;
import org.ncw.engine.sweep.SweepInputs;
import org.ncw.engine.workbench.RunHistory;
import org.ncw.engine.workbench.RunRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs only with -Pspark: the Spark job in local mode gives the local sweep's rows. */
class SparkSweepJobTest {
    @TempDir
    Path dir;

    @Test
    void sameRowsAsTheLocalSweep() throws Exception {
        SweepInputs in = SweepInputs.of(List.of(SweepFixtures.syntheticSet(dir)), 0);
        SweepGrid grid = SweepGrid.fromJson("{\"grid\": {\"method\": [\"unprocessed\", \"cluster\"], "
                + "\"affinity\": [\"rbf\", \"knn\"]}}", null);
        Sweep.Result local = Sweep.run(grid, in, List.of(), 1, TaskMonitor.none(), r -> { });
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("ncw-sweep-test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        Sweep.Result spark;
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            spark = SparkSweepJob.run(sc, grid, in);
        }
        assertEquals(8, spark.rows().size());
        // "unprocessed" does not cluster: its rbf and knn settings are one task per file (2 files x 3, not x 4)
        assertEquals(6, SparkSweepJob.tasks(grid, in).size());
        assertEquals(local.rows().stream().map(r -> r.withSeconds(0)).toList(),
                spark.rows().stream().map(r -> r.withSeconds(0)).toList());
        Path out = dir.resolve("out");
        SparkSweepJob.write(spark, grid, Leaderboard.RankBy.SI_SDR, out, OutputGuard.none());
        List<RunRecord> journal = new RunHistory(out.resolve("runs.jsonl"), OutputGuard.none()).read();
        assertEquals(spark.rows(), journal);
        assertEquals(Leaderboard.of(local, Leaderboard.RankBy.SI_SDR).ranking().stream()
                        .map(Leaderboard.Entry::setting).toList(),
                Files.readAllLines(out.resolve("summary.csv")).stream().skip(1).map(l -> l.split(",")[1]).toList());
    }
}
