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

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Each frame clustered on its own, frames in parallel on a bounded pool; the {@link SpeechRoleRule} is applied
 * per column, so "speech" means the same thing in every column. Matrix columns with rbf spectral clustering and
 * k-means labels take the {@link Spectral1D} path (one reusable workspace per worker thread) unless
 * {@link ClusterSettings#exact()} asks for the general clusterer.
 */
public final class ColumnByColumnStrategy extends SettingsStrategy {
    public ColumnByColumnStrategy(StrategyOptions options, ClusterSettings settings, ClustererFactory factory) {
        super(options, settings, factory);
    }

    @Override
    public StrategyResult fit(Table3D data, TaskMonitor monitor) {
        TfMatrix db = data.matrix().values();
        int bins = db.bins();
        int frames = db.frames();
        boolean fast = options.dataset() == DatasetKind.MATRIX && settings.oneDimensionalFastPath();
        boolean table = options.dataset() == DatasetKind.TABLE3D;
        Clusterer clusterer = fast ? null : factory.create(settings);
        ThreadLocal<Spectral1D> spectral1D = ThreadLocal.withInitial(() -> new Spectral1D(settings.spectral1D()));
        int[] roles = new int[bins * frames];
        Set<String> warnings = ConcurrentHashMap.newKeySet();
        AtomicInteger done = new AtomicInteger();
        int k = settings.nClusters();
        Runnable all = () -> IntStream.range(0, frames).parallel().forEach(t -> {
            monitor.checkCancelled();
            int[] raw;
            if (fast) {
                raw = spectral1D.get().cluster(db.column(t));
            } else {
                Points x = table ? Features.table(data, t, t + 1, options.scaling()) : Features.matrixColumn(db, t);
                ClusteringResult r = clusterer.fit(x, TaskMonitor.none());
                raw = r.labels();
                warnings.addAll(r.warnings());
            }
            double[] score = new double[bins];
            for (int b = 0; b < bins; b++) {
                score[b] = options.roleRule().score(db, b, t);
            }
            SpeechRoleRule.writeRoles(raw, score, Math.max(k, max(raw) + 1), roles, t * bins);
            monitor.step(done.incrementAndGet(), frames);
        });
        // Smile's native ARPACK is not safe to call from several threads at once (heap corruption): one worker
        boolean arpack = !fast && settings.algorithm() == ClusterSettings.Algorithm.SPECTRAL
                && settings.spectral().eigenSolver() == EigenSolver.ARPACK;
        runOnPool(all, arpack ? 1 : options.effectiveThreads());
        return new StrategyResult(new LabelGrid(bins, frames, roles), frames, bins, fast, warnings.stream().sorted().toList());
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
