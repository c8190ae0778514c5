package org.ncw.engine.cluster.strategy;

import org.junit.jupiter.api.Test;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.cluster.AdjustedRandIndex;
import org.ncw.engine.cluster.LabelAssignment;
import org.ncw.engine.cluster.Points;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.pipeline.ClusterPipeline;
import org.ncw.engine.pipeline.ExperimentOptions;

import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Spectral1D} on points of several features (the 3-D table's columns): grid cells instead of value cells,
 * checked against the general spectral clusterer on every point ({@code --exact}).
 */
class GroupedSpectralTest {

    @Test
    void separatesTwoBlobsInTheSecondFeature() {
        Random r = new Random(3);
        double[][] rows = new double[300][];
        for (int i = 0; i < rows.length; i++) {
            // the first feature spreads widely (the bin), the second holds two groups 8 kernel widths apart
            rows[i] = new double[] {0.0, 3 * r.nextDouble(), (i < 200 ? 0 : 8) + 0.3 * r.nextGaussian()};
        }
        int[] labels = new Spectral1D(Spectral1D.Options.defaults()).cluster(Points.of(rows), LabelAssignment.KMEANS);
        for (int i = 0; i < rows.length; i++) {
            assertEquals(i < 200 ? labels[0] : labels[200], labels[i], "point " + i);
        }
        assertNotEquals(labels[0], labels[200]);
    }

    @Test
    void oneFeatureIsTheValuePathBitForBit() throws Exception {
        for (StrategyFixtures.Column c : StrategyFixtures.columns()) {
            for (LabelAssignment a : LabelAssignment.values()) {
                assertArrayEquals(new Spectral1D(Spectral1D.Options.defaults()).cluster(c.values(), a),
                        new Spectral1D(Spectral1D.Options.defaults()).cluster(Points.ofColumn(c.values()), a),
                        c.source() + " " + c.frame() + " " + a);
            }
        }
    }

    /**
     * The 3-D table's columns of a committed sample at the low grid, grouped (the default) and on every point with
     * the general clusterer: the same speech/noise roles for nearly every bin, for every label assignment.
     */
    @Test
    void tableColumnsAgreeWithTheGeneralClustererOnEveryPoint() throws Exception {
        var noisy = AudioReader.readMono(Path.of("samples/speech-babble-16k.noisy.wav"));
        for (LabelAssignment a : LabelAssignment.values()) {
            ClusterSettings settings = ClusterSettings.defaults().withSpectral(
                    ClusterSettings.defaults().spectral().withAssignLabels(a));
            ExperimentOptions o = ExperimentOptions.defaults().withStrategy(
                    StrategyOptions.defaults().withDataset(DatasetKind.TABLE3D)).withClusterer(settings);
            StrategyResult grouped = new ClusterPipeline(noisy).run(o, TaskMonitor.none()).clustering();
            StrategyResult exact = new ClusterPipeline(noisy).run(o.withClusterer(settings.withExact(true)),
                    TaskMonitor.none()).clustering();
            assertTrue(grouped.fastPath() && !exact.fastPath());
            LabelGrid g = grouped.labels();
            LabelGrid e = exact.labels();
            int bins = g.bins();
            int frames = g.frames();
            int same = 0;
            int columnsAlike = 0;
            for (int t = 0; t < frames; t++) {
                int[] gc = new int[bins];
                int[] ec = new int[bins];
                for (int b = 0; b < bins; b++) {
                    gc[b] = g.get(b, t);
                    ec[b] = e.get(b, t);
                    same += gc[b] == ec[b] ? 1 : 0;
                }
                columnsAlike += AdjustedRandIndex.of(ec, gc) >= 0.9 ? 1 : 0;
            }
            double agreement = same / (double) (bins * frames);
            assertTrue(agreement >= 0.99, a + ": roles agree on " + agreement);
            assertTrue(columnsAlike >= 0.95 * frames, a + ": " + columnsAlike + " of " + frames + " columns alike");
        }
    }
}
