package org.ncw.engine.cluster.strategy;

import org.junit.jupiter.api.Test;
import org.ncw.engine.cluster.AdjustedRandIndex;
import org.ncw.engine.cluster.AffinityKind;
import org.ncw.engine.cluster.EigenSolver;
import org.ncw.engine.cluster.LabelAssignment;
import org.ncw.engine.cluster.Points;
import org.ncw.engine.cluster.SpectralClusterer;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.dataset.Table3D;
import org.ncw.engine.dsp.Intensity;
import org.ncw.engine.dsp.SpectrogramMatrix;
import org.ncw.engine.dsp.TfAxes;
import org.ncw.engine.dsp.TfMatrix;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Intensity and gamma settings, diagnostics, soft speech presence and the up-front refusals. */
class DiagnosticsTest {

    @Test
    void medianHeuristicOnTwoValues() {
        // every pair of distinct points is 2 apart: gamma = 1 / (2 * 4)
        double[] v = new double[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 2 == 0 ? 0 : 2;
        }
        assertEquals(0.125, GammaHeuristic.of(List.of(Points.ofColumn(v)), 0), 1e-12);
        assertEquals(1.0, GammaHeuristic.of(List.of(Points.ofColumn(new double[] {3, 3, 3})), 0));
    }

    @Test
    void affinityStatsByHand() {
        // gamma 1: weights below 1e-10 beyond a distance of sqrt(ln 1e10) = 4.8
        AffinityStats a = AffinityStats.rbf(Points.ofColumn(new double[] {0, 0.1, 100}), 1.0);
        assertEquals(2, a.components());
        assertEquals(1, a.isolated());
        assertEquals(2.0 / 3, a.nearZeroShare(), 1e-12);
    }

    @Test
    void oneDimensionalStatsAgreeWithThePairwiseCount() {
        SplittableRandom r = new SplittableRandom(3);
        double[] v = new double[300];
        double[] two = new double[600];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble() < 0.1 ? 20 + 30 * r.nextDouble() : r.nextDouble() * 3;
            two[2 * i] = v[i];
        }
        AffinityStats sorted = AffinityStats.rbf(Points.ofColumn(v), 1.0);
        AffinityStats pairwise = AffinityStats.rbf(new Points(v.length, 2, two), 1.0);
        assertEquals(pairwise, sorted);
        assertTrue(sorted.components() > 1);
    }

    /** Columns of a loud block over a noise floor, as magnitudes (dB values -60 and -15). */
    static SpectrogramMatrix magnitudes() {
        TfMatrix db = StrategyTest.grid();
        double[] m = db.values().clone();
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.pow(10, (m[i] + 50) / 20); // the scale of STFT magnitudes: the floor 0.3, the block 56
        }
        return new SpectrogramMatrix(new TfMatrix(db.bins(), db.frames(), m),
                TfAxes.uniform(db.bins(), db.frames(), 0, 0.01, 25.0), Intensity.MAGNITUDE);
    }

    @Test
    void degenerateDbRunIsExplainedWithASuggestion() throws Exception {
        // real dB columns (the 683-bin columns of the scikit-learn fixtures): with gamma 1 most of the graph's
        // weights vanish and the spectral split cuts off a few outlying bins
        List<double[]> columns = StrategyFixtures.columns().stream().map(StrategyFixtures.Column::values)
                .filter(v -> v.length == 683).toList();
        TfMatrix db = TfMatrix.zeros(683, columns.size());
        for (int t = 0; t < columns.size(); t++) {
            for (int b = 0; b < 683; b++) {
                db.set(b, t, columns.get(t)[b]);
            }
        }
        StrategyOptions o = StrategyOptions.defaults().withIntensity(Intensity.DB);
        StrategyResult res = ClusteringStrategy.of(o, ClusterSettings.defaults(), ClustererFactory.core())
                .fit(StrategyTest.matrix(db), TaskMonitor.none());
        ClusterDiagnostics d = res.diagnostics();
        assertEquals(columns.size(), d.problems());
        assertTrue(d.nearZeroWeightShare() > 0.5, "near-zero share " + d.nearZeroWeightShare());
        assertTrue(d.degenerate(), "degenerate fraction " + d.degenerateFraction());
        assertEquals(1.0, d.effectiveGamma());
        String w = String.join("\n", res.warnings());
        assertTrue(w.contains("gamma 1 on db values") && w.contains("try gamma auto or magnitude"), w);
        assertEquals(683L * columns.size(), java.util.Arrays.stream(d.clusterSizes()).sum());

        // the median heuristic gives a kernel as wide as the typical distance: no longer degenerate
        StrategyResult auto = ClusteringStrategy.of(o, ClusterSettings.defaults()
                        .withGammaMode(ClusterSettings.GammaMode.AUTO), ClustererFactory.core())
                .fit(StrategyTest.matrix(db), TaskMonitor.none());
        assertTrue(auto.diagnostics().effectiveGamma() < 0.1, "gamma " + auto.diagnostics().effectiveGamma());
        assertFalse(auto.diagnostics().degenerate());
        assertTrue(auto.warnings().stream().noneMatch(s -> s.contains("degenerate")), auto.warnings().toString());
    }

    @Test
    void warningsOfAnAutoGammaRunNeverSuggestGammaAuto() {
        // three loud bins far above two groups: under any gamma they are a component of their own, split off
        int bins = 683;
        int frames = 20;
        TfMatrix db = TfMatrix.zeros(bins, frames);
        SplittableRandom random = new SplittableRandom(1);
        for (int t = 0; t < frames; t++) {
            for (int b = 0; b < bins; b++) {
                db.set(b, t, (b < 3 ? 60 : b < 300 ? 0 : -60) + 0.5 * random.nextDouble());
            }
        }
        for (Intensity intensity : Intensity.values()) {
            StrategyOptions o = StrategyOptions.defaults().withIntensity(intensity);
            StrategyResult fixed = ClusteringStrategy.of(o, ClusterSettings.defaults(), ClustererFactory.core())
                    .fit(StrategyTest.matrix(db), TaskMonitor.none());
            assertTrue(fixed.warnings().stream().anyMatch(s -> s.contains("falls apart") && s.contains("gamma auto")),
                    fixed.warnings().toString());
            StrategyResult auto = ClusteringStrategy.of(o, ClusterSettings.defaults()
                            .withGammaMode(ClusterSettings.GammaMode.AUTO), ClustererFactory.core())
                    .fit(StrategyTest.matrix(db), TaskMonitor.none());
            assertTrue(auto.diagnostics().degenerate(), intensity + ": " + auto.diagnostics());
            assertTrue(auto.warnings().stream().anyMatch(s -> s.contains("try a smaller gamma or the kNN affinity")),
                    intensity + ": " + auto.warnings());
            assertTrue(auto.warnings().stream().noneMatch(s -> s.contains("gamma auto")), auto.warnings().toString());
        }
    }

    @Test
    void magnitudeColumnsFindTheLoudBlockAndTheRoleRuleScoresDb() {
        StrategyResult r = ClusteringStrategy.of(StrategyOptions.defaults(), ClusterSettings.defaults(),
                ClustererFactory.core()).fit(Table3D.of(magnitudes()), TaskMonitor.none());
        // the columns with the block (the others are noise split in two, the louder half "speech")
        for (int t = 6; t < 18; t++) {
            for (int b = 0; b < StrategyTest.BINS; b++) {
                int want = StrategyTest.isSpeech(b, t) ? LabelGrid.SPEECH : LabelGrid.NOISE;
                assertEquals(want, r.labels().get(b, t), "bin " + b + " frame " + t);
            }
        }
    }

    @Test
    void softPresenceIsSoftAndInTheUnitInterval() {
        TfMatrix db = TfMatrix.zeros(120, 6);
        SplittableRandom r = new SplittableRandom(9);
        for (int t = 0; t < 6; t++) {
            for (int b = 0; b < 120; b++) {
                db.set(b, t, (b < 30 ? -20 : -50) + 6 * r.nextGaussian());
            }
        }
        StrategyOptions o = StrategyOptions.defaults().withIntensity(Intensity.DB);
        for (ClusterSettings c : List.of(ClusterSettings.defaults().withGammaMode(ClusterSettings.GammaMode.AUTO),
                ClusterSettings.defaults().withAlgorithm(ClusterSettings.Algorithm.KMEANS))) {
            StrategyResult res = ClusteringStrategy.of(o, c, ClustererFactory.core())
                    .fit(StrategyTest.matrix(db), TaskMonitor.none());
            double[] p = res.speechPresence().values();
            int strictlyBetween = 0;
            int differ = 0;
            for (int i = 0; i < p.length; i++) {
                assertTrue(p[i] >= 0 && p[i] <= 1, "p = " + p[i]);
                if (p[i] > 0.05 && p[i] < 0.95) {
                    strictlyBetween++;
                }
                if (Math.abs(p[i] - res.labels().labels()[i]) > 1e-9) {
                    differ++;
                }
            }
            assertTrue(strictlyBetween > p.length / 10, c.algorithm() + ": " + strictlyBetween + " soft values");
            assertEquals(p.length, differ, "soft equals strict somewhere");
            // speech points lean to speech on average, noise points to noise
            double speechMean = 0;
            double noiseMean = 0;
            int ns = 0;
            for (int i = 0; i < p.length; i++) {
                if (res.labels().labels()[i] == LabelGrid.SPEECH) {
                    speechMean += p[i];
                    ns++;
                } else {
                    noiseMean += p[i];
                }
            }
            assertTrue(speechMean / ns > 0.5 && noiseMean / (p.length - ns) < 0.5);
        }
    }

    @Test
    void fastPathDiscretizeAndClusterQrMatchTheExactCore() throws Exception {
        int checked = 0;
        for (StrategyFixtures.Column c : StrategyFixtures.columns()) {
            if (!c.wellPosed()) {
                continue;
            }
            for (LabelAssignment assign : List.of(LabelAssignment.DISCRETIZE, LabelAssignment.CLUSTER_QR)) {
                int[] fast = new Spectral1D(Spectral1D.Options.defaults()).cluster(c.values(), assign);
                int[] exact = SpectralClusterer.fit(Points.ofColumn(c.values()), org.ncw.engine.cluster.SpectralOptions
                        .defaults().withAssignLabels(assign).withEigenSolver(EigenSolver.DENSE), TaskMonitor.none())
                        .labels();
                double ari = AdjustedRandIndex.of(exact, fast);
                // a split-off of a few outliers (or one cluster) is ill-determined: a handful of points decide it
                if (smallest(exact) < 0.02 * exact.length) {
                    continue;
                }
                checked++;
                // cluster_qr's pivoted QR picks between nearly equal rows, which the value cells merge
                assertTrue(ari >= (assign == LabelAssignment.DISCRETIZE ? 0.95 : 0.9), c.source() + " column " + c.frame() + " " + assign + ": ARI " + ari);
            }
        }
        assertTrue(checked >= 5, checked + " columns checked");
    }

    @Test
    void tooLargeCompleteProblemsAreRefusedUpFrontNamingTheSetting() {
        TfMatrix db = TfMatrix.zeros(100, 120);
        StrategyOptions complete = StrategyOptions.defaults().withStrategy(StrategyKind.COMPLETE)
                .withDataset(DatasetKind.TABLE3D);
        ClustererFactory never = s -> {
            throw new AssertionError("must be refused before clustering");
        };
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> ClusteringStrategy.of(
                complete, ClusterSettings.defaults(), never).fit(StrategyTest.matrix(db), TaskMonitor.none()));
        assertTrue(e.getMessage().contains("affinity rbf") && e.getMessage().contains("12,000 points"), e.getMessage());
        e = assertThrows(InvalidParameterException.class, () -> ClusteringStrategy.of(complete.withDataset(
                        DatasetKind.TABLE3D), ClusterSettings.defaults().withAlgorithm(ClusterSettings.Algorithm.WARD),
                never).fit(StrategyTest.matrix(TfMatrix.zeros(300, 80)), TaskMonitor.none()));
        assertTrue(e.getMessage().contains("clusterer ward"), e.getMessage());
        // kNN on the same table is allowed
        ClusterSettings knn = ClusterSettings.defaults().withSpectral(ClusterSettings.defaults().spectral()
                .withAffinity(AffinityKind.NEAREST_NEIGHBORS));
        assertEquals(12000, ClusteringStrategy.of(complete, knn, ClustererFactory.core())
                .fit(StrategyTest.matrix(withNoise(db)), TaskMonitor.none())
                .pointsPerProblem());
    }

    private static int smallest(int[] labels) {
        int[] count = new int[2];
        for (int v : labels) {
            count[Math.min(v, 1)]++;
        }
        return Math.min(count[0], count[1]);
    }

    private static TfMatrix withNoise(TfMatrix m) {
        SplittableRandom r = new SplittableRandom(1);
        TfMatrix out = TfMatrix.zeros(m.bins(), m.frames());
        for (int t = 0; t < m.frames(); t++) {
            for (int b = 0; b < m.bins(); b++) {
                out.set(b, t, (b < 20 ? -10 : -50) + r.nextGaussian());
            }
        }
        return out;
    }

    @Test
    void newSettingsRoundTripAndOlderFilesGetTheDefaults() {
        StrategyOptions s = StrategyOptions.defaults().withIntensity(Intensity.POWER);
        assertEquals(s, Json.read(Json.write(s), StrategyOptions.class));
        ClusterSettings c = ClusterSettings.defaults().withGammaMode(ClusterSettings.GammaMode.AUTO);
        assertEquals(c, Json.read(Json.write(c), ClusterSettings.class));
        String older = Json.write(StrategyOptions.defaults()).replaceAll(",\\s*\"intensity\"\\s*:\\s*\"[A-Z]+\"", "");
        assertFalse(older.contains("intensity"));
        assertEquals(Intensity.DB, Json.read(older, StrategyOptions.class).intensity());
        assertEquals(Intensity.MAGNITUDE, StrategyOptions.defaults().intensity(), "the study's amplitudes");
    }
}
