package org.ncw.engine.cluster.strategy;

import org.ncw.engine.cluster.AffinityKind;
import org.ncw.engine.cluster.ClusteringResult;
import org.ncw.engine.cluster.Points;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.dataset.Table3D;
import org.ncw.engine.dsp.TfMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The whole dataset in one clustering. On the matrix, samples are frequency bins (rows) with their intensity over
 * all frames as features, so a whole bin is speech or noise, exactly as scikit-learn treats a 2-D array; on the
 * 3-D table, every time-frequency point is a sample.
 *
 * <p>Problems that cannot give labels in interactive time are refused before any work, naming the setting and
 * the size they would need: a dense rbf affinity above {@link #DENSE_RBF_POINTS} points, and spectral, Ward or
 * Gaussian-mixture clustering of more than {@link #MAX_POINTS} points (the 3-D table of the regular grid has
 * millions).
 */
public final class CompleteStrategy extends SettingsStrategy {
    /** Largest problem for a dense rbf affinity (10 000^2 weights = 800 MB, seconds to embed). */
    public static final int DENSE_RBF_POINTS = 10_000;
    /** Largest complete problem for every clusterer but k-means (the low grid's 3-D table has ~40 000 points). */
    public static final int MAX_POINTS = 200_000;

    public CompleteStrategy(StrategyOptions options, ClusterSettings settings, ClustererFactory factory) {
        super(options, settings, factory);
    }

    @Override
    public StrategyResult fit(Table3D data, TfMatrix db, EmbeddingCache embeddings, TaskMonitor monitor) {
        TfMatrix values = data.matrix().values();
        int bins = values.bins();
        int frames = values.frames();
        boolean matrix = options.dataset() == DatasetKind.MATRIX;
        refuseTooLarge(matrix ? bins : bins * frames);
        monitor.step(0, 1);
        Points x = matrix ? Features.matrixRows(values) : Features.table(data, 0, frames, options.scaling());
        ClusterSettings run = effectiveSettings(1, p -> x);
        ClusteringResult r = embeddings.fit(0, factory.create(run), x, monitor.sub(0.0, 0.95));
        int[] raw = r.labels();
        int k = Math.max(run.nClusters(), r.k());
        double[] score = new double[bins * frames];
        int[] pointRaw = new int[bins * frames];
        for (int t = 0; t < frames; t++) {
            for (int b = 0; b < bins; b++) {
                int i = t * bins + b;
                score[i] = options.roleRule().score(db, b, t);
                pointRaw[i] = matrix ? raw[b] : raw[i];
            }
        }
        int speech = SpeechRoleRule.speechCluster(pointRaw, score, k);
        int[] roles = new int[bins * frames];
        SpeechRoleRule.writeRoles(pointRaw, speech, roles, 0);
        double[] presence = new double[bins * frames];
        if (matrix) {
            double[] perBin = new double[bins];
            SoftScores.write(x, raw, k, speech, perBin, 0);
            for (int i = 0; i < presence.length; i++) {
                presence[i] = perBin[i % bins];
            }
        } else {
            SoftScores.write(x, raw, k, speech, presence, 0);
        }
        DiagnosticsCollector collector = new DiagnosticsCollector(options, run, 1, settings.autoGamma());
        collector.record(0, x, raw, r, Double.NaN);
        ClusterDiagnostics d = collector.result();
        List<String> warnings = new ArrayList<>(r.warnings());
        warnings.addAll(d.warnings());
        monitor.done();
        return new StrategyResult(new LabelGrid(bins, frames, roles), 1, x.n(), false, warnings, d,
                new TfMatrix(bins, frames, presence));
    }

    private void refuseTooLarge(int n) {
        boolean spectral = settings.algorithm() == ClusterSettings.Algorithm.SPECTRAL;
        boolean denseRbf = spectral && settings.spectral().affinity() == AffinityKind.RBF
                && settings.spectral().rbfTolerance() == 0;
        if (denseRbf && n > DENSE_RBF_POINTS) {
            throw new InvalidParameterException(String.format(Locale.ROOT, "strategy complete with affinity rbf on"
                    + " %,d points needs a dense %,d x %,d affinity (%.1f GB); the limit is %,d points — use"
                    + " affinity knn, strategy column or the matrix dataset", n, n, n, 8.0 * n * n / 1e9,
                    DENSE_RBF_POINTS));
        }
        int wardLimit = org.ncw.engine.cluster.AgglomerativeOptions.defaults().maxPoints();
        if (settings.algorithm() == ClusterSettings.Algorithm.WARD && n > wardLimit) {
            throw new InvalidParameterException(String.format(Locale.ROOT, "strategy complete with clusterer ward on"
                    + " %,d points takes O(n^2) time (about %.0f s); the limit is %,d points — use strategy"
                    + " column or the matrix dataset", n, 3e-9 * n * (double) n, wardLimit));
        }
        if (settings.algorithm() != ClusterSettings.Algorithm.KMEANS && n > MAX_POINTS) {
            throw new InvalidParameterException(String.format(Locale.ROOT, "strategy complete with clusterer %s on"
                    + " %,d points (%s) would take minutes and gigabytes; the limit is %,d points — use strategy"
                    + " column, the low resolution or clusterer kmeans", settings.algorithm().name()
                    .toLowerCase(Locale.ROOT), n, options.dataset().name().toLowerCase(Locale.ROOT), MAX_POINTS));
        }
    }
}
