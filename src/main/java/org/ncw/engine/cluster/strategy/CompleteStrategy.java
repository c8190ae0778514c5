package org.ncw.engine.cluster.strategy;

import org.ncw.engine.cluster.ClusteringResult;
import org.ncw.engine.cluster.Points;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.dataset.Table3D;
import org.ncw.engine.dsp.TfMatrix;

/**
 * The whole dataset in one clustering. On the matrix, samples are frequency bins (rows) with their dB over all
 * frames as features, so a whole bin is speech or noise, exactly as scikit-learn treats a 2-D array; on the 3-D
 * table, every time-frequency point is a sample.
 */
public final class CompleteStrategy extends SettingsStrategy {
    public CompleteStrategy(StrategyOptions options, ClusterSettings settings, ClustererFactory factory) {
        super(options, settings, factory);
    }

    @Override
    public StrategyResult fit(Table3D data, TaskMonitor monitor) {
        TfMatrix db = data.matrix().values();
        int bins = db.bins();
        int frames = db.frames();
        monitor.step(0, 1);
        Points x = options.dataset() == DatasetKind.MATRIX
                ? Features.matrixRows(db)
                : Features.table(data, 0, frames, options.scaling());
        ClusteringResult r = factory.create(settings).fit(x, monitor.sub(0.0, 0.95));
        int[] raw = r.labels();
        int k = Math.max(settings.nClusters(), r.k());
        double[] score = new double[bins * frames];
        int[] pointRaw = new int[bins * frames];
        for (int t = 0; t < frames; t++) {
            for (int b = 0; b < bins; b++) {
                int i = t * bins + b;
                score[i] = options.roleRule().score(db, b, t);
                pointRaw[i] = options.dataset() == DatasetKind.MATRIX ? raw[b] : raw[i];
            }
        }
        int[] roles = new int[bins * frames];
        SpeechRoleRule.writeRoles(pointRaw, score, k, roles, 0);
        monitor.done();
        return new StrategyResult(new LabelGrid(bins, frames, roles), 1, x.n(), false, r.warnings());
    }
}
