package org.ncw.bench;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Times cases in a warm JVM: warm-up runs until both a run count and a time budget are spent,
 * then {@code runs} timed runs; reports min / median / max wall seconds per run.
 */
public final class BenchRunner {
    private final int warmupRuns;
    private final double warmupSeconds;
    private final int runs;

    public BenchRunner(int warmupRuns, double warmupSeconds, int runs) {
        if (warmupRuns < 0 || runs < 1 || !(warmupSeconds >= 0)) {
            throw new IllegalArgumentException("need warmupRuns >= 0, warmupSeconds >= 0 and runs >= 1");
        }
        this.warmupRuns = warmupRuns;
        this.warmupSeconds = warmupSeconds;
        this.runs = runs;
    }

    public BenchResult run(BenchCase c, Consumer<String> log) {
        try {
            c.setUp();
            long warmStart = System.nanoTime();
            int done = 0;
            while (done < warmupRuns || (System.nanoTime() - warmStart) / 1e9 < warmupSeconds && done < 1000) {
                blackhole(c.run());
                done++;
            }
            double[] t = new double[runs];
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                blackhole(c.run());
                t[i] = (System.nanoTime() - s) / 1e9;
            }
            Arrays.sort(t);
            double median = runs % 2 == 1 ? t[runs / 2] : 0.5 * (t[runs / 2 - 1] + t[runs / 2]);
            return new BenchResult(c.group(), c.name(), c.size(), runs, t[0], median, t[runs - 1],
                    c.target(), c.targetSeconds(), c.notes(), null);
        } catch (Exception | OutOfMemoryError e) {
            log.accept("benchmark '" + c.name() + "' failed: " + e);
            return new BenchResult(c.group(), c.name(), "", 0, Double.NaN, Double.NaN, Double.NaN,
                    c.target(), c.targetSeconds(), "", String.valueOf(e.getMessage()));
        }
    }

    private static volatile int sink;

    private static void blackhole(Object o) {
        sink += System.identityHashCode(o);
    }
}
