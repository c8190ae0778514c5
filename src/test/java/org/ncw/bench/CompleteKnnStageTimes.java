package org.ncw.bench;

import org.ncw.engine.cluster.AffinityBuilder;
import org.ncw.engine.cluster.CsrMatrix;
import org.ncw.engine.cluster.Embedding;
import org.ncw.engine.cluster.FeatureScaler;
import org.ncw.engine.cluster.KMeans;
import org.ncw.engine.cluster.Points;
import org.ncw.engine.cluster.SpectralEmbedding;
import org.ncw.engine.cluster.SpectralOptions;
import org.ncw.engine.cluster.strategy.ClusterSettings;
import org.ncw.engine.cluster.strategy.Features;
import org.ncw.engine.cluster.strategy.SpeechRoleRule;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dataset.Table3D;
import org.ncw.engine.dsp.TfMatrix;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Stage timing of the bench row "complete, spectrogram matrix, kNN" (not a test: a main to run by hand):
 * each stage of the strategy run separately on the same data, median over many warm repetitions, next to the
 * whole {@code bench} run. Usage, from the repository root after {@code mvn -q test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.ncw.bench.CompleteKnnStageTimes [reps]}.
 */
public final class CompleteKnnStageTimes {
    private CompleteKnnStageTimes() {
    }

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        ClusterStrategyBench bench = (ClusterStrategyBench) ClusterStrategyBench.cases().get(3).get();
        bench.setUp();
        Table3D data = bench.data();
        ClusterSettings settings = bench.settings();
        SpectralOptions o = settings.spectral();
        TfMatrix db = data.matrix().values();
        Map<String, double[]> times = new LinkedHashMap<>();
        for (String s : new String[] {"bench run()", "feature rows", "scaling", "kNN search", "symmetrise",
                "embedding (Lanczos)", "k-means", "countDistinct", "role rule"}) {
            times.put(s, new double[reps]);
        }
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : Math.max(50, reps / 2);
        for (int r = -warm; r < reps; r++) {
            long t0 = System.nanoTime();
            bench.run();
            long t1 = System.nanoTime();
            Points x = Features.matrixRows(db);
            long t2 = System.nanoTime();
            Points scaled = FeatureScaler.apply(x, o.scaling());
            long t3 = System.nanoTime();
            int[] nn = AffinityBuilder.nearestNeighbors(scaled, o.nNeighbors(), TaskMonitor.none());
            long t4 = System.nanoTime();
            CsrMatrix graph = CsrMatrix.symmetrizedKnn(x.n(), o.nNeighbors(), nn);
            long t5 = System.nanoTime();
            Embedding e = SpectralEmbedding.compute(graph, o.nClusters(), o.eigenSolver(), o.seed(),
                    o.eigenTolerance(), o.maxEigenIterations(), TaskMonitor.none());
            long t6 = System.nanoTime();
            KMeans.Result km = KMeans.fit(e.asPoints(), o.nClusters(), o.nInit(), 300, 1e-4, o.seed(),
                    TaskMonitor.none());
            long t7 = System.nanoTime();
            int distinct = x.countDistinct(o.nClusters()) + e.asPoints().countDistinct(o.nClusters());
            long t8 = System.nanoTime();
            int bins = db.bins();
            int frames = db.frames();
            double[] score = new double[bins * frames];
            int[] raw = new int[bins * frames];
            for (int t = 0; t < frames; t++) {
                for (int b = 0; b < bins; b++) {
                    score[t * bins + b] = SpeechRoleRule.HIGHER_MEAN_DB.score(db, b, t);
                    raw[t * bins + b] = km.labels()[b];
                }
            }
            int speech = SpeechRoleRule.speechCluster(raw, score, o.nClusters());
            long t9 = System.nanoTime();
            if (r >= 0) {
                long[] stamps = {t0, t1, t2, t3, t4, t5, t6, t7, t8, t9};
                int s = 0;
                for (double[] v : times.values()) {
                    v[r] = (stamps[s + 1] - stamps[s]) / 1e6;
                    s++;
                }
            }
            if (distinct + speech < -1) {
                System.out.println("unreachable");
            }
        }
        Points x0 = Features.matrixRows(db);
        CsrMatrix g0 = CsrMatrix.symmetrizedKnn(x0.n(), o.nNeighbors(),
                AffinityBuilder.nearestNeighbors(x0, o.nNeighbors(), TaskMonitor.none()));
        Embedding e0 = SpectralEmbedding.compute(g0, o.nClusters(), o.eigenSolver(), o.seed(), o.eigenTolerance(),
                o.maxEigenIterations(), TaskMonitor.none());
        KMeans.Result k0 = KMeans.fit(e0.asPoints(), o.nClusters(), o.nInit(), 300, 1e-4, o.seed(), TaskMonitor.none());
        System.out.printf(Locale.ROOT, "graph %s; eigen %s, %d mat-vecs, residual %.2g, eigenvalues %s;"
                        + " k-means inertia %.6g, %d iterations; label hash %d%n", g0, e0.solver(), e0.matVecs(),
                e0.residual(), Arrays.toString(e0.eigenvalues()), k0.inertia(), k0.iterations(),
                Arrays.hashCode(k0.labels()));
        double sum = 0;
        System.out.printf(Locale.ROOT, "%-22s %9s %9s%n", "stage", "median ms", "min ms");
        for (Map.Entry<String, double[]> en : times.entrySet()) {
            double[] v = en.getValue().clone();
            Arrays.sort(v);
            if (!en.getKey().startsWith("bench")) {
                sum += v[reps / 2];
            }
            System.out.printf(Locale.ROOT, "%-22s %9.3f %9.3f%n", en.getKey(), v[reps / 2], v[0]);
        }
        System.out.printf(Locale.ROOT, "%-22s %9.3f%n", "sum of stages", sum);
    }
}
