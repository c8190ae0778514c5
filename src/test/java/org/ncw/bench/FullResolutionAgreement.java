package org.ncw.bench;

import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.cluster.AdjustedRandIndex;
import org.ncw.engine.cluster.ClusteringResult;
import org.ncw.engine.cluster.Points;
import org.ncw.engine.cluster.SpectralClusterer;
import org.ncw.engine.cluster.SpectralOptions;
import org.ncw.engine.cluster.strategy.ClusterSettings;
import org.ncw.engine.cluster.strategy.Features;
import org.ncw.engine.cluster.strategy.StrategyOptions;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dsp.DbScale;
import org.ncw.engine.dsp.Intensity;
import org.ncw.engine.dataset.Table3D;
import org.ncw.engine.dsp.Resolution;
import org.ncw.engine.dsp.Stft;

import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;

/**
 * How far the fast eigen path of the bench row "complete, full-resolution 3D table, kNN" (multilevel start vector,
 * Lanczos restarts capped by a work budget) is from a fully converged solve of the same kNN graph: the adjusted
 * Rand index of the two labellings. Not a test (minutes of CPU): a main to run by hand, niced, from the repository
 * root after {@code mvn -q test-compile}:
 * <pre>
 * nice -n 19 java -Xmx4g -cp target/classes:target/test-classes:$(cat cp.txt) org.ncw.bench.FullResolutionAgreement low
 * nice -n 19 java -Xmx4g -cp ... org.ncw.bench.FullResolutionAgreement regular 0 100   # frames [0, 100)
 * </pre>
 * The row's own settings (kNN k = 10, Lanczos, k-means with one init, seed 0, the strategy's feature scaling);
 * "converged" is the same clustering with a restart cap of {@value #CONVERGED_RESTARTS} instead of the budget.
 */
public final class FullResolutionAgreement {
    static final int CONVERGED_RESTARTS = 5000;

    private FullResolutionAgreement() {
    }

    public static void main(String[] args) throws Exception {
        boolean low = args.length == 0 || args[0].equalsIgnoreCase("low");
        Resolution resolution = low ? Resolution.LOW : Resolution.REGULAR;
        Signal signal = Files.isRegularFile(ClusterStrategyBench.SAMPLE)
                ? AudioReader.read(ClusterStrategyBench.SAMPLE).toMono() : ClusterStrategyBench.synthetic();
        Table3D table = Table3D.of(Stft.forward(signal, resolution.toStftOptions(), TaskMonitor.none())
                .toMatrix(Intensity.DB, DbScale.defaults()));
        int frames = table.matrix().frames();
        int from = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int to = args.length > 2 ? Math.min(frames, Integer.parseInt(args[2])) : frames;
        ClusterStrategyBench row5 = (ClusterStrategyBench) ClusterStrategyBench.cases().get(4).get();
        ClusterSettings settings = row5.settings();
        StrategyOptions strategy = row5.strategy();
        Points points = Features.table(table, from, to, strategy.scaling());
        System.out.printf(Locale.ROOT, "%s grid %d bins x frames [%d, %d) = %d points%n",
                low ? "LOW" : "REGULAR", table.matrix().bins(), from, to, points.n());
        SpectralOptions fast = settings.spectral();
        SpectralOptions converged = fast.withMaxEigenIterations(CONVERGED_RESTARTS);
        ClusteringResult a = run("fast (budget-capped)", points, fast);
        ClusteringResult b = run("converged", points, converged);
        System.out.printf(Locale.ROOT, "ARI fast vs converged: %.4f%n", AdjustedRandIndex.of(a.labels(), b.labels()));
    }

    private static ClusteringResult run(String name, Points points, SpectralOptions options) {
        long t0 = System.nanoTime();
        ClusteringResult r = SpectralClusterer.fit(points, options, TaskMonitor.none());
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> d = r.diagnostics();
        System.out.printf(Locale.ROOT, "%-22s %7.1f s, %6.0f mat-vecs, residual %.2g, eigenvalue.1 %.6g; %s%n", name,
                seconds, d.getOrDefault("eigen.matVecs", Double.NaN), d.getOrDefault("eigen.residual", Double.NaN),
                d.getOrDefault("eigenvalue.1", Double.NaN), r.warnings());
        return r;
    }
}
