package org.ncw.engine.cluster.strategy;

import org.junit.jupiter.api.Test;
import org.ncw.engine.cluster.Clusterer;
import org.ncw.engine.cluster.ClusteringResult;
import org.ncw.engine.core.CancellationToken;
import org.ncw.engine.core.CancelledException;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.cluster.AffinityKind;
import org.ncw.engine.cluster.FeatureScaling;
import org.ncw.engine.dsp.Intensity;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.dsp.SpectrogramMatrix;
import org.ncw.engine.dataset.Table3D;
import org.ncw.engine.dsp.TfAxes;
import org.ncw.engine.dsp.TfMatrix;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrategyTest {
    static final int BINS = 40;
    static final int FRAMES = 24;

    /** A -60 dB noise floor with a loud "speech" block at bins 10..19, frames 6..17. */
    static TfMatrix grid() {
        TfMatrix db = TfMatrix.zeros(BINS, FRAMES);
        for (int t = 0; t < FRAMES; t++) {
            for (int b = 0; b < BINS; b++) {
                boolean speech = b >= 10 && b < 20 && t >= 6 && t < 18;
                db.set(b, t, (speech ? -15 : -60) + 0.37 * ((b * 7 + t * 3) % 5));
            }
        }
        return db;
    }

    static SpectrogramMatrix matrix(TfMatrix db) {
        return new SpectrogramMatrix(db, TfAxes.uniform(db.bins(), db.frames(), 0, 0.01, 25.0), Intensity.DB);
    }

    static boolean isSpeech(int b, int t) {
        return b >= 10 && b < 20 && t >= 6 && t < 18;
    }

    /**
     * Splits points at the midpoint of the last feature's range, numbering clusters differently in alternate
     * calls, so only a role rule can make the labels consistent.
     */
    static final class SplittingClusterer implements Clusterer {
        final List<double[][]> seen = new CopyOnWriteArrayList<>();

        @Override
        public ClusteringResult fit(double[][] x, TaskMonitor m) {
            seen.add(x);
            int last = x[0].length - 1;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] r : x) {
                lo = Math.min(lo, r[last]);
                hi = Math.max(hi, r[last]);
            }
            int flip = seen.size() % 2;
            int[] labels = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                labels[i] = (x[i][last] > (lo + hi) / 2 ? 1 : 0) ^ flip;
            }
            return new ClusteringResult(labels, 2, List.of("test warning"), Map.of());
        }
    }

    @Test
    void columnByColumnOnTheTableLabelsSpeechConsistentlyWhateverTheClusterNumbers() {
        SplittingClusterer c = new SplittingClusterer();
        StrategyOptions o = StrategyOptions.defaults().withDataset(DatasetKind.TABLE3D).withScaling(FeatureScaling.NONE);
        StrategyResult r = ClusteringStrategy.of(o, ClusterSettings.defaults().withExact(true), s -> c)
                .fit(matrix(grid()), TaskMonitor.none());
        assertEquals(FRAMES, c.seen.size());
        assertEquals(BINS, c.seen.get(0).length);
        assertEquals(3, c.seen.get(0)[0].length);
        for (int t = 6; t < 18; t++) {
            for (int b = 0; b < BINS; b++) {
                assertEquals(isSpeech(b, t) ? LabelGrid.SPEECH : LabelGrid.NOISE, r.labels().get(b, t), b + "," + t);
            }
        }
        assertEquals(List.of("test warning"), r.warnings());
        assertFalse(r.fastPath());
    }

    @Test
    void completeMatrixClustersFrequencyBinsAndBroadcastsOverFrames() {
        SplittingClusterer c = new SplittingClusterer();
        StrategyOptions o = StrategyOptions.defaults().withStrategy(StrategyKind.COMPLETE);
        // the clusterer sees the bins x frames matrix; it splits on the last frame, where no bin is loud, so
        // make bins 10..19 louder there too
        TfMatrix db = grid();
        for (int b = 10; b < 20; b++) {
            db.set(b, FRAMES - 1, -20);
        }
        StrategyResult r = ClusteringStrategy.of(o, ClusterSettings.defaults(), s -> c)
                .fit(matrix(db), TaskMonitor.none());
        assertEquals(1, c.seen.size());
        assertEquals(BINS, c.seen.get(0).length);
        assertEquals(FRAMES, c.seen.get(0)[0].length);
        for (int t = 0; t < FRAMES; t++) {
            for (int b = 0; b < BINS; b++) {
                assertEquals(b >= 10 && b < 20 ? LabelGrid.SPEECH : LabelGrid.NOISE, r.labels().get(b, t));
            }
        }
    }

    @Test
    void completeTableStandardisesFeaturesAndAddsCentroidDistance() {
        SplittingClusterer c = new SplittingClusterer();
        StrategyOptions o = StrategyOptions.defaults().withStrategy(StrategyKind.COMPLETE)
                .withDataset(DatasetKind.TABLE3D).withCentroidDistance(true);
        ClusteringStrategy.of(o, ClusterSettings.defaults(), s -> c)
                .fit(Table3D.withCentroidDistance(matrix(grid()), 333.0), TaskMonitor.none());
        double[][] x = c.seen.get(0);
        assertEquals(BINS * FRAMES, x.length);
        assertEquals(4, x[0].length);
        for (int d = 0; d < 4; d++) {
            double mean = 0;
            double sq = 0;
            for (double[] row : x) {
                mean += row[d];
                sq += row[d] * row[d];
            }
            assertEquals(0.0, mean / x.length, 1e-9);
            assertEquals(1.0, sq / x.length, 1e-9);
        }
    }

    @Test
    void matrixColumnsTakeTheOneDimensionalPathAndAgreeWithIt() {
        TfMatrix db = grid();
        StrategyResult r = ClusteringStrategy.of(StrategyOptions.defaults(), ClusterSettings.defaults(), s -> {
            throw new AssertionError("fast path must not create a general clusterer");
        }).fit(matrix(db), TaskMonitor.none());
        assertTrue(r.fastPath());
        for (int t = 6; t < 18; t++) {
            int[] raw = Spectral1D.fit(db.column(t), ClusterSettings.defaults().spectral1D());
            for (int b = 0; b < BINS; b++) {
                assertEquals(raw[b] == raw[15] ? LabelGrid.SPEECH : LabelGrid.NOISE, r.labels().get(b, t));
                assertEquals(isSpeech(b, t) ? LabelGrid.SPEECH : LabelGrid.NOISE, r.labels().get(b, t));
            }
        }
    }

    @Test
    void progressReachesOneAndCancellationStopsTheColumns() {
        AtomicReference<Double> last = new AtomicReference<>(0.0);
        CancellationToken token = new CancellationToken();
        TaskMonitor m = TaskMonitor.of((f, s) -> last.accumulateAndGet(f, Math::max), token);
        ClusteringStrategy.of(StrategyOptions.defaults().withThreads(2), ClusterSettings.defaults(),
                s -> new SplittingClusterer()).fit(matrix(grid()), m);
        assertEquals(1.0, last.get(), 1e-12);

        SplittingClusterer c = new SplittingClusterer();
        Clusterer cancelling = (x, mon) -> {
            token.cancel();
            return c.fit(x, mon);
        };
        assertThrows(CancelledException.class, () -> ClusteringStrategy.of(
                StrategyOptions.defaults().withThreads(1), ClusterSettings.defaults().withExact(true), s -> cancelling)
                .fit(matrix(grid()), m));
        assertTrue(c.seen.size() < FRAMES, "stopped after " + c.seen.size() + " columns");
    }

    @Test
    void roleRulePicksTheLouderClusterBreaksTiesBySizeAndNeedsTwoClusters() {
        assertEquals(1, SpeechRoleRule.speechCluster(new int[] {0, 0, 1}, new double[] {-50, -40, -10}, 2));
        assertEquals(0, SpeechRoleRule.speechCluster(new int[] {0, 1, 1}, new double[] {-10, -10, -10}, 2));
        assertEquals(-1, SpeechRoleRule.speechCluster(new int[] {1, 1, 1}, new double[] {-10, -20, -30}, 2));
        assertEquals(2, SpeechRoleRule.speechCluster(new int[] {0, 1, 2}, new double[] {-30, -20, -10}, 3));
        TfMatrix db = grid();
        assertEquals(45.0, SpeechRoleRule.HIGHER_MEAN_FLUX.score(db, 12, 6), 1.0);
        assertEquals(0.0, SpeechRoleRule.HIGHER_MEAN_FLUX.score(db, 12, 18), 1e-12);
    }

    @Test
    void optionsRoundTripThroughJsonAndValidate() {
        StrategyOptions o = StrategyOptions.defaults().withDataset(DatasetKind.TABLE3D).withCentroidDistance(true)
                .withRoleRule(SpeechRoleRule.HIGHER_MEAN_FLUX).withThreads(3);
        assertEquals(o, Json.read(Json.write(o), StrategyOptions.class));
        ClusterSettings s = ClusterSettings.defaults().withSpectral(ClusterSettings.defaults().spectral()
                .withAffinity(AffinityKind.NEAREST_NEIGHBORS).withNNeighbors(7).withSeed(42)).withQuantum(0.25);
        assertEquals(s, Json.read(Json.write(s), ClusterSettings.class));
        var e = assertThrows(IllegalArgumentException.class, () -> ClusterSettings.defaults()
                .withSpectral(ClusterSettings.defaults().spectral().withNClusters(1)));
        assertTrue(e.getMessage().contains("nClusters"));
        assertThrows(IllegalArgumentException.class, () -> StrategyOptions.defaults().withThreads(-1));
    }
}
