package org.ncw.engine.cluster.strategy;

import org.ncw.engine.cluster.Clusterer;
import org.ncw.engine.cluster.ClusteringResult;
import org.ncw.engine.cluster.EigenSolver;
import org.ncw.engine.cluster.Points;
import org.ncw.engine.core.CancelledException;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.dataset.Table3D;
import org.ncw.engine.dsp.TfMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Each frame clustered on its own, frames in parallel on a bounded pool; the {@link SpeechRoleRule} is applied
 * per column, so "speech" means the same thing in every column. Matrix columns with rbf spectral clustering take
 * the {@link Spectral1D} path (one reusable workspace per worker thread) unless {@link ClusterSettings#exact()}
 * asks for the general clusterer. General spectral problems of one column (683 points at the low grid) use the
 * Lanczos solver when the solver is AUTO: a dense eigendecomposition per column is about 10x slower for the same
 * k leading eigenvectors.
 */
public final class ColumnByColumnStrategy extends SettingsStrategy {
    public ColumnByColumnStrategy(StrategyOptions options, ClusterSettings settings, ClustererFactory factory) {
        super(options, settings, factory);
    }

    @Override
    public StrategyResult fit(Table3D data, TfMatrix db, EmbeddingCache embeddings, TaskMonitor monitor) {
        TfMatrix values = data.matrix().values();
        int bins = values.bins();
        int frames = values.frames();
        boolean table = options.dataset() == DatasetKind.TABLE3D;
        ClusterSettings run = columnSettings(effectiveSettings(frames, t -> points(data, t, table)));
        // rbf spectral columns, matrix (one feature) or 3-D table (bin and intensity): grouped into cells, made small
        boolean fast = run.oneDimensionalFastPath();
        // the fast path's solver can fail on badly conditioned columns (huge gamma): such columns use the general one
        Clusterer eager = fast ? null : factory.create(run);
        java.util.function.Supplier<Clusterer> general = eager != null ? () -> eager : lazy(() -> factory.create(run));
        ThreadLocal<Spectral1D> spectral1D = ThreadLocal.withInitial(() -> new Spectral1D(run.spectral1D()));
        int[] roles = new int[bins * frames];
        double[] presence = new double[bins * frames];
        Set<String> warnings = ConcurrentHashMap.newKeySet();
        DiagnosticsCollector diagnostics = new DiagnosticsCollector(options, run, frames, settings.autoGamma());
        AtomicInteger done = new AtomicInteger();
        int k = run.nClusters();
        Runnable all = () -> IntStream.range(0, frames).parallel().forEach(t -> {
            monitor.checkCancelled();
            Points x = points(data, t, table);
            int[] raw;
            ClusteringResult r = null;
            double gap = Double.NaN;
            AffinityStats grouped = null;
            int[] quick = fast ? fastLabels(spectral1D.get(), table ? x : null, values, t, run, warnings) : null;
            if (quick != null) {
                raw = quick;
                gap = spectral1D.get().lastLaplacianGap();
                // the 3-D table's columns: the graph's figures over the groups (O(n^2) over 2049 points is slow)
                grouped = table ? spectral1D.get().lastAffinityStats() : null;
            } else {
                r = embeddings.fit(t, general.get(), x, TaskMonitor.none());
                raw = r.labels();
                warnings.addAll(r.warnings());
            }
            double[] score = new double[bins];
            for (int b = 0; b < bins; b++) {
                score[b] = options.roleRule().score(db, b, t);
            }
            int kk = Math.max(k, max(raw) + 1);
            int speech = SpeechRoleRule.speechCluster(raw, score, kk);
            SpeechRoleRule.writeRoles(raw, speech, roles, t * bins);
            SoftScores.write(x, raw, kk, speech, presence, t * bins);
            diagnostics.record(t, x, raw, r, gap, grouped);
            monitor.step(done.incrementAndGet(), frames);
        });
        // Smile's native ARPACK is not safe to call from several threads at once (heap corruption): one worker
        boolean arpack = !fast && run.algorithm() == ClusterSettings.Algorithm.SPECTRAL
                && run.spectral().eigenSolver() == EigenSolver.ARPACK;
        runOnPool(all, arpack ? 1 : options.effectiveThreads());
        ClusterDiagnostics d = diagnostics.result();
        List<String> allWarnings = new ArrayList<>(warnings.stream().sorted().toList());
        allWarnings.addAll(d.warnings());
        return new StrategyResult(new LabelGrid(bins, frames, roles), frames, bins, fast, allWarnings, d,
                new TfMatrix(bins, frames, presence));
    }

    /** The fast path's labels, or null (with a warning) when its eigen solver fails on this column. */
    private static int[] fastLabels(Spectral1D s, Points tablePoints, TfMatrix values, int frame, ClusterSettings run,
                                    Set<String> warnings) {
        try {
            return tablePoints != null ? s.cluster(tablePoints, run.spectral().assignLabels())
                    : s.cluster(values.column(frame), run.spectral().assignLabels());
        } catch (ArithmeticException | org.apache.commons.math3.exception.MathIllegalStateException e) {
            warnings.add("the grouped fast path failed on some frames (first seen: " + e.getMessage()
                    + "); they used the general clusterer");
            return null;
        }
    }

    private Points points(Table3D data, int frame, boolean table) {
        return table ? Features.table(data, frame, frame + 1, options.scaling())
                : Features.matrixColumn(data.matrix().values(), frame);
    }

    /** AUTO picks Lanczos for the small per-column problems (same leading eigenvectors, no O(n^3) decomposition). */
    private static ClusterSettings columnSettings(ClusterSettings s) {
        if (s.algorithm() == ClusterSettings.Algorithm.SPECTRAL && s.spectral().eigenSolver() == EigenSolver.AUTO) {
            return s.withSpectral(s.spectral().withEigenSolver(EigenSolver.LANCZOS));
        }
        return s;
    }

    private static <T> java.util.function.Supplier<T> lazy(java.util.function.Supplier<T> make) {
        java.util.concurrent.atomic.AtomicReference<T> made = new java.util.concurrent.atomic.AtomicReference<>();
        return () -> made.updateAndGet(v -> v != null ? v : make.get());
    }

    private static int max(int[] a) {
        int m = 0;
        for (int v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** Runs a parallel stream on a pool of the given size (not the shared common pool) and unwraps failures. */
    private static void runOnPool(Runnable work, int threads) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }
}
