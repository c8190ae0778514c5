package org.ncw.ui.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.cluster.strategy.ClusterSettings;
import org.ncw.engine.cluster.strategy.SpeechRoleRule;
import org.ncw.engine.workbench.WorkbenchOptions;
import org.ncw.ui.analysis.ParamCatalog;
import org.ncw.ui.analysis.ParameterSet;
import org.ncw.ui.app.WorkbenchViewModel;
import org.ncw.ui.testing.SilentTransport;
import org.ncw.ui.testing.TestRecordings;

/** The clusterer choice and k in the parameter panel: mapping onto the experiment, round trip, k > 2 runs. */
class ClustererSettingsTest {
    @TempDir
    Path dir;
    private WorkbenchViewModel vm;

    @AfterEach
    void close() {
        if (vm != null) {
            vm.preferences().clear();
            vm.close();
        }
    }

    @Test
    void everyAlgorithmAndKReachTheExperimentAndRoundTripThroughItsFile() {
        for (String algorithm : List.of("spectral", "kmeans", "ward", "gmm")) {
            ParamsViewModel params = new ParamsViewModel();
            params.textProperty("algorithm").set(algorithm);
            params.textProperty("clusters").set("4");
            params.textProperty("speechRule").set("higher_mean_flux");
            assertFalse(params.hasErrors(), algorithm);
            ParameterSet set = params.parametersProperty().get();
            WorkbenchOptions options = set.toOptions();
            assertEquals(ClusterSettings.Algorithm.valueOf(algorithm.toUpperCase(java.util.Locale.ROOT)),
                    options.clusterer().algorithm());
            assertEquals(4, options.clusterer().nClusters(), algorithm);
            assertEquals(SpeechRoleRule.HIGHER_MEAN_FLUX, options.strategy().roleRule());
            ParameterSet back = ParameterSet.fromJson(options.toJson());
            assertEquals(set, back, "the experiment file gives the same fields back");
            assertEquals(4, back.integer("clusters"));
            assertEquals(algorithm, back.text("algorithm"));
        }
    }

    @Test
    void kBelowTwoIsRefusedNamingTheFieldAndTheLastValidKStays() {
        ParamsViewModel params = new ParamsViewModel();
        params.textProperty("clusters").set("3");
        params.textProperty("clusters").set("1");
        assertTrue(params.errorProperty("clusters").get().startsWith("clusters"), params.errorProperty("clusters").get());
        assertEquals(3, params.parametersProperty().get().toOptions().clusterer().nClusters());
        params.textProperty("clusters").set(String.valueOf(ParamCatalog.MAX_CLUSTERS + 1));
        assertFalse(params.errorProperty("clusters").get().isEmpty());
    }

    @Test
    void theSpectralGraphFieldsApplyOnlyToTheSpectralAlgorithm() {
        ParamsViewModel params = new ParamsViewModel();
        assertTrue(params.applicableProperty("gamma").get());
        assertFalse(params.applicableProperty("neighbors").get(), "kNN k means nothing with rbf");
        params.textProperty("algorithm").set("ward");
        for (String key : ParamCatalog.SPECTRAL_ONLY) {
            assertFalse(params.applicableProperty(key).get(), key + " with ward");
        }
        assertTrue(params.applicableProperty("clusters").get());
        params.textProperty("algorithm").set("spectral");
        params.textProperty("affinity").set("knn");
        assertTrue(params.applicableProperty("neighbors").get());
        assertFalse(params.applicableProperty("gamma").get());
        assertFalse(params.applicableProperty("gammaMode").get(), "no gamma with kNN");
        params.textProperty("affinity").set("rbf");
        params.textProperty("gammaMode").set("auto");
        assertTrue(params.applicableProperty("gammaMode").get());
        assertFalse(params.applicableProperty("gamma").get(), "auto gamma: the value field is unused");
    }

    @Test
    void theRoleRuleForKAboveTwoIsWhatTheTooltipSays() {
        String help = ParamCatalog.get("clusters").help();
        assertTrue(help.contains("Exactly one") && help.contains("k-1") && help.contains("noise"), help);
        // the engine's rule: the cluster with the highest mean score is speech, all others noise
        int[] raw = {0, 1, 2, 2, 1, 0};
        double[] db = {-60, -10, -40, -42, -12, -61};
        assertEquals(1, SpeechRoleRule.speechCluster(raw, db, 3));
    }

    @Test
    void kMeansWithThreeClustersLabelsOneThirdAsSpeechAtMostTheTwoClusterShare() throws Exception {
        Path noisy = TestRecordings.writePair(dir, "k", 1.0);
        vm = WorkbenchViewModel.forTests(new SilentTransport());
        vm.params().load(TestRecordings.fastParameters().with("algorithm", "kmeans"));
        vm.open(noisy);
        double two = vm.document().runs().get(vm.document().runs().size() - 1).speechFraction();
        vm.params().textProperty("clusters").set("3");
        double three = vm.document().runs().get(vm.document().runs().size() - 1).speechFraction();
        assertEquals(3, vm.lastResultProperty().get().parameters().integer("clusters"));
        assertTrue(three > 0 && three < two, "k = 3: one speech cluster of three is a smaller share: " + three
                + " vs " + two + " with k = 2");
    }
}
